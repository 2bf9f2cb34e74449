package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A handler that throws an {@link Error} fails its message, never its consumer. */
class HandlerErrorTest {

  /** Throws {@link StackOverflowError} on its first call, then records what it handles. */
  private static final class OverflowsOnce implements MessageHandler {
    final AtomicInteger calls = new AtomicInteger();
    final List<String> handled = new CopyOnWriteArrayList<>();

    @Override
    public void handle(ReceivedMessage message) {
      if (calls.incrementAndGet() == 1) {
        throw new StackOverflowError("recursion in the handler");
      }
      handled.add(message.body());
    }
  }

  @Test
  void under_virtual_time_a_consumer_survives_a_stack_overflow_and_retries_the_message() {
    try (Vigil vigil = Vigil.withVirtualTime();
        EmbeddedBus bus = EmbeddedBus.create(vigil)) {
      bus.createQueue(QueueSpec.named("orders").withVisibilityTimeout(Duration.ofSeconds(30)));
      OverflowsOnce handler = new OverflowsOnce();
      BusConsumer consumer = bus.consume("orders", handler, ConsumerOptions.defaults());

      bus.send("orders", Message.of("o-1"));
      bus.send("orders", Message.of("o-2"));

      vigil.eventually(() -> consumer.acknowledged() == 2).within(Duration.ofMinutes(1));
      assertThat(handler.handled).containsExactlyInAnyOrder("o-1", "o-2");
      assertThat(consumer.failed()).isEqualTo(1);
      assertThat(vigil.timeline().byType(BusEntries.handlerFailed("orders")))
          .singleElement()
          .satisfies(
              entry ->
                  assertThat(entry.attributes())
                      .containsEntry("exception", StackOverflowError.class.getName()));
      assertThat(vigil.timeline().byType(BusEntries.retry("orders"))).hasSize(1);
    }
  }

  @Test
  void under_real_time_a_consumer_survives_a_stack_overflow_and_retries_the_message() {
    try (Vigil real = Vigil.create();
        EmbeddedBus bus = EmbeddedBus.create(real)) {
      bus.createQueue(QueueSpec.named("orders").withVisibilityTimeout(Duration.ofMillis(200)));
      OverflowsOnce handler = new OverflowsOnce();
      BusConsumer consumer =
          bus.consume("orders", handler, ConsumerOptions.defaults().withBatchSize(1));

      bus.send("orders", Message.of("o-1"));

      // Only the visibility timeout brings the message back: nothing else is sent.
      real.eventually(() -> consumer.acknowledged() == 1).within(Duration.ofSeconds(5));
      assertThat(handler.handled).containsExactly("o-1");
      assertThat(consumer.failed()).isEqualTo(1);
      assertThat(real.timeline().byType(BusEntries.handlerFailed("orders")))
          .singleElement()
          .satisfies(
              entry ->
                  assertThat(entry.attributes())
                      .containsEntry("exception", StackOverflowError.class.getName()));
    }
  }
}
