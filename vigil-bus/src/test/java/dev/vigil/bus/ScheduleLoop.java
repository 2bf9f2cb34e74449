package dev.vigil.bus;

import dev.vigil.bus.BusSchedules.Schedule;
import dev.vigil.bus.ScheduleShrinker.ScheduleCheck;
import dev.vigil.bus.ScheduleShrinker.Shrunk;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Runs a check over the schedules of consecutive seeds and, at the first that fails, shrinks it and
 * fails with the seed, the command that replays it, and the smallest failing schedule.
 */
final class ScheduleLoop {
  /** The command that reruns one seed; the seed goes at the end. */
  static final String RERUN =
      "mvn -B -pl vigil-bus -am test -Dtest=BusInvariantsTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Dvigil.property.seed=";

  private final LongFunction<Schedule> generator;
  private final ScheduleCheck check;
  private final int shrinkBudget;

  ScheduleLoop(LongFunction<Schedule> generator, ScheduleCheck check, int shrinkBudget) {
    this.generator = generator;
    this.check = check;
    this.shrinkBudget = shrinkBudget;
  }

  /** Checks the schedules of seeds {@code first} to {@code first + count - 1}. */
  void run(long first, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive, was " + count);
    }
    ScheduleShrinker shrinker = new ScheduleShrinker(check, shrinkBudget);
    for (long seed = first; seed < first + count; seed++) {
      Schedule schedule = generator.apply(seed);
      Optional<Throwable> failure = shrinker.run(schedule);
      if (failure.isPresent()) {
        throw failed(seed, schedule, shrinker.shrink(schedule, failure.get()));
      }
    }
  }

  private static AssertionError failed(long seed, Schedule original, Shrunk shrunk) {
    String n = System.lineSeparator();
    AssertionError error =
        new AssertionError(
            "Schedule of seed "
                + seed
                + " broke "
                + InvariantViolation.kindOf(shrunk.failure())
                + " ("
                + original.steps().size()
                + " steps; shrunk to "
                + shrunk.schedule().steps().size()
                + " in "
                + shrunk.runs()
                + " runs)."
                + n
                + "Rerun it: "
                + RERUN
                + seed
                + n
                + "Smallest failing schedule:"
                + n
                + "  "
                + shrunk.schedule().describe()
                + n
                + "Its failure (the cause has the timeline): "
                + firstLine(shrunk.failure()),
            shrunk.failure());
    return error;
  }

  private static String firstLine(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    int end = message.indexOf(System.lineSeparator());
    return end < 0 ? message : message.substring(0, end);
  }
}
