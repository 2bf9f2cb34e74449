package dev.vigil.bus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.bus.PeekableBus;
import dev.vigil.bus.QueuedMessage;
import dev.vigil.bus.Receive;
import org.junit.jupiter.api.Test;

/**
 * Peeking: looking at a queue without receiving from it. The embedded bus and Kafka honour it; SQS
 * cannot, so its test class does not implement this interface.
 */
public interface PeekableBusContract extends BusFixture {

  @Override
  PeekableBus bus();

  @Test
  default void peek_shows_waiting_and_in_flight_messages_without_receiving_them() {
    String queue = name("orders");
    bus().createQueue(queue);
    client().send(queue, new ContractPayload("o-1", 1));
    client().send(queue, new ContractPayload("o-2", 2));
    awaitStats(queue, 2);

    assertThat(client().peek(queue, ContractPayload.class))
        .containsExactly(new ContractPayload("o-1", 1), new ContractPayload("o-2", 2));
    bus().receive(queue, Receive.one());

    assertThat(bus().peek(queue))
        .extracting(QueuedMessage::state)
        .containsExactlyInAnyOrder(QueuedMessage.State.IN_FLIGHT, QueuedMessage.State.VISIBLE);
  }
}
