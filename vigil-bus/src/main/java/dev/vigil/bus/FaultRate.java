package dev.vigil.bus;

/**
 * How often a fault strikes: never, with a probability drawn from the bus's seeded random, or on
 * every n-th opportunity (deterministic without a seed).
 *
 * @param probability chance per opportunity, 0 – 1
 * @param everyNth strike on the n-th, 2n-th… opportunity; 0 for none
 * @since 0.1
 */
public record FaultRate(double probability, int everyNth) {

  /**
   * Creates a rate, checking both values; prefer {@link #never()}, {@link #withProbability} or
   * {@link #everyNth}, which say which of the two applies.
   *
   * @param probability chance that the fault strikes at each opportunity, from 0 (never) to 1
   *     (always); drawn from the bus's seeded random, so a run with the same seed strikes the same
   *     opportunities
   * @param everyNth strike on the n-th, 2n-th, 3n-th… opportunity counted per bus; 0 for none
   * @throws IllegalArgumentException if {@code probability} is outside 0 – 1 (or NaN) or {@code
   *     everyNth} is negative
   */
  public FaultRate {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be between 0 and 1, was " + probability);
    }
    if (everyNth < 0) {
      throw new IllegalArgumentException("everyNth must not be negative, was " + everyNth);
    }
  }

  /**
   * Returns a rate that never strikes.
   *
   * @return the rate
   */
  public static FaultRate never() {
    return new FaultRate(0, 0);
  }

  /**
   * Returns a rate that strikes with {@code chance} per opportunity.
   *
   * @param chance 0 – 1
   * @return the rate
   */
  public static FaultRate withProbability(double chance) {
    return new FaultRate(chance, 0);
  }

  /**
   * Returns a rate that strikes on every {@code n}-th opportunity.
   *
   * @param n at least 1
   * @return the rate
   */
  public static FaultRate everyNth(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, was " + n);
    }
    return new FaultRate(0, n);
  }

  /**
   * Tells whether this rate can ever strike.
   *
   * @return {@code false} for {@link #never()}
   */
  public boolean active() {
    return probability > 0 || everyNth > 0;
  }
}
