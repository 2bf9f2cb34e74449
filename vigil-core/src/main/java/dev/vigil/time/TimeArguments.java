package dev.vigil.time;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** The checks of the {@code (long, TimeUnit)} arguments of the JDK's executor and blocking APIs. */
final class TimeArguments {
  private TimeArguments() {}

  /** A timeout in nanoseconds; zero or negative means "do not wait". */
  static long timeoutNanos(long timeout, TimeUnit unit) {
    return Objects.requireNonNull(unit, "unit must not be null").toNanos(timeout);
  }

  /** A delay in nanoseconds; as in {@code ScheduledThreadPoolExecutor}, negative means "now". */
  static long delayNanos(long delay, TimeUnit unit) {
    Objects.requireNonNull(unit, "unit must not be null");
    return Math.max(0, unit.toNanos(delay));
  }

  /** A period in nanoseconds, which must be positive. */
  static long positivePeriod(String name, long value, TimeUnit unit) {
    Objects.requireNonNull(unit, "unit must not be null");
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value + " " + unit);
    }
    return unit.toNanos(value);
  }
}
