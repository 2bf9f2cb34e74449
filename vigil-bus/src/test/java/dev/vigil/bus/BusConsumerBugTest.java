package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Bus bugs the invariant loop found, each as the smallest schedule that shows it. */
class BusConsumerBugTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);

  @Test
  @Disabled(
      "bus bug: a handler that throws an Error kills its consumer slot for good; the message"
          + " is never redelivered to the consumer — see report")
  void a_consumer_redelivers_after_its_handler_threw_an_error() {
    bus.createQueue(QueueSpec.named("jobs").withVisibilityTimeout(Duration.ofSeconds(30)));
    List<String> handled = new CopyOnWriteArrayList<>();
    bus.consume(
        "jobs",
        message -> {
          handled.add(message.body() + " #" + message.receiveCount());
          if (message.receiveCount() == 1) {
            throw new StackOverflowError("handler crashed");
          }
        });

    bus.send("jobs", Message.of("j0"));
    Throwable escaped = catchThrowable(() -> vigil.virtualTime().advanceBy(Duration.ZERO));
    vigil.virtualTime().advanceBy(Duration.ofMinutes(5));

    assertThat(escaped).isInstanceOf(StackOverflowError.class);
    assertThat(handled).containsExactly("j0 #1", "j0 #2");
  }

  @Test
  @Disabled(
      "bus bug: a message's own delay adds to the queue's delay; in SQS it replaces it — see"
          + " report")
  void a_message_delay_replaces_the_queue_delay() {
    bus.createQueue(QueueSpec.named("jobs").withDelay(Duration.ofSeconds(30)));

    bus.send("jobs", Message.of("j0").withDelay(Duration.ofSeconds(5)));
    vigil.virtualTime().advanceBy(Duration.ofSeconds(5));

    assertThat(bus.receive("jobs", Receive.one()))
        .extracting(ReceivedMessage::body)
        .containsExactly("j0");
  }
}
