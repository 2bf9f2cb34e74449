package dev.vigil.timeline;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
 */
final class TimelineTail {
  private static final Observation[] SINGLE = new Observation[0];

  private final int count;
  private final String source;
  private final String type;
  private final @Nullable String correlationId;
  private final @Nullable String causationId;
  private final String summary;
  private final Map<String, String> attributes;
  private final Observation[] batch;

  // Set by follow() only while this tail is private to its appender; the compare-and-set that
  // publishes the tail publishes them.
  private long first;
  private Instant at = Instant.MIN;
  private long nanos = Long.MIN_VALUE;
  private @Nullable TimelineSegment segment;

  @SuppressWarnings("TooManyParameters") // the fields of one entry
  private TimelineTail(
      int count,
      String source,
      String type,
      @Nullable String correlationId,
      @Nullable String causationId,
      String summary,
      Map<String, String> attributes,
      Observation[] batch) {
    this.count = count;
    this.source = source;
    this.type = type;
    this.correlationId = correlationId;
    this.causationId = causationId;
    this.summary = summary;
    this.attributes = attributes;
    this.batch = batch;
  }

  /** Returns the tail of a timeline that nothing was appended to yet. */
  static TimelineTail empty() {
    return new TimelineTail(0, "none", "none", null, null, "", Map.of(), SINGLE);
  }

  /** Returns an append of one entry whose fields are already checked. */
  static TimelineTail of(
      String source,
      String type,
      @Nullable String correlationId,
      @Nullable String causationId,
      String summary,
      Map<String, String> checkedAttributes) {
    return new TimelineTail(
        1, source, type, correlationId, causationId, summary, checkedAttributes, SINGLE);
  }

  /** Returns an append of a run of observations, at least one, that nobody else can change. */
  static TimelineTail ofAll(Observation[] observations) {
    Observation o = observations[0];
    return new TimelineTail(
        observations.length,
        o.source(),
        o.type(),
        o.correlationId(),
        o.causationId(),
        o.summary(),
        o.attributes(),
        observations);
  }

  /**
   * Places this append right after {@code previous}, stamped with the time read or, when {@code
   * previous} is stamped later, with its time; makes the segment of the first entry if needed.
   */
  void follow(TimelineTail previous, Instant readAt, long readNanos, SegmentDirectory segments) {
    long start = previous.end();
    if (start + count > SegmentDirectory.CAPACITY) {
      throw new IllegalStateException(
          "timeline is full: " + SegmentDirectory.CAPACITY + " entries");
    }
    first = start;
    at = readAt.isBefore(previous.at) ? previous.at : readAt;
    nanos = Math.max(readNanos, previous.nanos);
    TimelineSegment previousSegment = previous.segment;
    segment =
        previousSegment != null && previousSegment.holds(start)
            ? previousSegment
            : segments.forWriting(start);
  }

  /** Returns the index after the last entry of this append. */
  long end() {
    return first + count;
  }

  /** Writes the entries of this append that are not yet written. */
  void finish(SegmentDirectory segments) {
    for (long index = first; index < first + count; index++) {
      TimelineSegment target = segment;
      if (target == null || !target.holds(index)) {
        target = segments.forWriting(index);
      }
      if (!target.published(index)) {
        write(target, index);
      }
    }
  }

  private void write(TimelineSegment target, long index) {
    if (batch == SINGLE) {
      target.write(index, at, nanos, source, type, correlationId, causationId, summary, attributes);
      return;
    }
    Observation o = batch[(int) (index - first)];
    target.write(
        index,
        at,
        nanos,
        o.source(),
        o.type(),
        o.correlationId(),
        o.causationId(),
        o.summary(),
        o.attributes());
  }

  /** Returns the entry of a one-entry append, as it was written. */
  TimelineEntry entry() {
    return new TimelineEntry(
        first + 1, at, nanos, source, type, correlationId, causationId, summary, attributes);
  }
}
