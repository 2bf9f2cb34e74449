package dev.vigil.perf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResponseTimesTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final ResponseTimes times = ResponseTimes.of(vigil, "requests");

  @AfterEach
  void close() {
    vigil.close();
  }

  /** An operation that completes {@code millis} after it starts, on the context's scheduler. */
  private CompletableFuture<String> after(long millis) {
    CompletableFuture<String> reply = new CompletableFuture<>();
    var unused =
        vigil.scheduler().schedule(() -> reply.complete("ok"), millis, TimeUnit.MILLISECONDS);
    return reply;
  }

  private void measureOneToHundredMillis() {
    for (int i = 1; i <= 100; i++) {
      long millis = i;
      times.measure(() -> after(millis));
    }
    vigil.virtualTime().runUntilIdle();
  }

  @Test
  void a_response_time_runs_from_the_call_to_the_completion_of_the_stage() {
    CompletableFuture<String> reply = times.measure(() -> after(150));

    vigil.virtualTime().advanceBy(Duration.ofSeconds(1));

    assertThat(reply).isCompletedWithValue("ok"); // the caller keeps its stage
    assertThat(times.max()).isEqualTo(Duration.ofMillis(150));
    assertThat(times.count()).isEqualTo(1);
  }

  @Test
  void percentiles_are_by_nearest_rank() {
    measureOneToHundredMillis();

    assertThat(times.percentile(50)).isEqualTo(Duration.ofMillis(50));
    assertThat(times.percentile(90)).isEqualTo(Duration.ofMillis(90));
    assertThat(times.percentile(99)).isEqualTo(Duration.ofMillis(99));
    assertThat(times.percentile(99.9)).isEqualTo(Duration.ofMillis(100)); // rank ceil(99.9)
    assertThat(times.percentile(0.5)).isEqualTo(Duration.ofMillis(1)); // rank ceil(0.5) = 1
    assertThat(times.percentile(100)).isEqualTo(times.max());
  }

  @Test
  void throughput_counts_completions_over_the_span_from_first_start_to_last_completion() {
    measureOneToHundredMillis();

    assertThat(times.throughputPerSecond()).isEqualTo(1000.0); // 100 in 100 ms
    times.assertThroughputAtLeast(1000).assertPercentileAtMost(99, Duration.ofMillis(99));
  }

  @Test
  void operations_that_all_take_no_time_have_infinite_throughput() {
    times.measure(() -> CompletableFuture.completedFuture("now"));

    assertThat(times.throughputPerSecond()).isInfinite();
    times.assertThroughputAtLeast(1_000_000).assertMaxAtMost(Duration.ZERO);
  }

  @Test
  void a_failed_operation_is_measured_and_reported_by_assert_no_failures() {
    times.measure("bad", () -> CompletableFuture.failedFuture(new IOException("down")));

    assertThat(times.count()).isEqualTo(1);
    assertThatThrownBy(times::assertNoFailures)
        .hasMessageContaining("bad: java.io.IOException: down");
  }

  @Test
  void checks_fail_while_operations_are_pending() {
    times.measure(() -> after(10));

    assertThat(times.allCompleted()).isFalse();
    assertThatThrownBy(() -> times.assertMaxAtMost(Duration.ofSeconds(1)))
        .hasMessageEndingWith(
            "but 1 operation is still pending: wait for them first, as in"
                + " vigil.eventually(times::allCompleted).within(...).");

    vigil.eventually(times::allCompleted).within(Duration.ofSeconds(1));
    times.assertMaxAtMost(Duration.ofMillis(10));
  }

  @Test
  void an_operation_that_throws_is_not_measured() {
    assertThatThrownBy(
            () ->
                times.measure(
                    () -> {
                      throw new IllegalStateException("no");
                    }))
        .hasMessage("no");

    assertThat(times.count()).isZero();
    assertThatThrownBy(times::max)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no operation of requests has completed yet");
  }

  @Test
  void works_on_real_time() {
    try (Vigil real = Vigil.create()) {
      ResponseTimes realTimes = ResponseTimes.of(real);
      CompletableFuture<String> reply = new CompletableFuture<>();
      realTimes.measure(() -> reply);
      reply.complete("ok");

      assertThat(realTimes.count()).isEqualTo(1);
      assertThat(realTimes.max()).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void bad_input_names_the_parameter_and_value() {
    assertThatThrownBy(() -> ResponseTimes.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("vigil must not be null");
    assertThatThrownBy(() -> ResponseTimes.of(vigil, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank, was ''");
    assertThatThrownBy(() -> times.measure(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("operation must not be null");
    assertThatThrownBy(() -> times.measure(() -> null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("operation returned null, not a stage");
    assertThatThrownBy(() -> times.percentile(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("percentile must be greater than 0 and at most 100, was 0.0");
    assertThatThrownBy(() -> times.assertPercentileAtMost(100.5, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("percentile must be greater than 0 and at most 100, was 100.5");
    assertThatThrownBy(() -> times.assertMaxAtMost(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must not be negative, was PT-0.001S");
    assertThatThrownBy(() -> times.assertThroughputAtLeast(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("operationsPerSecond must be positive and finite, was NaN");
  }
}
