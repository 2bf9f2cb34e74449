package dev.vigil.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorrelationTest {
  private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void parses_and_formats_a_traceparent() {
    Traceparent parsed = Traceparent.parse(VALID);

    assertThat(parsed.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(parsed.parentId()).isEqualTo("00f067aa0ba902b7");
    assertThat(parsed.flags()).isEqualTo("01");
    assertThat(parsed).hasToString(VALID);
  }

  @Test
  void rejects_invalid_traceparents_naming_the_value() {
    assertThatThrownBy(() -> Traceparent.parse("not-a-traceparent"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("traceparent must be version-traceid-parentid-flags, was 'not-a-traceparent'");
    assertThatThrownBy(
            () -> Traceparent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
        .hasMessage(
            "traceparent '00-00000000000000000000000000000000-00f067aa0ba902b7-01' is invalid:"
                + " traceId must not be all zeros, was '00000000000000000000000000000000'");
    assertThatThrownBy(
            () -> Traceparent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
        .hasMessageEndingWith(
            "traceId must be 32 lower-case hex digits, was '4BF92F3577B34DA6A3CE929D0E0E4736'");
    assertThatThrownBy(
            () -> Traceparent.parse("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .hasMessageEndingWith("version ff is invalid in a traceparent");
    assertThatThrownBy(() -> Traceparent.parse(VALID + "-extra"))
        .hasMessageStartingWith("traceparent must be version-traceid-parentid-flags");
  }

  @Test
  void new_traces_are_valid_and_reproducible_from_a_seed() {
    Traceparent first = Traceparent.newTrace(new SplittableRandom(7));
    Traceparent again = Traceparent.newTrace(new SplittableRandom(7));

    assertThat(Traceparent.parse(first.toString())).isEqualTo(first);
    assertThat(again).isEqualTo(first);
    Traceparent child = first.child(new SplittableRandom(8));
    assertThat(child.traceId()).isEqualTo(first.traceId());
    assertThat(child.parentId()).isNotEqualTo(first.parentId());
  }

  @Test
  void correlation_id_comes_from_its_header_or_else_the_trace_id() {
    assertThat(Correlation.from(Map.of("Correlation-ID", " c-1 "))).contains("c-1");
    assertThat(Correlation.from(Map.of("traceparent", VALID)))
        .contains("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(Correlation.from(Map.of("correlation-id", "c-2", "traceparent", VALID)))
        .contains("c-2");
    assertThat(Correlation.from(Map.of("other", "x"))).isEmpty();
    assertThat(Correlation.headers("c-3")).containsExactly(Map.entry("correlation-id", "c-3"));
  }

  @Test
  void an_invalid_traceparent_header_is_reported_not_ignored() {
    assertThatThrownBy(() -> Correlation.from(Map.of("traceparent", "garbage")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("traceparent must be version-traceid-parentid-flags, was 'garbage'");
  }

  @Test
  void generated_ids_are_uuids_and_seeded_ids_repeat() {
    assertThat(Correlation.newId()).matches("[0-9a-f-]{36}");
    assertThat(Correlation.newId(new SplittableRandom(1)))
        .isEqualTo(Correlation.newId(new SplittableRandom(1)))
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThatThrownBy(() -> Correlation.headers(" "))
        .hasMessage("correlationId must not be blank, was ' '");
  }
}
