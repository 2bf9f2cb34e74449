package dev.vigil.bench;

import java.util.Arrays;
import java.util.Locale;

/** Prints figures in the project's benchmark convention and computes percentiles. */
final class Report {
  private Report() {}

  /** Prints {@code BENCH name value unit}. */
  static void bench(String name, double value, String unit) {
    System.out.println("BENCH " + name + " " + format(value) + " " + unit);
  }

  /** Prints {@code RATIO name value}, where value is other tool / Vigil for a cost. */
  static void ratio(String name, double otherCost, double vigilCost) {
    System.out.println("RATIO " + name + " " + format(otherCost / vigilCost));
  }

  /** Prints a human-readable comment line, {@code # text}, that parsers of BENCH lines skip. */
  static void note(String text) {
    System.out.println("# " + text);
  }

  /** Returns the {@code p}-th percentile (0..100) of {@code samples}, nearest rank. */
  static double percentile(long[] samples, double p) {
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static String format(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
