package dev.vigil.perf;

import dev.vigil.Vigil;
import dev.vigil.internal.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Response times of async operations measured on the context's clock, and checks on their
 * distribution and throughput. Under virtual time the figures are exact and the same on every run:
 * "p99 of 1,000 requests at most 200 ms" checks the code's timeouts, delays and queueing, not the
 * machine. On real time they measure the machine too; for wall-clock throughput use JMH.
 *
 * <pre>{@code
 * ResponseTimes times = ResponseTimes.of(vigil, "GET /users");
 * for (int i = 0; i < 1_000; i++) {
 *   String id = "u-" + i;
 *   times.measure("request " + i, () -> client.getUser(id));
 * }
 * vigil.eventually(times::allCompleted).within(Duration.ofMinutes(1));
 * times.assertPercentileAtMost(99, Duration.ofMillis(200)).assertThroughputAtLeast(500);
 * }</pre>
 *
 * <p><b>Definitions.</b> An operation's response time runs from the call of {@link #measure} to the
 * completion of the stage it returned, normal or not. Percentiles are by nearest rank: the p-th
 * percentile of n response times, sorted ascending, is the one at rank {@code ceil(p / 100 * n)}
 * (1-based), so it is always a measured value and p100 is the maximum. Throughput is the number of
 * completed operations divided by the span from the earliest start to the latest completion; it is
 * infinite when that span is zero. Failures list the count, min, p50, p90, p99, max, a histogram
 * and the slowest operations with their names and start times.
 *
 * @since 0.1
 */
public final class ResponseTimes {
  private final Vigil vigil;
  private final String name;
  private final List<Measurement> measurements = new ArrayList<>();

  private ResponseTimes(Vigil vigil, String name) {
    this.vigil = vigil;
    this.name = name;
  }

  /**
   * Starts recording response times called {@code operations} in failures.
   *
   * @param vigil the context whose clock measures
   * @return an empty record
   */
  public static ResponseTimes of(Vigil vigil) {
    return of(vigil, "operations");
  }

  /**
   * Starts recording response times of what {@code name} says, such as {@code GET /users}.
   *
   * @param vigil the context whose clock measures
   * @param name what is measured, for failures; not blank
   * @return an empty record
   */
  public static ResponseTimes of(Vigil vigil, String name) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    return new ResponseTimes(vigil, checkedName("name", name));
  }

  /**
   * Calls {@code operation} and records its response time, named {@code operation <n>}.
   *
   * @param operation starts the operation and returns its stage; not null
   * @param <S> the type of stage
   * @return the stage the operation returned, to use as before
   */
  public <S extends CompletionStage<?>> S measure(Supplier<S> operation) {
    int number;
    synchronized (this) {
      number = measurements.size() + 1;
    }
    return measure("operation " + number, operation);
  }

  /**
   * Calls {@code operation} and records its response time under {@code name}, shown when it is
   * among the slowest. If the operation throws instead of returning a stage, nothing is recorded.
   *
   * @param name the operation's name, such as {@code request 17}; not blank
   * @param operation starts the operation and returns its stage; not null
   * @param <S> the type of stage
   * @return the stage the operation returned, to use as before
   */
  public <S extends CompletionStage<?>> S measure(String name, Supplier<S> operation) {
    checkedName("name", name);
    Objects.requireNonNull(operation, "operation must not be null");
    long start = vigil.time().nanoTime();
    S stage = Objects.requireNonNull(operation.get(), "operation returned null, not a stage");
    Measurement measurement = new Measurement(name, start);
    synchronized (this) {
      measurements.add(measurement);
    }
    var unused =
        stage.whenComplete(
            (value, failure) -> measurement.finish(vigil.time().nanoTime(), failure));
    return stage;
  }

  /**
   * Returns how many measured operations have completed (normally or not).
   *
   * @return the number of completed operations
   */
  public int count() {
    return distributionNow().count();
  }

  /**
   * Tells whether every measured operation has completed, for a wait before the checks: {@code
   * vigil.eventually(times::allCompleted).within(...)}.
   *
   * @return {@code true} when none is pending
   */
  public boolean allCompleted() {
    return distributionNow().pending == 0;
  }

  /**
   * Returns the nearest-rank percentile of the completed operations' response times.
   *
   * @param percentile greater than 0 and at most 100, such as 99 or 99.9
   * @return the response time
   * @throws IllegalStateException when no operation has completed
   */
  public Duration percentile(double percentile) {
    checkedPercentile(percentile);
    return Duration.ofNanos(nonEmpty().percentileNanos(percentile));
  }

  /**
   * Returns the longest response time of the completed operations.
   *
   * @return the maximum
   * @throws IllegalStateException when no operation has completed
   */
  public Duration max() {
    return Duration.ofNanos(nonEmpty().maxNanos());
  }

  /**
   * Returns the completed operations per second, from the earliest start to the latest completion.
   *
   * @return the throughput; infinite when that span is zero
   * @throws IllegalStateException when no operation has completed
   */
  public double throughputPerSecond() {
    return nonEmpty().throughput();
  }

  /**
   * Returns the distribution as failures show it: count, span, throughput, min, p50, p90, p99, max,
   * a histogram and the slowest operations.
   *
   * @return the text, indented by two spaces
   */
  public String distribution() {
    return PerfTexts.distribution(distributionNow());
  }

  /**
   * Checks that the nearest-rank percentile of the response times is at most {@code limit}.
   *
   * @param percentile greater than 0 and at most 100, such as 99
   * @param limit the longest response time allowed at that percentile
   * @return this record, for more checks
   * @throws AssertionError with the distribution, when it is over, or operations are pending
   */
  public ResponseTimes assertPercentileAtMost(double percentile, Duration limit) {
    checkedPercentile(percentile);
    long limitNanos = Durations.nonNegativeNanos("limit", limit);
    Distribution d = distributionNow();
    if (d.pending > 0 || d.isEmpty() || d.percentileNanos(percentile) > limitNanos) {
      String actual = d.isEmpty() ? null : Durations.formatNanos(d.percentileNanos(percentile));
      String label = PerfTexts.label(percentile);
      throw failure(d, PerfTexts.atMost(label, Durations.format(limit), actual, d));
    }
    return this;
  }

  /**
   * Checks that no response time is longer than {@code limit}.
   *
   * @param limit the longest response time allowed
   * @return this record
   * @throws AssertionError with the distribution, when one is longer, or operations are pending
   */
  public ResponseTimes assertMaxAtMost(Duration limit) {
    long limitNanos = Durations.nonNegativeNanos("limit", limit);
    Distribution d = distributionNow();
    if (d.pending > 0 || d.isEmpty() || d.maxNanos() > limitNanos) {
      String actual = d.isEmpty() ? null : Durations.formatNanos(d.maxNanos());
      throw failure(d, PerfTexts.atMost("max", Durations.format(limit), actual, d));
    }
    return this;
  }

  /**
   * Checks that at least {@code operationsPerSecond} operations completed per second of the
   * context's time, from the earliest start to the latest completion.
   *
   * @param operationsPerSecond the least throughput allowed; positive
   * @return this record
   * @throws AssertionError with the distribution, when it is lower, or operations are pending
   */
  public ResponseTimes assertThroughputAtLeast(double operationsPerSecond) {
    if (!(operationsPerSecond > 0) || Double.isInfinite(operationsPerSecond)) {
      throw new IllegalArgumentException(
          "operationsPerSecond must be positive and finite, was " + operationsPerSecond);
    }
    Distribution d = distributionNow();
    if (d.pending > 0 || d.isEmpty() || d.throughput() < operationsPerSecond) {
      throw failure(d, PerfTexts.throughputAtLeast(operationsPerSecond, d));
    }
    return this;
  }

  /**
   * Checks that no completed operation failed: a fast failure would flatter the response times.
   *
   * @return this record
   * @throws AssertionError naming the first failures, with the distribution
   */
  public ResponseTimes assertNoFailures() {
    Distribution d = distributionNow();
    if (d.failures() > 0) {
      throw failure(d, PerfTexts.noFailures(d));
    }
    return this;
  }

  private AssertionError failure(Distribution d, String expectation) {
    return new AssertionError(PerfTexts.expecting(name, vigil.time().isVirtual(), d) + expectation);
  }

  private synchronized Distribution distributionNow() {
    return new Distribution(measurements);
  }

  private Distribution nonEmpty() {
    Distribution d = distributionNow();
    if (d.isEmpty()) {
      throw new IllegalStateException("no operation of " + name + " has completed yet");
    }
    return d;
  }

  private static void checkedPercentile(double percentile) {
    if (!(percentile > 0 && percentile <= 100)) {
      throw new IllegalArgumentException(
          "percentile must be greater than 0 and at most 100, was " + percentile);
    }
  }

  private static String checkedName(String parameter, String value) {
    Objects.requireNonNull(value, parameter + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(parameter + " must not be blank, was '" + value + "'");
    }
    return value;
  }

  @Override
  public String toString() {
    return "ResponseTimes[" + name + ", " + count() + " completed]";
  }
}
