package dev.vigil;

import dev.vigil.time.Fiber;
import dev.vigil.time.PendingTask;
import dev.vigil.time.VirtualTimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Cancels a scenario at every step in turn and checks that each cancellation cleans up. The
 * scenario runs on virtual time, in a fresh context per run: first once to the end, counting its
 * steps (scheduler tasks; a {@link Fiber} takes one step from one await point to the next); then,
 * for each k from 0 to that count minus one, it runs k steps, cancels the scenario's work with
 * {@code cancel(true)}, lets the cancellation play out (until a fiber's body has ended, and what is
 * due then), and checks that every invariant holds, nothing is left scheduled, no fiber is still
 * live and no tracked resource is still open. The first step whose cancellation leaks fails with a
 * {@link CancellationLeakError} naming it.
 *
 * <pre>{@code
 * CancellationExplorer.create().explore(vigil -> {
 *   FakeConnection connection = new FakeConnection(vigil);
 *   Fiber<?> handler = vigil.virtualTime().startFiber("handler", () -> serve(connection));
 *   return CancellationExplorer.target(handler)
 *       .invariant("connection closed", connection::isClosed);
 * });
 * }</pre>
 *
 * <p>The same idea as cancelling a coroutine at each of its await points in turn; nothing else
 * packaged for Java does it.
 *
 * @since 0.1
 */
public final class CancellationExplorer {
  /** The most steps a scenario may take, to end an exploration that never finishes. */
  public static final int DEFAULT_MAX_STEPS = 10_000;

  /**
   * Starts one run of the scenario and names the work to cancel.
   *
   * @since 0.1
   */
  @FunctionalInterface
  public interface Scenario {
    /**
     * Builds the scenario's objects on {@code vigil} and starts its work; does not drive time.
     *
     * @param vigil a fresh virtual-time context for this run, closed afterwards
     * @return the work to cancel and the invariants that must hold after cancelling it
     * @throws Exception when the scenario cannot start
     */
    Target start(Vigil vigil) throws Exception;
  }

  /**
   * The work a scenario cancels and the invariants its cleanup must restore.
   *
   * @since 0.1
   */
  public static final class Target {
    private final Future<?> work;
    private final List<Invariant> invariants;

    private Target(Future<?> work, List<Invariant> invariants) {
      this.work = work;
      this.invariants = invariants;
    }

    /**
     * Adds an invariant that must hold once the work has ended, cancelled or not.
     *
     * @param description what it checks, for the failure; not blank
     * @param holds the check
     * @return a target with the invariant added
     */
    public Target invariant(String description, BooleanSupplier holds) {
      Objects.requireNonNull(description, "description must not be null");
      Objects.requireNonNull(holds, "holds must not be null");
      if (description.isBlank()) {
        throw new IllegalArgumentException(
            "description must not be blank, was '" + description + "'");
      }
      List<Invariant> more = new ArrayList<>(invariants);
      more.add(new Invariant(description, holds));
      return new Target(work, List.copyOf(more));
    }

    private boolean hasEnded() {
      return work instanceof Fiber<?> fiber ? fiber.state().hasEnded() : work.isDone();
    }
  }

  private record Invariant(String description, BooleanSupplier holds) {}

  private final @Nullable Long seed;
  private final int maxSteps;

  private CancellationExplorer(@Nullable Long seed, int maxSteps) {
    this.seed = seed;
    this.maxSteps = maxSteps;
  }

  /**
   * Returns an explorer that runs same-instant tasks in submission order, for at most {@link
   * #DEFAULT_MAX_STEPS} steps per run.
   *
   * @return the explorer
   */
  public static CancellationExplorer create() {
    return new CancellationExplorer(null, DEFAULT_MAX_STEPS);
  }

  /**
   * Names the work to cancel; add invariants with {@link Target#invariant}.
   *
   * @param work a fiber, virtual task or future of the scenario
   * @return the target
   */
  public static Target target(Future<?> work) {
    return new Target(Objects.requireNonNull(work, "work must not be null"), List.of());
  }

  /**
   * Returns an explorer whose runs order same-instant tasks by {@code seed}, as a race found by
   * {@link RaceExplorer} does.
   *
   * @param newSeed the seed
   * @return a new explorer
   */
  public CancellationExplorer seed(long newSeed) {
    return new CancellationExplorer(newSeed, maxSteps);
  }

  /**
   * Returns an explorer that allows each run at most {@code steps} steps.
   *
   * @param steps positive
   * @return a new explorer
   */
  public CancellationExplorer maxSteps(int steps) {
    if (steps <= 0) {
      throw new IllegalArgumentException("steps must be positive, was " + steps);
    }
    return new CancellationExplorer(seed, steps);
  }

  /**
   * Runs the scenario to the end once, then cancels it after each step in turn.
   *
   * @param scenario the scenario
   * @return how many cancellation points were checked (the steps of a full run)
   * @throws CancellationLeakError at the first step whose cancellation leaves something behind, or
   *     when the full run itself does
   * @throws Exception what the scenario throws while starting
   */
  public int explore(Scenario scenario) throws Exception {
    Objects.requireNonNull(scenario, "scenario must not be null");
    int steps = runToEnd(scenario);
    for (int k = 0; k < steps; k++) {
      cancelAfter(scenario, k, steps);
    }
    return steps;
  }

  private int runToEnd(Scenario scenario) throws Exception {
    try (Vigil vigil = newContext()) {
      Target target = start(scenario, vigil);
      VirtualTimeSource time = vigil.virtualTime();
      int steps = 0;
      while (!target.hasEnded()) {
        if (time.pending().isEmpty()) {
          throw new IllegalStateException(
              "the scenario's work never ends: after "
                  + steps
                  + " steps nothing is scheduled and it is not done ("
                  + target.work
                  + ")");
        }
        time.step();
        steps = countStep(steps);
      }
      time.runDue();
      List<String> leaks = CancellationLeaks.find(vigil, target.invariants);
      if (!leaks.isEmpty()) {
        throw new CancellationLeakError(-1, steps, null, leaks, vigil.timeline().renderTail(10));
      }
      return steps;
    }
  }

  private void cancelAfter(Scenario scenario, int k, int steps) throws Exception {
    try (Vigil vigil = newContext()) {
      Target target = start(scenario, vigil);
      VirtualTimeSource time = vigil.virtualTime();
      PendingTask last = null;
      for (int i = 0; i < k && !time.pending().isEmpty(); i++) {
        last = time.step();
      }
      target.work.cancel(true);
      int settling = 0;
      while (!target.hasEnded() && !time.pending().isEmpty()) {
        time.step();
        settling = countStep(settling);
      }
      time.runDue();
      List<String> leaks = CancellationLeaks.find(vigil, target.invariants);
      if (!leaks.isEmpty()) {
        throw new CancellationLeakError(k, steps, last, leaks, vigil.timeline().renderTail(10));
      }
    }
  }

  private int countStep(int steps) {
    if (steps + 1 > maxSteps) {
      throw new IllegalStateException(
          "the scenario took more than "
              + maxSteps
              + " steps; raise maxSteps(...) if it is meant to, or look for a task that keeps"
              + " rescheduling itself");
    }
    return steps + 1;
  }

  private Vigil newContext() {
    VigilBuilder builder = Vigil.builder().virtualTime();
    if (seed != null) {
      builder.seed(seed);
    }
    return builder.build();
  }

  private static Target start(Scenario scenario, Vigil vigil) throws Exception {
    return Objects.requireNonNull(scenario.start(vigil), "scenario must return a target, was null");
  }

  /** Lists what a run left behind once its work ended. */
  private static final class CancellationLeaks {
    private CancellationLeaks() {}

    static List<String> find(Vigil vigil, List<Invariant> invariants) {
      List<String> leaks = new ArrayList<>();
      for (Invariant invariant : invariants) {
        if (!invariant.holds().getAsBoolean()) {
          leaks.add("invariant does not hold: " + invariant.description());
        }
      }
      VirtualTimeSource time = vigil.virtualTime();
      for (PendingTask task : time.pending()) {
        leaks.add(
            "still scheduled: '"
                + task.name()
                + "' due in "
                + dev.vigil.internal.Durations.format(task.dueIn()));
      }
      for (Fiber<?> fiber : time.liveFibers()) {
        leaks.add("still live: " + fiber);
      }
      for (OpenResource resource : vigil.openResources()) {
        leaks.add("still open: " + resource.description());
      }
      return leaks;
    }
  }
}
