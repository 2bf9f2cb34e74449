package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class FifoQueueTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);

  private void createOrders() {
    bus.createQueue(
        QueueSpec.named("orders.fifo")
            .withContentBasedDeduplication()
            .withVisibilityTimeout(Duration.ofSeconds(30)));
  }

  private String send(String group, String body) {
    return bus.send("orders.fifo", Message.of(body).withGroupId(group));
  }

  private List<String> receiveBodies(int max) {
    return bus.receive("orders.fifo", Receive.upTo(max)).stream()
        .map(ReceivedMessage::body)
        .toList();
  }

  @Test
  void messages_of_one_group_come_out_in_the_order_they_were_sent() {
    createOrders();
    send("customer-1", "a1");
    send("customer-1", "a2");
    send("customer-1", "a3");

    assertThat(receiveBodies(10)).containsExactly("a1", "a2", "a3");
  }

  @Test
  void a_group_gives_out_nothing_while_one_of_its_messages_is_in_flight() {
    createOrders();
    send("customer-1", "a1");
    send("customer-1", "a2");
    send("customer-2", "b1");

    assertThat(receiveBodies(1)).containsExactly("a1");
    assertThat(receiveBodies(10)).containsExactly("b1");
  }

  @Test
  void deleting_the_in_flight_message_releases_the_next_one_of_its_group() {
    createOrders();
    send("customer-1", "a1");
    send("customer-1", "a2");
    ReceivedMessage first = bus.receive("orders.fifo", Receive.one()).get(0);

    bus.delete("orders.fifo", first.receiptHandle());

    assertThat(receiveBodies(10)).containsExactly("a2");
  }

  @Test
  void a_message_back_from_its_visibility_timeout_goes_out_again_before_the_ones_behind_it() {
    createOrders();
    send("customer-1", "a1");
    send("customer-1", "a2");
    receiveBodies(1);

    vigil.virtualTime().advanceBy(Duration.ofSeconds(30));

    List<ReceivedMessage> again = bus.receive("orders.fifo", Receive.upTo(10));
    assertThat(again).extracting(ReceivedMessage::body).containsExactly("a1", "a2");
    assertThat(again.get(0).receiveCount()).isEqualTo(2);
  }

  @Test
  void messages_carry_growing_sequence_numbers_and_their_group() {
    createOrders();
    send("customer-1", "a1");
    send("customer-1", "a2");

    List<ReceivedMessage> received = bus.receive("orders.fifo", Receive.upTo(10));

    assertThat(received).extracting(ReceivedMessage::groupId).containsOnly("customer-1");
    assertThat(received.get(0).sequenceNumber()).isLessThan(received.get(1).sequenceNumber());
  }

  @Test
  void the_same_deduplication_id_within_five_minutes_is_accepted_once() {
    bus.createQueue("orders.fifo");
    Message message = Message.of("a1").withGroupId("g").withDeduplicationId("order-1");

    String first = bus.send("orders.fifo", message);
    vigil.virtualTime().advanceBy(Duration.ofMinutes(4));
    String second = bus.send("orders.fifo", message.withDeduplicationId("order-1"));

    assertThat(second).isEqualTo(first);
    assertThat(bus.stats("orders.fifo").total()).isEqualTo(1);
    assertThat(vigil.timeline().byType("deduplicate orders.fifo")).hasSize(1);
  }

  @Test
  void the_same_deduplication_id_after_five_minutes_is_a_new_message() {
    bus.createQueue("orders.fifo");
    Message message = Message.of("a1").withGroupId("g").withDeduplicationId("order-1");

    String first = bus.send("orders.fifo", message);
    vigil.virtualTime().advanceBy(Duration.ofMinutes(5));
    String second = bus.send("orders.fifo", message);

    assertThat(second).isNotEqualTo(first);
    assertThat(bus.stats("orders.fifo").total()).isEqualTo(2);
  }

  @Test
  void content_based_deduplication_compares_bodies() {
    createOrders();

    String first = send("customer-1", "same body");
    String second = send("customer-2", "same body");
    String third = send("customer-1", "other body");

    assertThat(second).isEqualTo(first);
    assertThat(third).isNotEqualTo(first);
    assertThat(bus.stats("orders.fifo").total()).isEqualTo(2);
  }

  @Test
  void a_message_without_a_group_is_refused() {
    createOrders();

    assertThatThrownBy(() -> bus.send("orders.fifo", Message.of("a1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a message sent to FIFO queue 'orders.fifo' needs a groupId (Message.withGroupId)");
  }

  @Test
  void a_message_without_a_deduplication_id_is_refused_unless_the_queue_hashes_content() {
    bus.createQueue("orders.fifo");

    assertThatThrownBy(() -> bus.send("orders.fifo", Message.of("a1").withGroupId("g")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a message sent to FIFO queue 'orders.fifo' needs a deduplicationId, or the queue"
                + " needs content-based deduplication"
                + " (QueueSpec.withContentBasedDeduplication)");
  }

  @Test
  void a_per_message_delay_is_refused() {
    createOrders();

    assertThatThrownBy(
            () ->
                bus.send(
                    "orders.fifo",
                    Message.of("a1").withGroupId("g").withDelay(Duration.ofSeconds(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "FIFO queue 'orders.fifo' does not accept a per-message delay, was PT1S; set the"
                + " queue's delay instead");
  }

  @Test
  void a_fifo_queue_dead_letters_into_a_fifo_queue_and_unblocks_its_group() {
    bus.createQueue(
        QueueSpec.named("orders.fifo")
            .withContentBasedDeduplication()
            .withVisibilityTimeout(Duration.ofSeconds(1))
            .withDeadLetterQueue("orders-dlq.fifo", 1));
    send("g", "poison");
    send("g", "next");
    receiveBodies(1);
    vigil.virtualTime().advanceBy(Duration.ofSeconds(1));

    assertThat(receiveBodies(10)).containsExactly("next");
    assertThat(bus.peek("orders-dlq.fifo"))
        .extracting(QueuedMessage::body)
        .containsExactly("poison");
  }
}
