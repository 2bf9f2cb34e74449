package dev.vigil.bus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.BusEntries;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.ReceivedMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The consumer's side of the contract: a handler that returns acknowledges, one that throws is
 * retried, and one that keeps throwing sends the message to the dead-letter queue after {@code
 * maxReceiveCount} attempts. Queues get a 1 s visibility timeout, so that a backend with visibility
 * timeouts retries quickly; one without ignores it.
 */
public interface ConsumerContract extends BusFixture {

  /** How long a failed message stays hidden before its retry, on backends that hide it. */
  Duration RETRY_AFTER = Duration.ofSeconds(1);

  @Test
  default void a_handler_that_returns_acknowledges_each_message_once() {
    String queue = name("billing");
    bus().createQueue(QueueSpec.named(queue).withVisibilityTimeout(RETRY_AFTER));
    List<String> handled = new CopyOnWriteArrayList<>();

    try (BusConsumer consumer = bus().consume(queue, message -> handled.add(message.body()))) {
      client().send(queue, new ContractPayload("o-1", 1), "flow-" + queue);
      client().send(queue, new ContractPayload("o-2", 2));

      vigil()
          .eventually(() -> consumer.acknowledged())
          .describedAs("two acknowledgements on '" + queue + "'")
          .matching(count -> count == 2)
          .within(patience());
      assertThat(consumer.queue()).isEqualTo(queue);
      assertThat(consumer.failed()).isZero();
    }
    assertThat(handled).hasSize(2);
    vigil()
        .timeline()
        .trace("flow-" + queue)
        .containsInOrder(BusEntries.send(queue), BusEntries.ack(queue));
    assertThat(client().take(queue, ContractPayload.class)).isEmpty();
  }

  @Test
  default void a_handler_that_throws_gets_the_message_again_with_a_raised_receive_count() {
    String queue = name("billing");
    bus().createQueue(QueueSpec.named(queue).withVisibilityTimeout(RETRY_AFTER));
    List<Integer> receiveCounts = new CopyOnWriteArrayList<>();

    try (BusConsumer consumer =
        bus()
            .consume(
                queue,
                message -> {
                  receiveCounts.add(message.receiveCount());
                  if (message.receiveCount() == 1) {
                    throw new IllegalStateException("database down");
                  }
                })) {
      client().send(queue, new ContractPayload("o-1", 1));

      vigil()
          .eventually(() -> consumer.acknowledged())
          .describedAs("the retried message acknowledged on '" + queue + "'")
          .matching(count -> count == 1)
          .within(patience());
      assertThat(consumer.failed()).isEqualTo(1);
    }
    assertThat(receiveCounts).containsExactly(1, 2);
    assertThat(vigil().timeline().byType(BusEntries.handlerFailed(queue)))
        .singleElement()
        .satisfies(entry -> assertThat(entry.summary()).contains("database down"));
  }

  @Test
  default void a_message_that_keeps_failing_goes_to_the_dead_letter_queue_after_max_receives() {
    String queue = name("customer-order-created");
    String deadLetters = name("customer-order-created-dlq");
    bus()
        .createQueue(
            QueueSpec.named(queue)
                .withVisibilityTimeout(RETRY_AFTER)
                .withDeadLetterQueue(deadLetters, 2));
    List<ReceivedMessage> attempts = new CopyOnWriteArrayList<>();

    try (BusConsumer consumer =
        bus()
            .consume(
                queue,
                message -> {
                  attempts.add(message);
                  throw new IllegalArgumentException("customer c-404 not found");
                })) {
      client().send(queue, new ContractPayload("o-404", 1), "flow-" + queue);

      assertThat(
              client()
                  .drainDeadLetters(queue, 1, patience().multipliedBy(2), ContractPayload.class))
          .containsExactly(new ContractPayload("o-404", 1));
      assertThat(consumer.acknowledged()).isZero();
    }
    assertThat(attempts).extracting(ReceivedMessage::receiveCount).containsExactly(1, 2);
    // Recorded by the time the dead letter can be drained, and in the message's flow.
    assertThat(vigil().timeline().byType(BusEntries.deadLetter(queue))).hasSize(1);
    vigil()
        .timeline()
        .trace("flow-" + queue)
        .containsInOrder(BusEntries.send(queue), BusEntries.deadLetter(queue));
    assertThat(client().take(queue, ContractPayload.class)).isEmpty();
  }
}
