package dev.vigil.perf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The completed operations of a moment, sorted by response time: percentiles by nearest rank, the
 * span from the first start to the last completion, throughput over it.
 */
final class Distribution {
  final List<Measurement> completed;
  final int pending;
  final long firstStart;
  final long lastEnd;

  Distribution(List<Measurement> all) {
    List<Measurement> done = new ArrayList<>();
    for (Measurement m : all) {
      if (m.done()) {
        done.add(m);
      }
    }
    done.sort(Comparator.comparingLong(Measurement::tookNanos));
    this.completed = List.copyOf(done);
    this.pending = all.size() - done.size();
    this.firstStart = done.stream().mapToLong(m -> m.startNanos).min().orElse(0);
    this.lastEnd = done.stream().mapToLong(Measurement::endNanos).max().orElse(0);
  }

  int count() {
    return completed.size();
  }

  boolean isEmpty() {
    return completed.isEmpty();
  }

  /**
   * The nearest-rank percentile: the smallest response time that at least {@code percentile} per
   * cent of the operations did not exceed, rank {@code ceil(percentile / 100 * count)}.
   */
  long percentileNanos(double percentile) {
    int rank =
        BigDecimal.valueOf(percentile)
            .multiply(BigDecimal.valueOf(completed.size()))
            .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING)
            .intValueExact();
    return completed.get(Math.max(rank, 1) - 1).tookNanos();
  }

  long minNanos() {
    return completed.get(0).tookNanos();
  }

  long maxNanos() {
    return completed.get(completed.size() - 1).tookNanos();
  }

  long spanNanos() {
    return lastEnd - firstStart;
  }

  /** Operations per second over the span; infinite when they all took no time at one instant. */
  double throughput() {
    long span = spanNanos();
    return span == 0 ? Double.POSITIVE_INFINITY : completed.size() * 1e9 / span;
  }

  int failures() {
    return (int) completed.stream().filter(m -> m.failure() != null).count();
  }
}
