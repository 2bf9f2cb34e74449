package dev.vigil;

import dev.vigil.internal.Durations;
import dev.vigil.time.Signal;
import java.time.Duration;

/**
 * When a wait evaluates its condition again if nothing pulses the {@link Signal}.
 *
 * <p>Pulses always cause an immediate evaluation; the strategy only paces polling of state Vigil
 * cannot observe (a database row, a file, another process).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface PollStrategy {

  /**
   * Returns the pause before the next evaluation.
   *
   * @param attempts how many evaluations ran so far (at least 1)
   * @return the pause in nanoseconds, positive
   */
  long nextDelayNanos(int attempts);

  /**
   * Polls at a fixed interval.
   *
   * @param interval the pause between evaluations, positive
   * @return the strategy
   */
  static PollStrategy fixed(Duration interval) {
    long nanos = Durations.positiveNanos("interval", interval);
    return new PollStrategies.Fixed(nanos);
  }

  /**
   * Polls after 1, 1, 2, 3, 5, 8… units, never longer than {@code cap}.
   *
   * @param unit the first pause, positive
   * @param cap the longest pause, at least {@code unit}
   * @return the strategy
   */
  static PollStrategy fibonacci(Duration unit, Duration cap) {
    long unitNanos = Durations.positiveNanos("unit", unit);
    long capNanos = Durations.positiveNanos("cap", cap);
    PollStrategies.requireCapAtLeast(unit, cap);
    return new PollStrategies.Fibonacci(unitNanos, capNanos);
  }

  /**
   * Polls after {@code first}, then multiplies the pause by {@code factor}, never longer than
   * {@code cap}.
   *
   * @param first the first pause, positive
   * @param factor the growth per attempt, at least 1
   * @param cap the longest pause, at least {@code first}
   * @return the strategy
   */
  static PollStrategy exponential(Duration first, double factor, Duration cap) {
    long firstNanos = Durations.positiveNanos("first", first);
    long capNanos = Durations.positiveNanos("cap", cap);
    PollStrategies.requireCapAtLeast(first, cap);
    if (!(factor >= 1.0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be a finite number >= 1, was " + factor);
    }
    return new PollStrategies.Exponential(firstNanos, factor, capNanos);
  }

  /**
   * The default: a quick first look (0.5 ms), doubling to a 5 ms cap. State that changes within a
   * second is seen within a few milliseconds, while a wait that lasts costs at most 200 evaluations
   * a second, a negligible share of a core for a cheap condition.
   *
   * @return the default strategy
   */
  static PollStrategy adaptive() {
    return PollStrategies.ADAPTIVE;
  }
}
