package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.bus.QueuedMessage.State;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class StandardQueueTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);

  private void advance(Duration duration) {
    vigil.virtualTime().advanceBy(duration);
  }

  @Test
  void a_sent_message_is_received_with_its_body_attributes_and_a_receipt_handle() {
    bus.createQueue("orders");
    String id = bus.send("orders", Message.of("o-1").withAttribute("type", "order.created"));

    List<ReceivedMessage> received = bus.receive("orders", Receive.one());

    assertThat(received)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.messageId()).isEqualTo(id);
              assertThat(m.body()).isEqualTo("o-1");
              assertThat(m.attributes()).containsEntry("type", "order.created");
              assertThat(m.receiveCount()).isEqualTo(1);
              assertThat(m.receiptHandle()).isNotBlank();
              assertThat(m.queue()).isEqualTo("orders");
            });
  }

  @Test
  void a_received_message_is_invisible_until_its_visibility_timeout_ends() {
    bus.createQueue(QueueSpec.named("orders").withVisibilityTimeout(Duration.ofSeconds(30)));
    bus.send("orders", Message.of("o-1"));
    bus.receive("orders", Receive.one());

    advance(Duration.ofSeconds(29));
    assertThat(bus.receive("orders", Receive.one())).isEmpty();
    assertThat(bus.stats("orders")).isEqualTo(new QueueStats(0, 1, 0));

    advance(Duration.ofSeconds(1));
    List<ReceivedMessage> again = bus.receive("orders", Receive.one());
    assertThat(again).singleElement().satisfies(m -> assertThat(m.receiveCount()).isEqualTo(2));
  }

  @Test
  void a_receive_can_choose_its_own_visibility_timeout() {
    bus.createQueue("orders");
    bus.send("orders", Message.of("o-1"));
    bus.receive("orders", Receive.one().withVisibilityTimeout(Duration.ofSeconds(5)));

    advance(Duration.ofSeconds(5));

    assertThat(bus.receive("orders", Receive.one())).hasSize(1);
  }

  @Test
  void changing_the_visibility_of_a_received_message_counts_from_now() {
    bus.createQueue("orders");
    bus.send("orders", Message.of("o-1"));
    ReceivedMessage first = bus.receive("orders", Receive.one()).get(0);

    advance(Duration.ofSeconds(10));
    bus.changeVisibility("orders", first.receiptHandle(), Duration.ofSeconds(60));
    advance(Duration.ofSeconds(59));
    assertThat(bus.receive("orders", Receive.one())).isEmpty();

    advance(Duration.ofSeconds(1));
    assertThat(bus.receive("orders", Receive.one())).hasSize(1);
  }

  @Test
  void receipts_with_shorter_timeouts_than_earlier_ones_still_return_on_time() {
    bus.createQueue("orders");
    bus.send("orders", Message.of("long"));
    bus.send("orders", Message.of("short"));
    bus.receive("orders", Receive.one().withVisibilityTimeout(Duration.ofSeconds(60)));
    bus.receive("orders", Receive.one().withVisibilityTimeout(Duration.ofSeconds(10)));

    advance(Duration.ofSeconds(10));
    List<ReceivedMessage> back = bus.receive("orders", Receive.upTo(10));
    assertThat(back).extracting(ReceivedMessage::body).containsExactly("short");
    bus.delete("orders", back.get(0).receiptHandle());
    advance(Duration.ofSeconds(50));
    assertThat(bus.receive("orders", Receive.upTo(10)))
        .extracting(ReceivedMessage::body)
        .containsExactly("long");
  }

  @Test
  void a_receipt_after_a_visibility_change_is_not_held_behind_a_later_deadline() {
    // Found by BusInvariantsProperties: m2 was kept in flight until m0's deadline.
    bus.createQueue(QueueSpec.named("orders").withVisibilityTimeout(Duration.ofSeconds(5)));
    bus.send("orders", Message.of("m0"));
    bus.send("orders", Message.of("m1"));
    bus.send("orders", Message.of("m2"));
    List<ReceivedMessage> first = bus.receive("orders", Receive.upTo(2));
    bus.changeVisibility("orders", first.get(1).receiptHandle(), Duration.ZERO);

    bus.receive("orders", Receive.one().withVisibilityTimeout(Duration.ZERO));

    assertThat(bus.receive("orders", Receive.upTo(10)))
        .extracting(ReceivedMessage::body)
        .containsExactlyInAnyOrder("m1", "m2");
  }

  @Test
  void a_message_stuck_in_flight_returns_on_time_while_thousands_pass_it() {
    bus.createQueue(QueueSpec.named("orders").withVisibilityTimeout(Duration.ofSeconds(30)));
    bus.send("orders", Message.of("stuck"));
    bus.receive("orders", Receive.one());
    for (int i = 0; i < 3_000; i++) {
      bus.send("orders", Message.of("m-" + i));
      ReceivedMessage passing = bus.receive("orders", Receive.one()).get(0);
      bus.delete("orders", passing.receiptHandle());
    }
    assertThat(bus.stats("orders")).isEqualTo(new QueueStats(0, 1, 0));

    advance(Duration.ofSeconds(30));

    assertThat(bus.receive("orders", Receive.upTo(10)))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.body()).isEqualTo("stuck");
              assertThat(m.receiveCount()).isEqualTo(2);
            });
  }

  @Test
  void a_visibility_of_zero_makes_the_message_visible_at_once() {
    bus.createQueue("orders");
    bus.send("orders", Message.of("o-1"));
    ReceivedMessage first = bus.receive("orders", Receive.one()).get(0);

    bus.changeVisibility("orders", first.receiptHandle(), Duration.ZERO);

    assertThat(bus.receive("orders", Receive.one())).hasSize(1);
  }

  @Test
  void deleting_with_the_latest_receipt_handle_removes_the_message_for_good() {
    bus.createQueue("orders");
    bus.send("orders", Message.of("o-1"));
    ReceivedMessage received = bus.receive("orders", Receive.one()).get(0);

    assertThat(bus.delete("orders", received.receiptHandle())).isTrue();

    advance(Duration.ofMinutes(5));
    assertThat(bus.receive("orders", Receive.one())).isEmpty();
    assertThat(bus.stats("orders").total()).isZero();
  }

  @Test
  void a_stale_receipt_handle_deletes_nothing_and_says_so_on_the_timeline() {
    bus.createQueue(QueueSpec.named("orders").withVisibilityTimeout(Duration.ofSeconds(1)));
    bus.send("orders", Message.of("o-1"));
    ReceivedMessage first = bus.receive("orders", Receive.one()).get(0);
    advance(Duration.ofSeconds(1));
    bus.receive("orders", Receive.one());

    assertThat(bus.delete("orders", first.receiptHandle())).isFalse();

    assertThat(bus.stats("orders")).isEqualTo(new QueueStats(0, 1, 0));
    assertThat(vigil.timeline().byType("delete-ignored orders")).hasSize(1);
  }

  @Test
  void a_message_whose_visibility_ended_can_still_be_deleted_with_its_last_handle() {
    bus.createQueue(QueueSpec.named("orders").withVisibilityTimeout(Duration.ofSeconds(1)));
    bus.send("orders", Message.of("o-1"));
    ReceivedMessage first = bus.receive("orders", Receive.one()).get(0);
    advance(Duration.ofSeconds(2));

    assertThat(bus.delete("orders", first.receiptHandle())).isTrue();
    assertThat(bus.stats("orders").total()).isZero();
  }

  @Test
  void a_batch_receive_returns_up_to_ten_messages_in_arrival_order() {
    bus.createQueue("orders");
    for (int i = 1; i <= 12; i++) {
      bus.send("orders", Message.of("o-" + i));
    }

    List<ReceivedMessage> batch = bus.receive("orders", Receive.upTo(10));

    assertThat(batch)
        .extracting(ReceivedMessage::body)
        .containsExactly("o-1", "o-2", "o-3", "o-4", "o-5", "o-6", "o-7", "o-8", "o-9", "o-10");
    assertThat(bus.stats("orders")).isEqualTo(new QueueStats(2, 10, 0));
  }

  @Test
  void a_queue_delay_hides_every_new_message_for_that_long() {
    bus.createQueue(QueueSpec.named("orders").withDelay(Duration.ofSeconds(10)));
    bus.send("orders", Message.of("o-1"));

    assertThat(bus.stats("orders")).isEqualTo(new QueueStats(0, 0, 1));
    advance(Duration.ofSeconds(9));
    assertThat(bus.receive("orders", Receive.one())).isEmpty();
    advance(Duration.ofSeconds(1));
    assertThat(bus.receive("orders", Receive.one())).hasSize(1);
  }

  @Test
  void a_message_delay_replaces_the_queue_delay_as_in_sqs() {
    // SQS's SendMessage: "If you don't specify a value, the default value for the queue applies."
    bus.createQueue(QueueSpec.named("orders").withDelay(Duration.ofSeconds(10)));
    bus.send("orders", Message.of("o-1").withDelay(Duration.ofSeconds(5)));

    advance(Duration.ofSeconds(4));
    assertThat(bus.receive("orders", Receive.one())).isEmpty();
    advance(Duration.ofSeconds(1));
    assertThat(bus.receive("orders", Receive.one())).hasSize(1);
  }

  @Test
  void a_message_older_than_the_retention_period_is_dropped_and_recorded() {
    bus.createQueue(QueueSpec.named("orders").withRetention(Duration.ofMinutes(1)));
    bus.send("orders", Message.of("o-1"));

    advance(Duration.ofMinutes(1));

    assertThat(bus.receive("orders", Receive.one())).isEmpty();
    assertThat(bus.stats("orders").total()).isZero();
    assertThat(vigil.timeline().byType("expire orders")).hasSize(1);
  }

  @Test
  void a_long_poll_returns_as_soon_as_a_delayed_message_becomes_visible() {
    bus.createQueue("orders");
    bus.send("orders", Message.of("o-1").withDelay(Duration.ofSeconds(3)));
    long before = vigil.time().nanoTime();

    List<ReceivedMessage> received =
        bus.receive("orders", Receive.one().waitingUpTo(Duration.ofSeconds(20)));

    assertThat(received).hasSize(1);
    assertThat(Duration.ofNanos(vigil.time().nanoTime() - before)).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void a_long_poll_on_an_empty_queue_returns_nothing_after_its_wait_time() {
    bus.createQueue(QueueSpec.named("orders").withReceiveWaitTime(Duration.ofSeconds(20)));
    long before = vigil.time().nanoTime();

    assertThat(bus.receive("orders", Receive.one())).isEmpty();

    assertThat(Duration.ofNanos(vigil.time().nanoTime() - before))
        .isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void a_long_poll_in_real_time_wakes_when_another_thread_sends() throws Exception {
    try (Vigil real = Vigil.create();
        EmbeddedBus realBus = EmbeddedBus.create(real)) {
      realBus.createQueue("orders");
      AtomicReference<List<ReceivedMessage>> received = new AtomicReference<>();
      Thread receiver =
          new Thread(
              () ->
                  received.set(
                      realBus.receive(
                          "orders", Receive.one().waitingUpTo(Duration.ofSeconds(20)))));
      receiver.start();
      real.eventually(() -> receiver.getState() == Thread.State.TIMED_WAITING)
          .within(Duration.ofSeconds(5));

      realBus.send("orders", Message.of("late"));

      // Far less than the 20 s long poll: only a wake-up by the send can make it in time.
      List<ReceivedMessage> messages = real.eventually(received::get).within(Duration.ofSeconds(5));
      receiver.join();
      assertThat(messages).extracting(ReceivedMessage::body).containsExactly("late");
    }
  }

  @Test
  void purge_deletes_every_message_whatever_its_state() {
    bus.createQueue("orders");
    bus.send("orders", Message.of("visible"));
    bus.send("orders", Message.of("delayed").withDelay(Duration.ofSeconds(30)));
    bus.send("orders", Message.of("in flight"));
    bus.receive("orders", Receive.one());

    assertThat(bus.purge("orders")).isEqualTo(3);

    assertThat(bus.stats("orders").total()).isZero();
    assertThat(vigil.timeline().byType("purge orders"))
        .singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("deleted", "3"));
  }

  @Test
  void peek_shows_every_message_with_its_state_without_receiving_it() {
    bus.createQueue("orders");
    bus.send("orders", Message.of("a"));
    bus.send("orders", Message.of("b"));
    bus.send("orders", Message.of("c").withDelay(Duration.ofSeconds(5)));
    bus.receive("orders", Receive.one());

    List<QueuedMessage> peeked = bus.peek("orders");

    assertThat(peeked)
        .extracting(QueuedMessage::body, QueuedMessage::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("b", State.VISIBLE),
            org.assertj.core.groups.Tuple.tuple("c", State.DELAYED),
            org.assertj.core.groups.Tuple.tuple("a", State.IN_FLIGHT));
    assertThat(bus.stats("orders")).isEqualTo(new QueueStats(1, 1, 1));
  }

  @Test
  void creating_a_queue_twice_with_the_same_spec_is_harmless_but_another_spec_fails() {
    bus.createQueue("orders");
    bus.createQueue("orders");

    assertThatThrownBy(
            () ->
                bus.createQueue(
                    QueueSpec.named("orders").withVisibilityTimeout(Duration.ofSeconds(5))))
        .isInstanceOf(BusException.class)
        .hasMessageStartingWith("queue 'orders' exists with other attributes");
  }

  @Test
  void a_deleted_queue_is_gone_with_its_messages() {
    bus.createQueue("orders");
    bus.send("orders", Message.of("o-1"));

    bus.deleteQueue("orders");

    assertThat(bus.queues()).doesNotContain("orders");
    assertThatThrownBy(() -> bus.receive("orders", Receive.one()))
        .isInstanceOf(BusException.class)
        .hasMessage("no queue named 'orders'; queues: []");
  }
}
