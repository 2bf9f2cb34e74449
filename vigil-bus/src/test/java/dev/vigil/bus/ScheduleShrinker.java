package dev.vigil.bus;

import dev.vigil.bus.BusSchedules.Schedule;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Shrinks a failing schedule: tries the simpler schedules {@link ScheduleSimplifications} offers,
 * keeps the first that still fails the same way, and starts over from it, until no simpler schedule
 * fails. Every simplification moves a value toward its minimum, so this ends; a budget of runs
 * bounds it too.
 */
final class ScheduleShrinker {
  /** Runs a schedule; throws what it found wrong. */
  @FunctionalInterface
  interface ScheduleCheck {
    void check(Schedule schedule);
  }

  /** The smallest failing schedule found, its failure, and how many runs it took. */
  record Shrunk(Schedule schedule, Throwable failure, int runs) {}

  private final ScheduleCheck check;
  private final int budget;

  ScheduleShrinker(ScheduleCheck check, int budget) {
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be positive, was " + budget);
    }
    this.check = check;
    this.budget = budget;
  }

  /** Runs {@code schedule} once; the failure, if any. */
  Optional<Throwable> run(Schedule schedule) {
    try {
      check.check(schedule);
      return Optional.empty();
    } catch (Exception | AssertionError failure) {
      return Optional.of(failure);
    }
  }

  /** Shrinks {@code schedule}, which failed with {@code failure}. */
  Shrunk shrink(Schedule schedule, Throwable failure) {
    String kind = InvariantViolation.kindOf(failure);
    Schedule smallest = schedule;
    Throwable smallestFailure = failure;
    int runs = 0;
    boolean shrunk = true;
    while (shrunk && runs < budget) {
      shrunk = false;
      for (Schedule candidate : ScheduleSimplifications.of(smallest)) {
        if (runs++ >= budget) {
          break;
        }
        @Nullable Throwable found = run(candidate).orElse(null);
        if (found != null && InvariantViolation.kindOf(found).equals(kind)) {
          smallest = candidate;
          smallestFailure = found;
          shrunk = true;
          break;
        }
      }
    }
    return new Shrunk(smallest, smallestFailure, runs);
  }
}
