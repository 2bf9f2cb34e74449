package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Evaluation;
import dev.vigil.PollStrategy;
import dev.vigil.Vigil;
import dev.vigil.timeline.TimelineEntry;
import dev.vigil.timeline.TraceAssertionError;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class BusTimelineTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);

  @Test
  void a_flow_is_recorded_step_by_step_under_its_correlation_id() {
    bus.createQueue(
        QueueSpec.named("payments")
            .withVisibilityTimeout(Duration.ofSeconds(10))
            .withDeadLetterQueue("payments--dlq", 2));
    bus.subscribe(Subscription.of("order--created", "payments").withRawDelivery());
    bus.consume(
        "payments",
        m -> {
          throw new IllegalStateException("card declined");
        });

    bus.publish("order--created", Message.of("o-1").withCorrelationId("flow-7"));
    vigil.eventually(() -> bus.stats("payments--dlq").visible() == 1).within(Duration.ofMinutes(1));

    assertThat(vigil.timeline().trace("flow-7").types())
        .containsExactly(
            "publish order--created",
            "send payments",
            "receive payments",
            "handler-failed payments",
            "retry payments",
            "receive payments",
            "handler-failed payments",
            "retry payments",
            "dead-letter payments");
    assertThat(vigil.timeline().byCorrelationId("flow-7"))
        .extracting(TimelineEntry::source)
        .containsOnly("bus");
  }

  @Test
  void an_acknowledged_message_ends_its_trace_with_an_ack() {
    bus.subscribe(Subscription.of("order--created", "billing").withRawDelivery());
    BusConsumer consumer = bus.consume("billing", m -> {});

    bus.publish("order--created", Message.of("o-1").withCorrelationId("flow-1"));
    vigil.eventually(() -> consumer.acknowledged() == 1).within(Duration.ofSeconds(1));

    vigil
        .timeline()
        .trace("flow-1")
        .containsInOrder("publish order--created", "receive billing", "ack billing")
        .containsExactlyOnce("ack billing")
        .doesNotContain("dead-letter billing");
  }

  @Test
  void a_trace_assertion_names_what_the_bus_did_when_the_chain_is_wrong() {
    bus.subscribe(Subscription.of("order--created", "billing").withRawDelivery());
    bus.publish("order--created", Message.of("o-1").withCorrelationId("flow-2"));

    assertThatThrownBy(
            () -> vigil.timeline().trace("flow-2").containsInOrder("ack billing", "send billing"))
        .isInstanceOf(TraceAssertionError.class)
        .hasMessageContaining("send billing");
  }

  @Test
  void a_wait_on_the_timeline_wakes_on_bus_activity_without_polling() throws Exception {
    try (Vigil real = Vigil.create();
        EmbeddedBus realBus = EmbeddedBus.create(real)) {
      realBus.createQueue("orders");
      AtomicInteger evaluations = new AtomicInteger();
      AtomicReference<Evaluation> satisfied = new AtomicReference<>();
      Thread sender =
          new Thread(
              () -> {
                real.eventually(() -> evaluations.get() >= 1).within(Duration.ofSeconds(5));
                realBus.send("orders", Message.of("o-1"));
              });

      sender.start();
      real.eventually(
              () -> {
                List<TimelineEntry> sends = real.timeline().byType("send orders");
                // Counted after the query, so the sender cannot slip in before the first look.
                evaluations.incrementAndGet();
                return sends;
              })
          // Polling every 4 s: a success before then can only come from the signal.
          .pollingWith(PollStrategy.fixed(Duration.ofSeconds(4)))
          .onEvaluation(
              evaluation -> {
                if (evaluation.satisfied()) {
                  satisfied.set(evaluation);
                }
              })
          .within(Duration.ofSeconds(5));
      sender.join();

      assertThat(satisfied.get().wokenBySignal()).isTrue();
      assertThat(satisfied.get().attempt()).isGreaterThan(1);
    }
  }

  @Test
  void every_bus_observation_moves_the_signal() {
    bus.createQueue("orders");
    long before = vigil.signal().version();

    bus.send("orders", Message.of("o-1"));

    assertThat(vigil.signal().version()).isGreaterThan(before);
  }

  @Test
  void a_purge_is_recorded_with_its_count() {
    bus.createQueue("orders");
    bus.send("orders", Message.of("o-1"));

    bus.purge("orders");

    assertThat(vigil.timeline().byType("purge orders"))
        .singleElement()
        .satisfies(e -> assertThat(e.summary()).isEqualTo("1 messages deleted"));
  }
}
