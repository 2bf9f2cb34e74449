package dev.vigil.bus;

import dev.vigil.bus.BusSchedules.Schedule;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The bus's reliability promises, checked against a reference model over random schedules of sends,
 * publishes, receives, deletes, visibility changes, consumer crashes, purges and the passing of
 * virtual time, under a random bus-wide fault plan:
 *
 * <ul>
 *   <li>conservation: every accepted copy of a message is acknowledged, dead-lettered, purged, or
 *       still in its queue in the state the model expects (in flight, visible, delayed);
 *   <li>FIFO: a group gives out its messages in send order, never while one of them is in flight;
 *   <li>deduplication: a repeated deduplication id within five minutes adds nothing and returns the
 *       first message's id; after the window it is accepted again;
 *   <li>maxReceiveCount is exact: a message is dead-lettered after exactly that many receives and
 *       never received more often;
 *   <li>visibility expiry: a timed-out message comes back when its timeout ends, as virtual time
 *       passes, not only when someone looks.
 * </ul>
 *
 * <p>The model is checked after every step against {@link Bus#peek} and {@link Bus#stats}, and
 * every schedule ends by draining the queues, so that a message stuck for good is found too.
 * Failures name the step and the invariant; jqwik prints the shrunk schedule, whose {@code seed}
 * replays the bus's faults.
 *
 * <p>The schedules are drawn by {@link BusSchedules}, played by {@link BusScheduleRun} against the
 * model in {@link BusModel}.
 */
class BusInvariantsProperties {
  private static final double MIN_COVERAGE_PERCENT = 5;

  @Property(tries = 10_000)
  void every_schedule_loses_nothing_keeps_fifo_order_deduplicates_and_dead_letters_exactly(
      @ForAll("schedules") Schedule schedule) {
    try (BusScheduleRun run = new BusScheduleRun(schedule)) {
      run.play();
      run.exercised().forEach((path, count) -> Statistics.label(path).collect(count > 0));
    }
    // A property that never reaches these paths would pass without proving anything.
    for (String path : RunJournal.PATHS) {
      Statistics.label(path)
          .coverage(coverage -> coverage.check(true).percentage(p -> p >= MIN_COVERAGE_PERCENT));
    }
  }

  @Provide
  Arbitrary<Schedule> schedules() {
    return BusSchedules.schedules();
  }
}
