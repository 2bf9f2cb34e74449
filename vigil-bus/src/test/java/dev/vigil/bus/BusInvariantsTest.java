package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.bus.BusSchedules.Schedule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bus's promises, checked against reference models over seeded random schedules of sends,
 * publishes, receives (some of them long polls), deletes, visibility changes, crashes, purges,
 * consumers that acknowledge, retry and crash, and the passing of virtual time, under a random
 * bus-wide fault plan:
 *
 * <ul>
 *   <li>conservation: every accepted copy of a message is acknowledged, dead-lettered, purged,
 *       expired, or still in its queue in the state the model expects;
 *   <li>FIFO: a group gives out its messages in send order, never while one of them is in flight;
 *   <li>deduplication within five minutes, and acceptance again after them;
 *   <li>maxReceiveCount is exact, along a chain of dead-letter queues too;
 *   <li>visibility expiry on time, as virtual time passes; retention drops what is too old;
 *   <li>a long poll returns at once when a message is there, empty only at its end;
 *   <li>a running consumer acknowledges only what its handler completed, and empties its queue.
 * </ul>
 *
 * <p>Each schedule is drawn from a {@code SplittableRandom} seeded with its number ({@link
 * ScheduleGenerator}) and played by {@link BusScheduleRun}. A failure is shrunk ({@link
 * ScheduleShrinker}) and reported with its seed and the command that replays it. System properties:
 * {@code vigil.property.seed} reruns one seed, {@code vigil.property.schedules} sets how many to
 * run (the {@code property-long} profile runs 100,000), {@code vigil.property.firstSeed} where to
 * start.
 */
class BusInvariantsTest {
  private static final int DEFAULT_SCHEDULES = 300;
  private static final int SHRINK_BUDGET = 5_000;
  private static final double MIN_COVERAGE = 0.002;

  @Test
  void every_schedule_loses_nothing_keeps_fifo_order_deduplicates_and_dead_letters_exactly() {
    String single = System.getProperty("vigil.property.seed");
    long first =
        single != null ? Long.parseLong(single) : Long.getLong("vigil.property.firstSeed", 1);
    int count =
        single != null ? 1 : Integer.getInteger("vigil.property.schedules", DEFAULT_SCHEDULES);
    Map<String, Integer> schedulesReaching = new LinkedHashMap<>();
    RunJournal.PATHS.forEach(path -> schedulesReaching.put(path, 0));
    long start = System.nanoTime();

    new ScheduleLoop(
            ScheduleGenerator::schedule,
            schedule -> play(schedule, schedulesReaching),
            SHRINK_BUDGET)
        .run(first, count);

    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "BusInvariantsTest: %d schedules from seed %d in %.1f s (%.0f schedules/s)%n",
        count, first, seconds, count / seconds);
    if (count >= 500) {
      // A property that never reaches these paths would pass without proving anything.
      schedulesReaching.forEach(
          (path, schedules) ->
              assertThat((double) schedules / count)
                  .as("share of schedules reaching " + path + " " + schedulesReaching)
                  .isGreaterThanOrEqualTo(MIN_COVERAGE));
    }
  }

  private static void play(Schedule schedule, Map<String, Integer> schedulesReaching) {
    try (BusScheduleRun run = new BusScheduleRun(schedule)) {
      run.play();
      run.exercised()
          .forEach(
              (path, times) -> {
                if (times > 0) {
                  schedulesReaching.merge(path, 1, Integer::sum);
                }
              });
    }
  }
}
