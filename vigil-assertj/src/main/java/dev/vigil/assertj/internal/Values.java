package dev.vigil.assertj.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Equality of keys and field values as a test means it: numbers by value, whatever their type (a
 * table's {@code BIGINT} key {@code 7L} is the test's {@code 7}), lists element by element (keys of
 * several columns), arrays by content.
 */
public final class Values {

  private Values() {}

  /** Whether {@code expected} and {@code actual} are the same value. */
  public static boolean same(@Nullable Object expected, @Nullable Object actual) {
    if (expected instanceof Number a && actual instanceof Number b) {
      BigDecimal x = decimal(a);
      BigDecimal y = decimal(b);
      return x != null && y != null ? x.compareTo(y) == 0 : a.equals(b);
    }
    if (expected instanceof List<?> a && actual instanceof List<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.deepEquals(expected, actual);
  }

  /**
   * The number as a decimal, or {@code null} for NaN, infinities and numbers that have no digits.
   */
  private static @Nullable BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    try {
      return new BigDecimal(number.toString());
    } catch (NumberFormatException notDecimal) {
      return null;
    }
  }
}
