package dev.vigil.bus;

import dev.vigil.Vigil;
import dev.vigil.bus.BusSchedules.Schedule;
import dev.vigil.timeline.TimelineEntry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What one run of a schedule has seen and reached: where in the schedule it is, the timeline
 * entries it has read, and which of the paths worth reaching it reached. Broken invariants are
 * reported from here, so that each failure names the step and the invariant.
 */
final class RunJournal {
  /** The paths worth reaching, so that coverage can be checked. */
  static final List<String> PATHS =
      List.of(
          "dead-lettered",
          "deduplicated",
          "accepted again after the window",
          "duplicate copy",
          "publish failed",
          "FIFO redelivered",
          "stale delete ignored",
          "visibility changed",
          "visibility expired",
          "purged",
          "long poll waited",
          "consumer received",
          "consumer redelivered",
          "consumer retry",
          "consumer dead-lettered",
          "dead-letter chain",
          "expired");

  private static final Set<String> CONSUMED_QUEUES =
      Set.of("jobs", "jobs-dlq", "jobs-parked", "tasks.fifo", "tasks-dlq.fifo");

  private final Map<String, Integer> exercised = new LinkedHashMap<>();
  private final Vigil vigil;
  private final Schedule schedule;
  private long lastSequence;
  private String where = "setup";

  RunJournal(Vigil vigil, Schedule schedule) {
    this.vigil = vigil;
    this.schedule = schedule;
    PATHS.forEach(path -> exercised.put(path, 0));
  }

  /** How often each of {@link #PATHS} was reached. */
  Map<String, Integer> exercised() {
    return Collections.unmodifiableMap(exercised);
  }

  void reached(String path) {
    exercised.merge(path, 1, Integer::sum);
  }

  /** Names the part of the schedule that failures from now on are blamed on. */
  void at(String where) {
    this.where = where;
  }

  /** The timeline entries recorded since the last call. */
  List<TimelineEntry> freshEntries() {
    long after = lastSequence;
    List<TimelineEntry> fresh =
        vigil.timeline().select(e -> e.sequence() > after && !aboutConsumedQueue(e));
    if (!fresh.isEmpty()) {
      lastSequence = fresh.get(fresh.size() - 1).sequence();
    }
    return fresh;
  }

  /**
   * Whether {@code entry} is about a queue consumers run on, which {@link ConsumedModel} follows.
   */
  static boolean aboutConsumedQueue(TimelineEntry entry) {
    String type = entry.type();
    return CONSUMED_QUEUES.contains(type.substring(type.indexOf(' ') + 1));
  }

  static List<TimelineEntry> entriesOfType(List<TimelineEntry> entries, String type) {
    return entries.stream().filter(e -> e.type().equals(type)).toList();
  }

  static List<TimelineEntry> sends(List<TimelineEntry> entries) {
    return entries.stream().filter(e -> e.type().startsWith("send ")).toList();
  }

  long now() {
    return vigil.time().nanoTime();
  }

  /** Fails unless {@code holds}, with the bus's seed and faults and the timeline's tail. */
  void check(boolean holds, String invariant, Supplier<String> detail) {
    if (!holds) {
      throw new InvariantViolation(
          invariant,
          where
              + ": "
              + invariant
              + ": "
              + detail.get()
              + System.lineSeparator()
              + "bus seed "
              + schedule.seed()
              + ", faults "
              + schedule.faults()
              + System.lineSeparator()
              + vigil.timeline().renderTail(25));
    }
  }

  /** The failure to throw at once; only the step, the invariant and the detail are told. */
  InvariantViolation fail(String invariant, String detail) {
    return new InvariantViolation(invariant, where + ": " + invariant + ": " + detail);
  }
}
