package dev.vigil.perf;

import dev.vigil.internal.Durations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The distribution and failure texts of {@link ResponseTimes}; each is pinned by a test. */
final class PerfTexts {
  private static final String NL = System.lineSeparator();
  private static final int BUCKETS = 5;
  private static final int BAR_WIDTH = 20;
  private static final int SLOWEST = 3;

  private PerfTexts() {}

  /** The head of every failure: what was measured, and its distribution. */
  static String expecting(String name, boolean virtual, Distribution d) {
    String time = virtual ? "virtual" : "real";
    return "Expecting response times of "
        + name
        + " (on "
        + time
        + " time):"
        + NL
        + distribution(d);
  }

  /** Count, span, throughput, percentiles, a histogram and the slowest operations, indented. */
  static String distribution(Distribution d) {
    if (d.isEmpty()) {
      return "  no operation completed" + (d.pending > 0 ? " (" + d.pending + " pending)" : "");
    }
    StringBuilder text = new StringBuilder("  count ").append(d.count());
    text.append(" (")
        .append(d.failures())
        .append(" failed, ")
        .append(d.pending)
        .append(" pending)");
    text.append(" in ").append(Durations.formatNanos(d.spanNanos()));
    text.append(": ").append(number(d.throughput())).append(" operations per second").append(NL);
    text.append("  min ").append(Durations.formatNanos(d.minNanos()));
    for (double p : new double[] {50, 90, 99}) {
      text.append(", ").append(label(p)).append(' ');
      text.append(Durations.formatNanos(d.percentileNanos(p)));
    }
    text.append(", max ").append(Durations.formatNanos(d.maxNanos())).append(NL);
    histogram(d, text.append("  histogram:"));
    slowest(d, text.append(NL).append("  slowest:"));
    return text.toString();
  }

  private static void histogram(Distribution d, StringBuilder text) {
    long min = d.minNanos();
    long width = Math.max(1, (d.maxNanos() - min + BUCKETS - 1) / BUCKETS);
    int buckets = d.maxNanos() == min ? 1 : BUCKETS;
    int[] counts = new int[buckets];
    for (Measurement m : d.completed) {
      counts[(int) Math.min(buckets - 1, (m.tookNanos() - min) / width)]++;
    }
    String[] labels = new String[buckets];
    for (int i = 0; i < buckets; i++) {
      String to = i == buckets - 1 ? "]" : ")";
      labels[i] =
          "["
              + Durations.formatNanos(min + i * width)
              + ", "
              + Durations.formatNanos(i == buckets - 1 ? d.maxNanos() : min + (i + 1) * width)
              + to;
    }
    int labelWidth = List.of(labels).stream().mapToInt(String::length).max().orElse(0);
    int countWidth = String.valueOf(d.count()).length();
    int most = Arrays.stream(counts).max().orElse(1);
    for (int i = 0; i < buckets; i++) {
      int bar = counts[i] == 0 ? 0 : Math.max(1, Math.round(counts[i] * (float) BAR_WIDTH / most));
      text.append(NL).append("    ").append(pad(labels[i], labelWidth)).append(' ');
      text.append(" ".repeat(countWidth - String.valueOf(counts[i]).length())).append(counts[i]);
      text.append(bar == 0 ? "" : " " + "#".repeat(bar));
    }
  }

  private static void slowest(Distribution d, StringBuilder text) {
    List<Measurement> slowest =
        d.completed.stream()
            .sorted(
                Comparator.comparingLong(Measurement::tookNanos)
                    .reversed()
                    .thenComparingLong(m -> m.startNanos))
            .limit(SLOWEST)
            .toList();
    for (Measurement m : slowest) {
      text.append(NL).append("    ").append(m.name).append(" took ");
      text.append(Durations.formatNanos(m.tookNanos())).append(", started at +");
      text.append(Durations.formatNanos(m.startNanos - d.firstStart));
      Throwable failure = m.failure();
      text.append(failure == null ? "" : ", failed with " + failure);
    }
  }

  /** The expectation and what was found instead, after the head. */
  static String atMost(String measure, String limit, @Nullable String actual, Distribution d) {
    return NL
        + "to have "
        + measure
        + " at most:"
        + NL
        + "  "
        + limit
        + NL
        + but(measure, actual, d);
  }

  static String throughputAtLeast(double expected, Distribution d) {
    String found =
        d.isEmpty() || d.pending > 0
            ? but("throughput", null, d)
            : "but it was "
                + number(d.throughput())
                + " operations per second ("
                + d.count()
                + " operations in "
                + Durations.formatNanos(d.spanNanos())
                + ", from the first start to the last completion).";
    return NL
        + "to have a throughput of at least:"
        + NL
        + "  "
        + number(expected)
        + " operations per second"
        + NL
        + found;
  }

  static String noFailures(Distribution d) {
    StringBuilder failed = new StringBuilder();
    d.completed.stream()
        .filter(m -> m.failure() != null)
        .limit(SLOWEST)
        .forEach(
            m -> failed.append(NL).append("  ").append(m.name).append(": ").append(m.failure()));
    int count = d.failures();
    return NL
        + "to have no failed operation"
        + NL
        + "but "
        + count
        + (count <= SLOWEST ? " failed:" : " failed, the first " + SLOWEST + ":")
        + failed;
  }

  private static String but(String measure, @Nullable String actual, Distribution d) {
    if (d.pending > 0) {
      return "but "
          + (d.pending == 1 ? "1 operation is" : d.pending + " operations are")
          + " still pending: wait for them first, as in"
          + " vigil.eventually(times::allCompleted).within(...).";
    }
    if (d.isEmpty()) {
      return "but no operation was measured.";
    }
    return "but " + measure + " was " + actual + ".";
  }

  /** {@code p99}, {@code p99.9}: the percentile as its label. */
  static String label(double percentile) {
    return "p" + number(percentile);
  }

  /** A number with up to three decimals, trailing zeros dropped; {@code ∞} when infinite. */
  static String number(double value) {
    if (Double.isInfinite(value)) {
      return "∞";
    }
    return BigDecimal.valueOf(value)
        .setScale(3, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString()
        .toLowerCase(Locale.ROOT);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
