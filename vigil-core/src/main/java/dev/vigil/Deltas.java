package dev.vigil;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The arithmetic of {@link Change#by}: a value plus a delta in the value's own type. */
final class Deltas {
  private Deltas() {}

  /** Adds {@code delta} to {@code before}, keeping before's type; overflow is an error. */
  static Number plus(Number before, Number delta) {
    if (before instanceof Integer || before instanceof Short || before instanceof Byte) {
      long sum = Math.addExact(before.longValue(), exactLong(delta));
      return narrow(before, sum);
    }
    if (before instanceof Long) {
      return Math.addExact(before.longValue(), exactLong(delta));
    }
    if (before instanceof Double) {
      return before.doubleValue() + delta.doubleValue();
    }
    if (before instanceof Float) {
      return before.floatValue() + delta.floatValue();
    }
    if (before instanceof BigInteger big) {
      return big.add(decimal(delta).toBigIntegerExact());
    }
    return decimal(before).add(decimal(delta));
  }

  private static Number narrow(Number before, long sum) {
    if (before instanceof Integer) {
      return Math.toIntExact(sum);
    }
    if (before instanceof Short && sum == (short) sum) {
      return (short) sum;
    }
    if (before instanceof Byte && sum == (byte) sum) {
      return (byte) sum;
    }
    throw new ArithmeticException(sum + " does not fit in a " + before.getClass().getSimpleName());
  }

  private static long exactLong(Number delta) {
    return decimal(delta).longValueExact();
  }

  /** Whether two values are equal, numbers by value whatever their types (97 equals 97L). */
  static boolean same(@Nullable Object a, @Nullable Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      try {
        return decimal(x).compareTo(decimal(y)) == 0;
      } catch (NumberFormatException notFinite) { // NaN or an infinity
        return x.equals(y);
      }
    }
    return Objects.deepEquals(a, b);
  }

  static BigDecimal decimal(Number number) {
    if (number instanceof BigDecimal decimal) {
      return decimal;
    }
    if (number instanceof BigInteger big) {
      return new BigDecimal(big);
    }
    if (number instanceof Double || number instanceof Float) {
      return new BigDecimal(number.toString());
    }
    return BigDecimal.valueOf(number.longValue());
  }

  /** Renders the arithmetic, such as {@code 100 - 3} or {@code 1.5 + 0.25}. */
  static String arithmetic(Number before, Number delta) {
    boolean negative = decimal(delta).signum() < 0;
    String magnitude = negative ? decimal(delta).negate().toPlainString() : delta.toString();
    return before + (negative ? " - " : " + ") + magnitude;
  }
}
