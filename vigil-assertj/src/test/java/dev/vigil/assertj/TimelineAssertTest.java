package dev.vigil.assertj;

import static dev.vigil.assertj.VigilAssertions.assertThat;
import static dev.vigil.assertj.VigilAssertions.assertThatTimeline;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.timeline.Timeline;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Chain assertions on a whole timeline, one source's entries and one flow's, message by message.
 */
class TimelineAssertTest {
  private static final String NL = System.lineSeparator();

  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  private final Timeline timeline = vigil.timeline();

  /** Appends one entry of the flow o-1 per type, 5 ms apart. */
  private void flow(String source, String... types) {
    for (String type : types) {
      timeline.append(source, type, "o-1", null, "", Map.of());
      vigil.virtualTime().advanceBy(Duration.ofMillis(5));
    }
  }

  @Test
  void contains_in_order_passes_with_other_entries_between() {
    flow("bus", "order.created", "payment.initiated", "payment.completed");

    assertThat(timeline)
        .containsInOrder("order.created", "payment.completed")
        .containsExactlyOnce("payment.initiated")
        .containsExactly("order.created", 1)
        .happensBefore("order.created", "payment.completed")
        .doesNotContain("payment.refunded");
  }

  @Test
  void contains_in_order_fails_with_the_expected_chain_beside_the_timeline() {
    flow("bus", "payment.completed", "order.created");

    assertThatThrownBy(
            () -> assertThat(timeline).containsInOrder("order.created", "payment.completed"))
        .hasMessage(
            NL
                + "Expecting the timeline to contain in order:"
                + NL
                + "  [0] order.created"
                + NL
                + "  [1] payment.completed"
                + NL
                + "but the actual chain was:"
                + NL
                + "  [0] payment.completed  (#1 bus +0ns)"
                + NL
                + "  [1] order.created  (#2 bus +5ms)"
                + NL
                + "payment.completed (expected at [1]) occurred only at [0], before order.created"
                + " at [1].");
  }

  @Test
  void exactly_once_fails_naming_every_occurrence() {
    flow("bus", "payment.completed", "payment.completed");

    assertThatThrownBy(() -> assertThat(timeline).containsExactlyOnce("payment.completed"))
        .hasMessage(
            NL
                + "Expecting the timeline to contain payment.completed exactly once, but it"
                + " occurred 2 times, at [0, 1]."
                + NL
                + "but the actual chain was:"
                + NL
                + "  [0] payment.completed  (#1 bus +0ns)"
                + NL
                + "  [1] payment.completed  (#2 bus +5ms)");
  }

  @Test
  void exactly_n_times_fails_when_there_are_fewer() {
    flow("bus", "receive billing");

    assertThatThrownBy(() -> assertThat(timeline).containsExactly("receive billing", 3))
        .hasMessage(
            NL
                + "Expecting the timeline to contain receive billing exactly 3 times, but it"
                + " occurred once, at [0]."
                + NL
                + "but the actual chain was:"
                + NL
                + "  [0] receive billing  (#1 bus +0ns)");
  }

  @Test
  void happens_before_fails_when_the_order_is_reversed() {
    flow("bus", "ack billing", "receive billing");

    assertThatThrownBy(() -> assertThat(timeline).happensBefore("receive billing", "ack billing"))
        .hasMessage(
            NL
                + "Expecting in the timeline: receive billing before ack billing, but receive"
                + " billing is at [1], after ack billing at [0]."
                + NL
                + "but the actual chain was:"
                + NL
                + "  [0] ack billing  (#1 bus +0ns)"
                + NL
                + "  [1] receive billing  (#2 bus +5ms)");
  }

  @Test
  void does_not_contain_fails_naming_where_it_occurred() {
    flow("bus", "order.created", "payment.refunded");

    assertThatThrownBy(() -> assertThat(timeline).doesNotContain("payment.refunded"))
        .hasMessage(
            NL
                + "Expecting the timeline not to contain payment.refunded, but it occurred at"
                + " [1]."
                + NL
                + "but the actual chain was:"
                + NL
                + "  [0] order.created  (#1 bus +0ns)"
                + NL
                + "  [1] payment.refunded  (#2 bus +5ms)");
  }

  @Test
  void an_empty_timeline_says_there_were_no_entries() {
    assertThatThrownBy(() -> assertThat(timeline).containsExactlyOnce("order.created"))
        .hasMessage(
            NL
                + "Expecting the timeline to contain order.created exactly once, but it occurred"
                + " 0 times."
                + NL
                + "but there were no entries.");
  }

  @Test
  void from_source_checks_only_that_sources_entries() {
    flow("http", "retry");
    flow("bus", "send billing", "receive billing", "retry");

    assertThat(timeline)
        .fromSource("bus")
        .containsInOrder("send billing", "retry")
        .containsExactlyOnce("retry");
    assertThatThrownBy(() -> assertThat(timeline).fromSource("bus").doesNotContain("retry"))
        .hasMessage(
            NL
                + "Expecting the timeline's bus entries not to contain retry, but it occurred at"
                + " [2]."
                + NL
                + "but the actual chain was:"
                + NL
                + "  [0] send billing  (#2 bus +0ns)"
                + NL
                + "  [1] receive billing  (#3 bus +5ms)"
                + NL
                + "  [2] retry  (#4 bus +10ms)");
  }

  @Test
  void for_correlation_id_asserts_on_that_flow_only() {
    flow("bus", "order.created", "payment.completed");
    timeline.record("payment.refunded", "o-2", Map.of());

    assertThat(timeline)
        .forCorrelationId("o-1")
        .containsInOrder("order.created", "payment.completed")
        .doesNotContain("payment.refunded");
    assertThatThrownBy(
            () -> assertThat(timeline).forCorrelationId("o-2").containsInOrder("order.created"))
        .hasMessage(
            NL
                + "Expecting trace o-2 to contain in order:"
                + NL
                + "  [0] order.created"
                + NL
                + "but the actual chain was:"
                + NL
                + "  [0] payment.refunded  (#3 user +0ns)"
                + NL
                + "order.created (expected at [0]) never occurred.");
  }

  @Test
  void a_trace_already_read_is_asserted_with_its_own_texts() {
    flow("bus", "order.created");

    assertThat(timeline.trace("o-1")).containsExactlyOnce("order.created");
    assertThatThrownBy(() -> assertThat(timeline.trace("nobody")).containsExactly("x", 2))
        .hasMessage(
            NL
                + "Expecting trace nobody to contain x exactly 2 times, but it occurred 0 times."
                + NL
                + "but the trace was empty.");
  }

  @Test
  void as_prefixes_and_with_fail_message_replaces_the_text() {
    assertThatThrownBy(() -> assertThat(timeline).as("checkout").containsInOrder("x"))
        .hasMessageStartingWith("[checkout] " + NL + "Expecting the timeline to contain in order:");
    assertThatThrownBy(
            () -> assertThat(timeline).withFailMessage("no %s yet", "x").containsInOrder("x"))
        .hasMessage("no x yet");
  }

  @Test
  void a_null_timeline_fails_as_assertj_does() {
    assertThatThrownBy(() -> assertThat((Timeline) null).containsInOrder("x"))
        .hasMessage(NL + "Expecting actual not to be null");
  }

  @Test
  void bad_arguments_are_errors_not_failures() {
    assertThatThrownBy(() -> assertThat(timeline).containsInOrder())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("types must not be empty");
    assertThatThrownBy(() -> assertThat(timeline).fromSource(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source must not be blank, was ' '");
  }

  @Test
  void a_bare_timeline_cannot_wait_and_says_what_can() {
    assertThatThrownBy(() -> assertThat(timeline).eventually())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "eventually() waits on the context the timeline belongs to, which a Timeline does"
                + " not know: use VigilAssertions.assertThatTimeline(vigil)");
    assertThatThrownBy(() -> assertThat(timeline.trace("o-1")).eventually())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "eventually() cannot wait on a Trace: it is a snapshot of the timeline that never"
                + " changes; use assertThatTimeline(vigil).eventually().forCorrelationId(id)");
    assertThatTimeline(vigil).eventually();
  }
}
