package dev.vigil.perf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The exact failure texts of {@link ResponseTimes}. */
class ResponseTimesMessagesTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final ResponseTimes times = ResponseTimes.of(vigil, "GET /users");

  @AfterEach
  void close() {
    vigil.close();
  }

  /** Eight requests of 10 ms, one of 50 ms, one of 200 ms, started 10 ms apart. */
  private void measureTenRequests() {
    long[] millis = {10, 10, 10, 50, 10, 10, 200, 10, 10, 10};
    for (int i = 0; i < millis.length; i++) {
      long took = millis[i];
      times.measure("request " + (i + 1), () -> after(took));
      vigil.virtualTime().advanceBy(Duration.ofMillis(10));
    }
    vigil.virtualTime().runUntilIdle();
  }

  private CompletableFuture<String> after(long millis) {
    CompletableFuture<String> reply = new CompletableFuture<>();
    var unused =
        vigil.scheduler().schedule(() -> reply.complete("ok"), millis, TimeUnit.MILLISECONDS);
    return reply;
  }

  @Test
  void percentile_over_the_limit() {
    measureTenRequests();

    assertThatThrownBy(() -> times.assertPercentileAtMost(99, Duration.ofMillis(100)))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            lines(
                "Expecting response times of GET /users (on virtual time):",
                "  count 10 (0 failed, 0 pending) in 260ms: 38.462 operations per second",
                "  min 10ms, p50 10ms, p90 50ms, p99 200ms, max 200ms",
                "  histogram:",
                "    [10ms, 48ms)    8 ####################",
                "    [48ms, 86ms)    1 ###",
                "    [86ms, 124ms)   0",
                "    [124ms, 162ms)  0",
                "    [162ms, 200ms]  1 ###",
                "  slowest:",
                "    request 7 took 200ms, started at +60ms",
                "    request 4 took 50ms, started at +30ms",
                "    request 1 took 10ms, started at +0ns",
                "to have p99 at most:",
                "  100ms",
                "but p99 was 200ms."));
  }

  @Test
  void throughput_under_the_minimum() {
    measureTenRequests();

    assertThatThrownBy(() -> times.assertThroughputAtLeast(500))
        .hasMessage(
            lines(
                "Expecting response times of GET /users (on virtual time):",
                "  count 10 (0 failed, 0 pending) in 260ms: 38.462 operations per second",
                "  min 10ms, p50 10ms, p90 50ms, p99 200ms, max 200ms",
                "  histogram:",
                "    [10ms, 48ms)    8 ####################",
                "    [48ms, 86ms)    1 ###",
                "    [86ms, 124ms)   0",
                "    [124ms, 162ms)  0",
                "    [162ms, 200ms]  1 ###",
                "  slowest:",
                "    request 7 took 200ms, started at +60ms",
                "    request 4 took 50ms, started at +30ms",
                "    request 1 took 10ms, started at +0ns",
                "to have a throughput of at least:",
                "  500 operations per second",
                "but it was 38.462 operations per second (10 operations in 260ms, from the first"
                    + " start to the last completion)."));
  }

  @Test
  void max_on_real_time_with_nothing_completed() {
    try (Vigil real = Vigil.create()) {
      ResponseTimes none = ResponseTimes.of(real);

      assertThatThrownBy(() -> none.assertMaxAtMost(Duration.ofSeconds(1)))
          .hasMessage(
              lines(
                  "Expecting response times of operations (on real time):",
                  "  no operation completed",
                  "to have max at most:",
                  "  1s",
                  "but no operation was measured."));
    }
  }

  @Test
  void no_failures_when_two_failed() {
    times.measure("a", () -> CompletableFuture.failedFuture(new IOException("down")));
    times.measure("b", () -> CompletableFuture.completedFuture("ok"));
    times.measure("c", () -> CompletableFuture.failedFuture(new IllegalStateException("bad")));

    assertThatThrownBy(times::assertNoFailures)
        .hasMessage(
            lines(
                "Expecting response times of GET /users (on virtual time):",
                "  count 3 (2 failed, 0 pending) in 0ns: ∞ operations per second",
                "  min 0ns, p50 0ns, p90 0ns, p99 0ns, max 0ns",
                "  histogram:",
                "    [0ns, 0ns] 3 ####################",
                "  slowest:",
                "    a took 0ns, started at +0ns, failed with java.io.IOException: down",
                "    b took 0ns, started at +0ns",
                "    c took 0ns, started at +0ns, failed with java.lang.IllegalStateException: bad",
                "to have no failed operation",
                "but 2 failed:",
                "  a: java.io.IOException: down",
                "  c: java.lang.IllegalStateException: bad"));
  }

  private static String lines(String... lines) {
    return String.join(System.lineSeparator(), lines);
  }
}
