package dev.vigil.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Chain and order assertions over one correlation id, with their exact failure texts. */
class TraceTest {
  private static final String NL = System.lineSeparator();
  private final Vigil vigil = Vigil.withVirtualTime();
  private final Timeline timeline = vigil.timeline();

  @AfterEach
  void close() {
    vigil.close();
  }

  private void flow(String... types) {
    for (String type : types) {
      timeline.append("bus", type, "o-1", null, "", Map.of());
      vigil.virtualTime().advanceBy(Duration.ofMillis(5));
    }
  }

  private void step(String type) {
    timeline.append("bus", type, "o-1", null, "", Map.of());
  }

  /** The virtual clock's start, plus two seconds. */
  private static final class VirtualStart {
    static final java.time.Instant PLUS_2S =
        dev.vigil.time.VirtualTimeSource.DEFAULT_ORIGIN.plusSeconds(2);
  }

  @Test
  void passes_when_the_chain_is_in_order_with_other_entries_between() {
    flow("order.created", "payment.initiated", "payment.completed", "shipping.label_created");
    timeline.record("order.created", "o-2", Map.of());

    timeline
        .trace("o-1")
        .containsInOrder("order.created", "payment.completed", "shipping.label_created")
        .containsExactlyOnce("payment.completed")
        .happensBefore("order.created", "shipping.label_created")
        .doesNotContain("notification.failed");
    assertThat(timeline.trace("o-1").types()).hasSize(4);
  }

  @Test
  void out_of_order_chain_prints_expected_beside_actual_with_indices() {
    flow("order.created", "shipping.label_created", "payment.completed");

    assertThatThrownBy(
            () ->
                timeline
                    .trace("o-1")
                    .containsInOrder(
                        "order.created", "payment.completed", "shipping.label_created"))
        .isInstanceOf(TraceAssertionError.class)
        .hasMessage(
            "Expecting trace o-1 to contain in order:"
                + NL
                + "  [0] order.created"
                + NL
                + "  [1] payment.completed"
                + NL
                + "  [2] shipping.label_created"
                + NL
                + "but the actual chain was:"
                + NL
                + "  [0] order.created  (#1 bus +0ns)"
                + NL
                + "  [1] shipping.label_created  (#2 bus +5ms)"
                + NL
                + "  [2] payment.completed  (#3 bus +10ms)"
                + NL
                + "shipping.label_created (expected at [2]) occurred only at [1], before"
                + " payment.completed at [2].");
  }

  @Test
  void missing_step_says_it_never_occurred() {
    flow("order.created");

    assertThatThrownBy(
            () -> timeline.trace("o-1").containsInOrder("order.created", "payment.completed"))
        .hasMessageEndingWith("payment.completed (expected at [1]) never occurred.");
  }

  @Test
  void duplicate_where_exactly_once_is_expected() {
    flow("order.created", "payment.completed", "payment.completed");

    assertThatThrownBy(() -> timeline.trace("o-1").containsExactlyOnce("payment.completed"))
        .hasMessage(
            "Expecting trace o-1 to contain payment.completed exactly once, but it occurred 2"
                + " times, at [1, 2]."
                + NL
                + "but the actual chain was:"
                + NL
                + "  [0] order.created  (#1 bus +0ns)"
                + NL
                + "  [1] payment.completed  (#2 bus +5ms)"
                + NL
                + "  [2] payment.completed  (#3 bus +10ms)");
  }

  @Test
  void counts_entries_in_all_and_by_type() {
    flow("receive billing", "retry billing", "receive billing", "ack billing");
    timeline.record("receive billing", "o-2", Map.of());

    Trace trace = timeline.trace("o-1");

    assertThat(trace.count()).isEqualTo(4);
    assertThat(trace.count("receive billing")).isEqualTo(2);
    assertThat(trace.count("dead-letter billing")).isZero();
    trace.containsExactly("receive billing", 2).containsExactly("dead-letter billing", 0);
  }

  @Test
  void fewer_than_exactly_n_are_reported_with_their_indices() {
    flow("receive billing", "ack billing");

    assertThatThrownBy(() -> timeline.trace("o-1").containsExactly("receive billing", 3))
        .isInstanceOf(TraceAssertionError.class)
        .hasMessage(
            "Expecting trace o-1 to contain receive billing exactly 3 times, but it occurred"
                + " once, at [0]."
                + NL
                + "but the actual chain was:"
                + NL
                + "  [0] receive billing  (#1 bus +0ns)"
                + NL
                + "  [1] ack billing  (#2 bus +5ms)");
  }

  @Test
  void exactly_n_rejects_a_negative_count() {
    assertThatThrownBy(() -> timeline.trace("o-1").containsExactly("receive billing", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("times must not be negative, was -1");
  }

  @Test
  void happens_before_reports_reversed_and_missing_types() {
    flow("payment.completed", "order.created");

    assertThatThrownBy(
            () -> timeline.trace("o-1").happensBefore("order.created", "payment.completed"))
        .hasMessageStartingWith(
            "Expecting in trace o-1: order.created before payment.completed, but order.created is"
                + " at [1], after payment.completed at [0].");
    assertThatThrownBy(() -> timeline.trace("o-1").happensBefore("order.created", "refund"))
        .hasMessageStartingWith(
            "Expecting in trace o-1: order.created before refund, but refund never occurred.");
  }

  @Test
  void unexpected_type_is_reported_with_its_indices() {
    flow("order.created", "payment.failed");

    assertThatThrownBy(() -> timeline.trace("o-1").doesNotContain("payment.failed"))
        .hasMessageStartingWith(
            "Expecting trace o-1 not to contain payment.failed, but it occurred at [1].");
  }

  @Test
  void an_empty_trace_says_so() {
    assertThatThrownBy(() -> timeline.trace("nobody").containsExactlyOnce("x"))
        .hasMessage(
            "Expecting trace nobody to contain x exactly once, but it occurred 0 times."
                + NL
                + "but the trace was empty.");
  }

  @Test
  void a_wait_on_a_chain_returns_when_the_last_step_lands() {
    vigil.scheduler().schedule(() -> step("order.created"), 1, TimeUnit.SECONDS);
    vigil.scheduler().schedule(() -> step("payment.completed"), 2, TimeUnit.SECONDS);

    vigil
        .eventually(
            () -> timeline.trace("o-1").containsInOrder("order.created", "payment.completed"))
        .within(Duration.ofSeconds(5));

    assertThat(vigil.time().instant()).isEqualTo(VirtualStart.PLUS_2S);
    assertThat(timeline.trace("o-1").types()).containsExactly("order.created", "payment.completed");
  }

  @Test
  void bad_type_arguments_are_rejected() {
    assertThatThrownBy(() -> timeline.trace("o-1").containsInOrder())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("types must not be empty");
    assertThatThrownBy(() -> timeline.trace("o-1").doesNotContain(" "))
        .hasMessage("types must not hold a null or blank type, was  ");
  }

  @Test
  void a_chain_of_any_entries_is_named_by_its_subject_in_failures() {
    flow("order.created", "payment.completed");
    timeline.record("payment.completed", null, Map.of());

    Trace all = Trace.of("the timeline", timeline.entries());

    assertThat(all.count("payment.completed")).isEqualTo(2);
    assertThat(all.correlationId()).isNull();
    assertThat(all.subject()).isEqualTo("the timeline");
    assertThat(timeline.trace("o-1").subject()).isEqualTo("trace o-1");
    assertThat(all)
        .hasToString(
            "Trace[the timeline: [order.created, payment.completed," + " payment.completed]]");
    assertThatThrownBy(() -> all.containsExactlyOnce("payment.completed"))
        .hasMessage(
            "Expecting the timeline to contain payment.completed exactly once, but it occurred 2"
                + " times, at [1, 2]."
                + NL
                + "but the actual chain was:"
                + NL
                + "  [0] order.created  (#1 bus +0ns)"
                + NL
                + "  [1] payment.completed  (#2 bus +5ms)"
                + NL
                + "  [2] payment.completed  (#3 user +10ms)");
    assertThatThrownBy(() -> all.happensBefore("payment.completed", "order.created"))
        .hasMessageStartingWith(
            "Expecting in the timeline: payment.completed before order.created, but"
                + " payment.completed is at [1], after order.created at [0].");
  }

  @Test
  void an_empty_chain_of_entries_says_there_were_none() {
    assertThatThrownBy(() -> Trace.of("the user entries", List.of()).containsInOrder("x"))
        .hasMessage(
            "Expecting the user entries to contain in order:"
                + NL
                + "  [0] x"
                + NL
                + "but there were no entries."
                + NL
                + "x (expected at [0]) never occurred.");
    assertThatThrownBy(() -> Trace.of(" ", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("subject must not be blank, was ' '");
  }
}
