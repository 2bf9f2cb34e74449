package dev.vigil.bus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.WaitTimeoutError;
import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusException;
import dev.vigil.bus.Message;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.bus.UndecodableMessageException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The test client's side of the contract on queues: send, drain, take, receive, delete, release,
 * purge, stats, and the failures for unknown queues, undecodable bodies and drains that time out.
 */
public interface QueueContract extends BusFixture {

  @Test
  default void a_sent_payload_is_drained_typed_with_its_correlation_id_on_the_timeline() {
    String queue = name("orders");
    bus().createQueue(queue);

    client().send(queue, new ContractPayload("o-1", 3), "flow-" + queue);

    assertThat(client().drain(queue, 1, patience(), ContractPayload.class))
        .containsExactly(new ContractPayload("o-1", 3));
    vigil()
        .timeline()
        .trace("flow-" + queue)
        .containsInOrder(BusEntries.send(queue), BusEntries.receive(queue), BusEntries.ack(queue));
  }

  @Test
  default void drain_returns_every_message_sent() {
    String queue = name("orders");
    bus().createQueue(queue);

    for (int i = 1; i <= 12; i++) {
      client().send(queue, new ContractPayload("o-" + i, i));
    }

    assertThat(client().drain(queue, 12, patience(), ContractPayload.class))
        .extracting(ContractPayload::amount)
        .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(client().take(queue, ContractPayload.class)).isEmpty();
  }

  @Test
  default void take_on_an_empty_queue_returns_nothing_at_once() {
    String queue = name("empty");
    bus().createQueue(queue);

    assertThat(client().take(queue, ContractPayload.class)).isEmpty();
  }

  @Test
  default void attributes_and_the_correlation_id_reach_the_receiver() {
    String queue = name("orders");
    bus().createQueue(queue);

    bus()
        .send(
            queue,
            Message.of("{}").withAttribute("type", "order.created").withCorrelationId("c-77"));

    ReceivedMessage received = receiveOne(queue);
    assertThat(received.attributes()).containsEntry("type", "order.created");
    assertThat(received.correlationId()).isEqualTo("c-77");
    assertThat(received.body()).isEqualTo("{}");
    assertThat(received.receiveCount()).isEqualTo(1);
  }

  @Test
  default void a_deleted_message_is_not_received_again() {
    String queue = name("orders");
    bus().createQueue(queue);
    client().send(queue, new ContractPayload("o-1", 1));

    ReceivedMessage received = receiveOne(queue);

    assertThat(bus().delete(queue, received.receiptHandle())).isTrue();
    assertThat(bus().receive(queue, Receive.upTo(10))).isEmpty();
  }

  @Test
  default void a_released_message_is_received_again_with_its_receive_count_raised() {
    String queue = name("orders");
    bus().createQueue(queue);
    client().send(queue, new ContractPayload("o-1", 1));
    ReceivedMessage first = receiveOne(queue);

    bus().release(queue, first.receiptHandle());

    ReceivedMessage again = receiveOne(queue);
    assertThat(again.messageId()).isEqualTo(first.messageId());
    assertThat(again.receiveCount()).isEqualTo(2);
  }

  @Test
  default void an_undecodable_body_fails_naming_the_queue_and_stays_on_it() {
    String queue = name("orders");
    bus().createQueue(queue);
    bus().send(queue, Message.of("{not json"));

    assertThatThrownBy(() -> client().drain(queue, 1, patience(), ContractPayload.class))
        .isInstanceOf(UndecodableMessageException.class)
        .hasMessageContaining("on queue '" + queue + "' (kept on the queue)")
        .hasMessageContaining("raw body: {not json");

    assertThat(receiveOne(queue).body()).isEqualTo("{not json");
    assertThat(vigil().timeline().byType(BusEntries.undecodable(queue))).hasSize(1);
  }

  @Test
  default void purge_empties_a_queue() {
    String queue = name("orders");
    bus().createQueue(queue);
    client().send(queue, new ContractPayload("o-1", 1));
    client().send(queue, new ContractPayload("o-2", 2));
    awaitStats(queue, 2);

    bus().purge(queue);

    assertThat(bus().receive(queue, Receive.upTo(10))).isEmpty();
  }

  @Test
  default void reset_purges_every_queue_and_keeps_them() {
    String first = name("billing");
    String second = name("shipping");
    bus().createQueue(first);
    bus().createQueue(second);
    client().send(first, new ContractPayload("o-1", 1));
    client().send(second, new ContractPayload("o-1", 1));
    awaitStats(first, 1);
    awaitStats(second, 1);

    bus().reset();

    assertThat(bus().queues()).contains(first, second);
    assertThat(bus().receive(first, Receive.upTo(10))).isEmpty();
    assertThat(bus().receive(second, Receive.upTo(10))).isEmpty();
  }

  @Test
  default void spec_returns_the_dead_letter_queue_and_receive_limit_the_queue_was_created_with() {
    String queue = name("orders");
    String deadLetters = name("orders-dlq");

    bus().createQueue(QueueSpec.named(queue).withDeadLetterQueue(deadLetters, 4));

    assertThat(bus().spec(queue).deadLetterQueue()).isEqualTo(deadLetters);
    assertThat(bus().spec(queue).maxReceiveCount()).isEqualTo(4);
    assertThat(bus().queues()).contains(queue, deadLetters);
  }

  @Test
  default void stats_count_waiting_and_in_flight_messages() {
    String queue = name("orders");
    bus().createQueue(queue);
    client().send(queue, new ContractPayload("o-1", 1));
    client().send(queue, new ContractPayload("o-2", 2));
    awaitStats(queue, 2);

    bus().receive(queue, Receive.one());

    vigil()
        .eventually(() -> bus().stats(queue))
        .describedAs("one visible and one in flight on '" + queue + "'")
        .matching(stats -> stats.visible() == 1 && stats.inFlight() == 1)
        .within(patience());
  }

  @Test
  default void sending_to_an_unknown_queue_fails_naming_it() {
    String queue = name("nowhere");

    assertThatThrownBy(() -> bus().send(queue, Message.of("{}")))
        .isInstanceOf(BusException.class)
        .hasMessageContaining(queue);
    assertThatThrownBy(() -> bus().receive(queue, Receive.one()))
        .isInstanceOf(BusException.class)
        .hasMessageContaining(queue);
  }

  @Test
  default void a_drain_that_times_out_lists_what_did_arrive() {
    String queue = name("orders");
    bus().createQueue(queue);
    client().send(queue, new ContractPayload("o-1", 1));

    assertThatThrownBy(
            () -> client().drain(queue, 2, Duration.ofMillis(1500), ContractPayload.class))
        .isInstanceOf(WaitTimeoutError.class)
        .hasMessageContaining("2 message(s) on queue '" + queue + "'")
        .hasMessageContaining("1 arrived: [ContractPayload[id=o-1, amount=1]]");
  }
}
