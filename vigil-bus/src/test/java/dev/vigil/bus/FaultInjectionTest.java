package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);

  private List<String> receiveAll(String queue) {
    List<String> bodies = new ArrayList<>();
    List<ReceivedMessage> batch;
    while (!(batch = bus.receive(queue, Receive.upTo(10))).isEmpty()) {
      batch.forEach(m -> bodies.add(m.body()));
    }
    return bodies;
  }

  @Test
  void every_third_message_is_delivered_twice_with_the_same_id() {
    bus.createQueue("orders");
    bus.injectFaults("orders", FaultPlan.none().withDuplicates(FaultRate.everyNth(3)));

    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      ids.add(bus.send("orders", Message.of("o-" + i)));
    }

    List<ReceivedMessage> received = bus.receive("orders", Receive.upTo(10));
    assertThat(received)
        .extracting(ReceivedMessage::body)
        .containsExactly("o-1", "o-2", "o-3", "o-3", "o-4", "o-5", "o-6", "o-6");
    assertThat(received.get(2).messageId())
        .isEqualTo(received.get(3).messageId())
        .isEqualTo(ids.get(2));
    assertThat(vigil.timeline().byType("fault.duplicate orders")).hasSize(2);
  }

  @Test
  void an_idempotent_consumer_survives_duplicates_and_a_naive_one_does_not() {
    bus.createQueue("payments");
    bus.injectFaults(FaultPlan.none().withDuplicates(FaultRate.everyNth(2)));
    List<String> naive = new CopyOnWriteArrayList<>();
    java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    List<String> idempotent = new CopyOnWriteArrayList<>();
    bus.consume(
        "payments",
        m -> {
          naive.add(m.body());
          if (seen.add(m.messageId())) {
            idempotent.add(m.body());
          }
        });

    for (int i = 1; i <= 4; i++) {
      bus.send("payments", Message.of("charge-" + i));
    }

    vigil.eventually(() -> bus.stats("payments").total() == 0).within(Duration.ofSeconds(1));
    assertThat(idempotent).containsExactly("charge-1", "charge-2", "charge-3", "charge-4");
    assertThat(naive).hasSize(6);
  }

  @Test
  void reordering_lets_messages_overtake_earlier_ones_reproducibly_for_a_seed() {
    List<String> first = deliveredOrderWithSeed(7);
    List<String> again = deliveredOrderWithSeed(7);

    assertThat(first).containsExactlyInAnyOrderElementsOf(bodies(20));
    assertThat(first).isNotEqualTo(bodies(20));
    assertThat(again).isEqualTo(first);
  }

  private static List<String> bodies(int count) {
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      bodies.add("m-" + i);
    }
    return bodies;
  }

  private List<String> deliveredOrderWithSeed(long seed) {
    try (Vigil context = Vigil.withVirtualTime();
        EmbeddedBus seeded = EmbeddedBus.create(context, seed)) {
      seeded.createQueue("orders");
      seeded.injectFaults(FaultPlan.none().withReordering(5));
      bodies(20).forEach(body -> seeded.send("orders", Message.of(body)));
      List<String> order = new ArrayList<>();
      List<ReceivedMessage> batch;
      while (!(batch = seeded.receive("orders", Receive.upTo(10))).isEmpty()) {
        batch.forEach(m -> order.add(m.body()));
      }
      return order;
    }
  }

  @Test
  void a_delivery_delay_holds_each_message_back_within_the_range() {
    bus.createQueue("orders");
    bus.injectFaults(
        "orders", FaultPlan.none().withDelay(Duration.ofSeconds(2), Duration.ofSeconds(4)));

    bus.send("orders", Message.of("late"));

    vigil.virtualTime().advanceBy(Duration.ofMillis(1999));
    assertThat(bus.receive("orders", Receive.one())).isEmpty();
    vigil.virtualTime().advanceBy(Duration.ofSeconds(2).plusMillis(1));
    assertThat(receiveAll("orders")).containsExactly("late");
    assertThat(vigil.timeline().byType("fault.delay orders"))
        .singleElement()
        .satisfies(e -> assertThat(e.summary()).startsWith("delivery delayed by PT"));
  }

  @Test
  void a_crash_before_ack_redelivers_a_message_the_handler_already_handled() {
    bus.createQueue(QueueSpec.named("orders").withVisibilityTimeout(Duration.ofSeconds(30)));
    bus.injectFaults("orders", FaultPlan.none().withCrashBeforeAck(FaultRate.everyNth(1)));
    List<Integer> receiveCounts = new CopyOnWriteArrayList<>();
    BusConsumer consumer =
        bus.consume(
            "orders",
            m -> {
              receiveCounts.add(m.receiveCount());
              if (m.receiveCount() == 2) {
                bus.clearFaults();
              }
            });

    bus.send("orders", Message.of("o-1"));

    vigil.eventually(() -> consumer.acknowledged() == 1).within(Duration.ofMinutes(2));
    assertThat(receiveCounts).containsExactly(1, 2);
    assertThat(vigil.timeline().byType("fault.crash-before-ack orders")).hasSize(1);
  }

  @Test
  void a_publish_failure_throws_and_enqueues_nothing() {
    bus.subscribe(Subscription.of("order--created", "billing").withRawDelivery());
    bus.injectFaults("order--created", FaultPlan.none().withPublishFailures(FaultRate.everyNth(2)));

    bus.publish("order--created", Message.of("first"));
    assertThatThrownBy(() -> bus.publish("order--created", Message.of("second")))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "publish to 'order--created' failed: injected by the fault plan (nothing was enqueued)");

    assertThat(receiveAll("billing")).containsExactly("first");
    assertThat(vigil.timeline().byType("fault.publish-failure order--created")).hasSize(1);
  }

  @Test
  void probabilistic_faults_strike_the_same_messages_for_the_same_seed() {
    assertThat(duplicatedWithSeed(42)).isEqualTo(duplicatedWithSeed(42));
    assertThat(duplicatedWithSeed(42)).isNotEqualTo(duplicatedWithSeed(43));
  }

  private List<String> duplicatedWithSeed(long seed) {
    try (Vigil context = Vigil.builder().seed(seed).build();
        EmbeddedBus seeded = EmbeddedBus.create(context)) {
      seeded.createQueue("orders");
      seeded.injectFaults(FaultPlan.none().withDuplicates(FaultRate.withProbability(0.3)));
      bodies(40).forEach(body -> seeded.send("orders", Message.of(body)));
      return context.timeline().entries().stream()
          .filter(e -> e.type().equals("fault.duplicate orders"))
          .map(TimelineEntry::causationId)
          .map(String::valueOf)
          .toList();
    }
  }

  @Test
  void faults_into_an_unknown_target_are_refused() {
    assertThatThrownBy(() -> bus.injectFaults("nowhere", FaultPlan.none()))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "no queue or topic named 'nowhere' to inject faults into; queues: [], topics: []");
  }

  @Test
  void fault_plans_reject_impossible_values() {
    assertThatThrownBy(() -> FaultRate.withProbability(1.5))
        .hasMessage("probability must be between 0 and 1, was 1.5");
    assertThatThrownBy(() -> FaultRate.everyNth(0)).hasMessage("n must be at least 1, was 0");
    assertThatThrownBy(() -> FaultPlan.none().withReordering(-1))
        .hasMessage("reorderWindow must not be negative, was -1");
    assertThatThrownBy(
            () -> FaultPlan.none().withDelay(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessage("delay range must satisfy 0 <= minDelay <= maxDelay, was PT2S..PT1S");
  }
}
