package dev.vigil;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Runs a scenario under many seeds, each in a fresh virtual-time context whose same-instant tasks
 * are shuffled by that seed, and reports the first seed under which it fails. A race that "fails
 * sometimes" becomes a seed that fails every time.
 *
 * <pre>{@code
 * RaceExplorer.seeds(1, 200).explore(vigil -> {
 *   Counter counter = new Counter(vigil.scheduler());
 *   counter.incrementConcurrently(10);
 *   vigil.virtualTime().runUntilIdle();
 *   assertThat(counter.value()).isEqualTo(10);
 * });
 * }</pre>
 *
 * @since 0.1
 */
public final class RaceExplorer {

  /**
   * A scenario to run under one seed.
   *
   * @since 0.1
   */
  @FunctionalInterface
  public interface Scenario {
    /**
     * Runs the scenario once; fails by throwing.
     *
     * @param vigil a fresh virtual-time context seeded for this run, closed afterwards
     * @throws Exception when the scenario fails
     */
    void run(Vigil vigil) throws Exception;
  }

  private final long firstSeed;
  private final int count;

  private RaceExplorer(long firstSeed, int count) {
    this.firstSeed = firstSeed;
    this.count = count;
  }

  /**
   * Explores {@code count} consecutive seeds starting at {@code firstSeed}.
   *
   * @param firstSeed the first seed
   * @param count how many seeds, positive
   * @return the explorer
   */
  public static RaceExplorer seeds(long firstSeed, int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("count must be positive, was " + count);
    }
    return new RaceExplorer(firstSeed, count);
  }

  /**
   * Runs {@code scenario} under each seed in turn and stops at the first failure.
   *
   * @param scenario the scenario
   * @return how many seeds passed (all of them, when this returns)
   * @throws RaceFoundError when the scenario fails under some seed, naming it, with the failure as
   *     cause
   */
  public int explore(Scenario scenario) {
    Objects.requireNonNull(scenario, "scenario must not be null");
    for (int i = 0; i < count; i++) {
      long seed = firstSeed + i;
      Throwable failure = runOnce(seed, scenario);
      if (failure != null) {
        throw new RaceFoundError(seed, i + 1, count, failure);
      }
    }
    return count;
  }

  /**
   * Runs {@code scenario} once under {@code seed}, in the same task order as when the seed was
   * found.
   *
   * @param seed the seed reported by {@link #explore}
   * @param scenario the scenario
   * @throws Exception what the scenario throws under that seed
   */
  public static void replay(long seed, Scenario scenario) throws Exception {
    Objects.requireNonNull(scenario, "scenario must not be null");
    try (Vigil vigil = Vigil.builder().seed(seed).build()) {
      scenario.run(vigil);
    }
  }

  private static @Nullable Throwable runOnce(long seed, Scenario scenario) {
    try {
      replay(seed, scenario);
      return null;
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable failure) {
      return failure;
    }
  }
}
