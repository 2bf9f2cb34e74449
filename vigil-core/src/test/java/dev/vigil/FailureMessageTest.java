package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pins the exact text of every kind of wait failure. */
class FailureMessageTest {
  private static final String NL = System.lineSeparator();
  private final SteppingTimeSource time = new SteppingTimeSource();
  private final Vigil vigil =
      Vigil.builder()
          .timeSource(time)
          .timeScale(1)
          .pollStrategy(PollStrategy.fixed(Duration.ofMillis(250)))
          .build();

  @Test
  void timeout_gives_description_attempts_polling_last_value_and_diagnostics() {
    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () ->
                vigil
                    .eventually(() -> 2)
                    .matching(n -> n == 3)
                    .describedAs("customer c-1 to have 3 orders")
                    .diagnostics(() -> "queue depth 0")
                    .within(Duration.ofSeconds(1)));

    assertThat(error)
        .hasMessage(
            "Timed out after 1s waiting for customer c-1 to have 3 orders."
                + NL
                + "  attempts:     5 in 1s (polling fixed every 250ms; 0 woken by signal)"
                + NL
                + "  last value:   2"
                + NL
                + "  diagnostics:  queue depth 0");
    assertThat(error.getCause()).isNull();
  }

  @Test
  void multi_line_diagnostics_continue_under_their_label() {
    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () ->
                vigil
                    .eventually(() -> false)
                    .diagnostics(() -> "queues:" + NL + "  orders 0" + NL + "  billing 2")
                    .within(Duration.ofSeconds(1)));

    assertThat(error.getMessage())
        .endsWith(
            "  diagnostics:  queues:"
                + NL
                + "                  orders 0"
                + NL
                + "                  billing 2");
  }

  @Test
  void a_multi_line_last_value_continues_under_its_label() {
    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () ->
                vigil
                    .eventually(
                        () ->
                            new Object() {
                              @Override
                              public String toString() {
                                return "orders: 1 updated" + NL + "  o-1 status";
                              }
                            })
                    .matching(v -> false)
                    .within(Duration.ofSeconds(1)));

    assertThat(error.getMessage())
        .endsWith("  last value:   orders: 1 updated" + NL + "                  o-1 status");
  }

  @Test
  void timeout_of_an_assertion_block_has_the_last_failure_as_cause_and_the_first_suppressed() {
    AtomicInteger calls = new AtomicInteger();

    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () ->
                vigil
                    .eventually(
                        () -> {
                          if (calls.incrementAndGet() == 1) {
                            throw new IllegalStateException("connection refused");
                          }
                          throw new AssertionError("expected 2 orders but was 1");
                        })
                    .within(Duration.ofMillis(500)));

    assertThat(error)
        .hasMessage(
            "Timed out after 500ms waiting for the condition (name it with describedAs)."
                + NL
                + "  attempts:     3 in 500ms (polling fixed every 250ms; 0 woken by signal)"
                + NL
                + "  last failure: java.lang.AssertionError: expected 2 orders but was 1");
    assertThat(error.getCause()).hasMessage("expected 2 orders but was 1");
    assertThat(error.getCause().getSuppressed())
        .singleElement()
        .satisfies(first -> assertThat(first).hasMessage("connection refused"));
  }

  @Test
  void timeout_shows_the_latest_timeline_entries() {
    vigil.timeline().record("order.created", "c-9", Map.of());
    vigil.timeline().record("payment.failed", "c-9", Map.of());

    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () ->
                vigil
                    .eventually(() -> false)
                    .describedAs("shipping")
                    .showingTimeline(1)
                    .within(Duration.ofMillis(250)));

    assertThat(error.getMessage())
        .startsWith(
            "Timed out after 250ms waiting for shipping."
                + NL
                + "  attempts:     2 in 250ms (polling fixed every 250ms; 0 woken by signal)"
                + NL
                + "  last value:   false"
                + NL)
        .contains(vigil.timeline().renderTail(1));
  }

  @Test
  void continually_violation_names_the_moment() {
    AtomicInteger size = new AtomicInteger();

    ConditionViolatedError error =
        catchThrowableOfType(
            ConditionViolatedError.class,
            () ->
                vigil
                    .continually(size::getAndIncrement)
                    .matching(n -> n < 2)
                    .describedAs("the pool to stay below 2 connections")
                    .throughout(Duration.ofSeconds(2)));

    assertThat(error)
        .hasMessage(
            "Expected the pool to stay below 2 connections to hold throughout 2s, but it stopped"
                + " holding 500ms in, at attempt 3."
                + NL
                + "  attempts:     3 in 500ms (polling fixed every 250ms; 0 woken by signal)"
                + NL
                + "  last value:   2");
  }

  @Test
  void never_violation_names_the_moment_and_value() {
    AtomicInteger dlq = new AtomicInteger();

    ConditionViolatedError error =
        catchThrowableOfType(
            ConditionViolatedError.class,
            () ->
                vigil
                    .never(dlq::getAndIncrement)
                    .matching(n -> n > 0)
                    .describedAs("a dead letter")
                    .within(Duration.ofSeconds(30)));

    assertThat(error)
        .hasMessage(
            "Expected a dead letter never to happen within 30s, but it happened 250ms in, at"
                + " attempt 2."
                + NL
                + "  attempts:     2 in 250ms (polling fixed every 250ms; 0 woken by signal)"
                + NL
                + "  last value:   1");
  }

  @Test
  void fail_fast_names_the_reason() {
    WaitAbortedError error =
        catchThrowableOfType(
            WaitAbortedError.class,
            () ->
                vigil
                    .eventually(() -> null)
                    .describedAs("order o-1 to ship")
                    .failFastWhen("order o-1 was rejected", () -> true)
                    .within(Duration.ofSeconds(1)));

    assertThat(error)
        .hasMessage(
            "Gave up waiting for order o-1 to ship after 0ns: order o-1 was rejected."
                + NL
                + "  attempts:     1 in 0ns (polling fixed every 250ms; 0 woken by signal)"
                + NL
                + "  last value:   null");
  }

  @Test
  void failing_diagnostics_never_hide_the_failure() {
    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () ->
                vigil
                    .eventually(() -> false)
                    .describedAs("x")
                    .diagnostics(
                        () -> {
                          throw new IllegalStateException("db down");
                        })
                    .within(Duration.ofMillis(250)));

    assertThat(error.getMessage())
        .startsWith("Timed out after 250ms waiting for x.")
        .endsWith("  diagnostics:  (diagnostics failed: java.lang.IllegalStateException: db down)");
  }

  @Test
  void multi_line_failure_messages_appear_in_full_indented_under_their_first_line() {
    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () ->
                vigil
                    .eventually(
                        () -> {
                          throw new AssertionError("Expecting actual:\n  1\nto be equal to 2");
                        })
                    .within(Duration.ofMillis(250)));

    assertThat(error.getMessage())
        .endsWith(
            String.join(
                System.lineSeparator(),
                "  last failure: java.lang.AssertionError: Expecting actual:",
                "      1",
                "    to be equal to 2"));
  }
}
