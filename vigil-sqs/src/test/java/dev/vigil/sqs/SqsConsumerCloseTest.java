package dev.vigil.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.QueueSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Closing a consumer does not wait out its long poll; a message that poll brings back is released
 * for others at once, never handled and never hidden for the visibility timeout.
 */
class SqsConsumerCloseTest {
  private static EmbeddedSqs sqs;

  @AutoClose private final Vigil vigil = Vigil.create();
  @AutoClose private final SqsBus bus = SqsBus.connect(vigil, sqs.endpoint());

  @BeforeAll
  static void startElasticMq() {
    sqs = EmbeddedSqs.start();
  }

  @AfterAll
  static void stopElasticMq() {
    sqs.stop();
  }

  @Test
  void a_message_the_closed_consumers_poll_brings_back_is_released_not_handled() {
    String queue = "close-" + UUID.randomUUID();
    bus.createQueue(QueueSpec.named(queue).withVisibilityTimeout(Duration.ofSeconds(30)));
    AtomicInteger handled = new AtomicInteger();
    BusConsumer consumer = bus.consume(queue, message -> handled.incrementAndGet());
    BusTestClient client = BusTestClient.of(vigil, bus);
    client.send(queue, Map.of("n", 1));
    vigil
        .eventually(() -> vigil.timeline().byType(BusEntries.ack(queue)).size() == 1)
        .within(Duration.ofSeconds(5));
    vigil
        .eventually(() -> inLongPoll(queue))
        .describedAs("the consumer's thread to be back in a long poll")
        .within(Duration.ofSeconds(5));

    consumer.close();
    client.send(queue, Map.of("n", 2));

    // Hidden by the abandoned poll, the message would stay invisible for 30 s.
    assertThat(client.drain(queue, 1, Duration.ofSeconds(5), Map.class))
        .containsExactly(Map.of("n", 2));
    assertThat(handled).hasValue(1);
  }

  /** Whether the consumer's thread waits in the SDK's receive call. */
  private static boolean inLongPoll(String queue) {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(thread -> thread.getKey().getName().startsWith("vigil-sqs-consumer-" + queue))
        .flatMap(thread -> Arrays.stream(thread.getValue()))
        .anyMatch(frame -> frame.getMethodName().equals("receiveMessage"));
  }
}
