package dev.vigil;

import dev.vigil.internal.Durations;
import java.time.Duration;

/**
 * The built-in {@link PollStrategy} implementations; their {@code toString} is shown in failures.
 */
final class PollStrategies {
  static final PollStrategy ADAPTIVE =
      new Exponential(Duration.ofMillis(1).toNanos() / 2, 2.0, Duration.ofMillis(5).toNanos()) {
        @Override
        public String toString() {
          return "adaptive (0.5ms doubling to 5ms)";
        }
      };

  private PollStrategies() {}

  static void requireCapAtLeast(Duration first, Duration cap) {
    if (cap.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "cap must be at least the first pause "
              + Durations.format(first)
              + ", was "
              + Durations.format(cap));
    }
  }

  record Fixed(long nanos) implements PollStrategy {
    @Override
    public long nextDelayNanos(int attempts) {
      return nanos;
    }

    @Override
    public String toString() {
      return "fixed every " + Durations.formatNanos(nanos);
    }
  }

  record Fibonacci(long unitNanos, long capNanos) implements PollStrategy {
    @Override
    public long nextDelayNanos(int attempts) {
      long previous = 0;
      long current = unitNanos;
      for (int i = 1; i < attempts && current < capNanos; i++) {
        long next = previous + current;
        previous = current;
        current = next;
      }
      return Math.min(current, capNanos);
    }

    @Override
    public String toString() {
      return "fibonacci from "
          + Durations.formatNanos(unitNanos)
          + " to "
          + Durations.formatNanos(capNanos);
    }
  }

  static class Exponential implements PollStrategy {
    private final long firstNanos;
    private final double factor;
    private final long capNanos;

    Exponential(long firstNanos, double factor, long capNanos) {
      this.firstNanos = firstNanos;
      this.factor = factor;
      this.capNanos = capNanos;
    }

    @Override
    public long nextDelayNanos(int attempts) {
      double delay = firstNanos * Math.pow(factor, Math.max(0, attempts - 1));
      return delay >= capNanos ? capNanos : (long) delay;
    }

    @Override
    public String toString() {
      return "exponential from "
          + Durations.formatNanos(firstNanos)
          + " x"
          + factor
          + " to "
          + Durations.formatNanos(capNanos);
    }
  }
}
