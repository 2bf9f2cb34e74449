package dev.vigil.internal;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Checks and formats durations so that every message shows them the same way. */
public final class Durations {
  private Durations() {}

  /**
   * Returns {@code value} in nanoseconds after checking that it is positive and measurable.
   *
   * @param name the parameter name shown in the error
   * @param value the duration to check
   * @return the duration in nanoseconds, at least 1
   * @throws NullPointerException when {@code value} is null
   * @throws IllegalArgumentException when it is zero, negative or too long for nanoseconds
   */
  public static long positiveNanos(String name, @Nullable Duration value) {
    long nanos = nonNegativeNanos(name, value);
    if (nanos == 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
    return nanos;
  }

  /**
   * Returns {@code value} in nanoseconds after checking that it is zero or positive and measurable.
   *
   * @param name the parameter name shown in the error
   * @param value the duration to check
   * @return the duration in nanoseconds
   */
  public static long nonNegativeNanos(String name, @Nullable Duration value) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
    try {
      return value.toNanos();
    } catch (ArithmeticException overflow) {
      throw new IllegalArgumentException(
          name + " is too long to measure in nanoseconds (at most about 292 years), was " + value,
          overflow);
    }
  }

  /**
   * Adds two nanosecond readings, saturating instead of overflowing.
   *
   * @param a a reading or duration
   * @param b a duration
   * @return the sum, or {@link Long#MAX_VALUE} on overflow
   */
  public static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  /**
   * Formats a duration compactly for messages: {@code 3s}, {@code 1.5s}, {@code 250ms}.
   *
   * @param value the duration
   * @return the text
   */
  public static String format(Duration value) {
    try {
      return formatNanos(value.toNanos());
    } catch (ArithmeticException tooLong) {
      return value.toString();
    }
  }

  /**
   * Formats nanoseconds compactly for messages: {@code 3s}, {@code 1.5s}, {@code 250ms}, {@code
   * 12µs}.
   *
   * @param nanos the duration in nanoseconds
   * @return the text
   */
  public static String formatNanos(long nanos) {
    if (nanos < 0) {
      return "-" + formatNanos(-nanos);
    }
    if (nanos < 1_000) {
      return nanos + "ns";
    }
    if (nanos < 1_000_000) {
      return trim(nanos / 1e3) + "µs";
    }
    if (nanos < 1_000_000_000) {
      return trim(nanos / 1e6) + "ms";
    }
    if (nanos < 120_000_000_000L) {
      return trim(nanos / 1e9) + "s";
    }
    return Duration.ofNanos(nanos).toString().substring(2).toLowerCase(Locale.ROOT);
  }

  private static String trim(double value) {
    String text = String.format(Locale.ROOT, "%.3f", value);
    int end = text.length();
    while (text.charAt(end - 1) == '0') {
      end--;
    }
    if (text.charAt(end - 1) == '.') {
      end--;
    }
    return text.substring(0, end);
  }
}
