package dev.vigil.timeline;

import java.time.Instant;

/**
 * The newest append of a timeline: the sequence numbers it took, its timestamp and what it records,
 * kept until the next append replaces it so that any thread can finish writing it.
 *
 * <p>An append takes its numbers and its timestamp together, in the one compare-and-set that makes
 * it the timeline's tail, and its timestamp is never earlier than the tail's before it: sequence
 * order and time order agree however threads interleave. Before replacing the tail, the next append
 * finishes writing the entries of the one it replaces (if its writer has not), and a query finishes
 * the tail before reading. So only the newest append can be unfinished, and an append that stalls
 * or fails after taking its numbers (a stack overflow, say) never leaves a gap that hides the
 * entries after it.
 *
 * <p>The tail of a one-entry append is the {@link TimelineEntry} the append returns: an append
 * makes that object anyway, while one more object per append (some 70 bytes on top of some 125)
 * made the young collector run that much more often, copying the live columns each time. A run of
 * entries ({@link Timeline#appendAll}) is a {@link Run}.
 */
final class TimelineTail {
  /** The tail of a timeline that nothing was appended to yet. */
  static final Run EMPTY = new Run(0, Instant.MIN, Long.MIN_VALUE, new Observation[0]);

  private TimelineTail() {}

  /** Several consecutive entries appended at once, with one timestamp. */
  static final class Run {
    private final long first;
    private final Instant at;
    private final long nanos;
    private final Observation[] observations;

    Run(long first, Instant at, long nanos, Observation[] observations) {
      this.first = first;
      this.at = at;
      this.nanos = nanos;
      this.observations = observations;
    }
  }

  /** Returns the index after the last entry of {@code tail}. */
  static long end(Object tail) {
    if (tail instanceof TimelineEntry entry) {
      return entry.sequence();
    }
    Run run = (Run) tail;
    return run.first + run.observations.length;
  }

  /** Returns the instant {@code tail} is stamped with: the earliest the next append may take. */
  static Instant at(Object tail) {
    return tail instanceof TimelineEntry entry ? entry.at() : ((Run) tail).at;
  }

  /** Returns the monotonic reading {@code tail} is stamped with. */
  static long nanos(Object tail) {
    return tail instanceof TimelineEntry entry ? entry.nanos() : ((Run) tail).nanos;
  }

  /** Returns the later of {@code read} and the instant {@code previous} is stamped with. */
  static Instant atOrAfter(Object previous, Instant read) {
    Instant floor = at(previous);
    return read.isBefore(floor) ? floor : read;
  }

  /**
   * Checks that {@code count} more entries fit after {@code previous}, makes the segment of the
   * first if needed, and returns its index. Both can fail, so they happen before the index is
   * taken.
   */
  static long nextIndex(Object previous, int count, SegmentDirectory segments) {
    long start = end(previous);
    if (start + count > SegmentDirectory.CAPACITY) {
      throw new IllegalStateException(
          "timeline is full: " + SegmentDirectory.CAPACITY + " entries");
    }
    segments.forWriting(start);
    return start;
  }

  /** Writes the entries of {@code tail} that are not yet written. */
  static void finish(Object tail, SegmentDirectory segments) {
    if (tail instanceof TimelineEntry entry) {
      long index = entry.sequence() - 1;
      TimelineSegment target = segments.forWriting(index);
      if (!target.published(index)) {
        write(target, index, entry);
      }
      return;
    }
    Run run = (Run) tail;
    for (int i = 0; i < run.observations.length; i++) {
      long index = run.first + i;
      TimelineSegment target = segments.forWriting(index);
      if (!target.published(index)) {
        write(target, index, run, run.observations[i]);
      }
    }
  }

  private static void write(TimelineSegment target, long index, TimelineEntry entry) {
    target.write(
        index,
        entry.at(),
        entry.nanos(),
        entry.source(),
        entry.type(),
        entry.correlationId(),
        entry.causationId(),
        entry.summary(),
        entry.attributes());
  }

  private static void write(TimelineSegment target, long index, Run run, Observation o) {
    target.write(
        index,
        run.at,
        run.nanos,
        o.source(),
        o.type(),
        o.correlationId(),
        o.causationId(),
        o.summary(),
        o.attributes());
  }
}
