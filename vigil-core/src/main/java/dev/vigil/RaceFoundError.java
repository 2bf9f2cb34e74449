package dev.vigil;

/**
 * A scenario explored by {@link RaceExplorer} failed under a seed; the message names the seed and
 * how to replay it, and the cause is the scenario's own failure.
 *
 * @since 0.1
 */
public final class RaceFoundError extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** The seed under which the scenario failed. */
  private final long seed;

  RaceFoundError(long seed, int tried, int planned, Throwable failure) {
    super(
        "Scenario failed under seed "
            + seed
            + " (seed "
            + tried
            + " of "
            + planned
            + " explored): "
            + failure
            + System.lineSeparator()
            + "  replay it with RaceExplorer.replay("
            + seed
            + "L, scenario) or Vigil.builder().seed("
            + seed
            + "L).build()",
        failure);
    this.seed = seed;
  }

  /**
   * Returns the seed under which the scenario failed.
   *
   * @return the seed to replay
   */
  public long seed() {
    return seed;
  }
}
