package dev.vigil.timeline;

import dev.vigil.time.Signal;
import dev.vigil.time.TimeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The append-only record of everything a Vigil context observed: messages published and delivered,
 * requests captured, spans ended, and what the test records itself. Every append pulses the
 * context's {@link Signal}, so a wait on a timeline query wakes at once.
 *
 * <pre>{@code
 * vigil.timeline().record("payment.completed", orderId, Map.of("amount", "99.99"));
 * vigil.eventually(() -> vigil.timeline().trace(orderId)
 *         .containsInOrder("order.created", "payment.completed"))
 *     .within(Duration.ofSeconds(5));
 * }</pre>
 *
 * <p>Appends from many threads do not take a lock: each takes the next sequence number from a
 * counter and writes its own slot. Readers see the gapless prefix of entries already written, so a
 * query never shows entry 7 without entry 6.
 *
 * @since 0.1
 */
public final class Timeline {
  private static final int SEGMENT_BITS = 12;
  private static final int SEGMENT_SIZE = 1 << SEGMENT_BITS;
  private static final int SPREAD_BITS = 4;
  private static final int SPREAD = 1 << SPREAD_BITS;
  private static final int MAX_SEGMENTS = 1 << 16;

  private final TimeSource time;
  private final Signal signal;
  private final AtomicLong nextSequence = new AtomicLong();
  private final AtomicReferenceArray<TimelineSegment> segments =
      new AtomicReferenceArray<>(MAX_SEGMENTS);

  /**
   * Creates an empty timeline; normally obtained from {@code Vigil.timeline()}.
   *
   * @param time the source of timestamps
   * @param signal the signal pulsed on every append
   */
  public Timeline(TimeSource time, Signal signal) {
    this.time = Objects.requireNonNull(time, "time");
    this.signal = Objects.requireNonNull(signal, "signal");
  }

  /**
   * Records an observation of the test's own, with source {@code user}.
   *
   * @param type what happened, such as {@code payment.completed}; not blank
   * @param correlationId the flow it belongs to, or {@code null}
   * @param attributes details to keep; no null keys or values
   * @return the entry appended
   */
  public TimelineEntry record(
      String type, @Nullable String correlationId, Map<String, String> attributes) {
    return append("user", type, correlationId, null, "", attributes);
  }

  /**
   * Appends an observation made by a component.
   *
   * @param source the component that observed it, such as {@code bus}; not blank
   * @param type what happened; not blank
   * @param correlationId the flow it belongs to, or {@code null}
   * @param causationId what caused it (a message id, say), or {@code null}
   * @param summary a short summary of the payload, possibly empty
   * @param attributes details to keep; no null keys or values
   * @return the entry appended
   */
  public TimelineEntry append(
      String source,
      String type,
      @Nullable String correlationId,
      @Nullable String causationId,
      String summary,
      Map<String, String> attributes) {
    // Check everything before taking a sequence number: a number taken and never written would
    // leave a gap that hides every later entry from readers.
    Map<String, String> checked = TimelineEntry.checkedCopy(source, type, summary, attributes);
    Instant at = time.instant();
    long nanos = time.nanoTime();
    long index = nextSequence.getAndIncrement();
    TimelineEntry entry =
        new TimelineEntry(
            index + 1, at, nanos, source, type, correlationId, causationId, summary, checked);
    segmentForWriting(index)
        .write(
            slotOf(index), at, nanos, source, type, correlationId, causationId, summary, checked);
    signal.pulse();
    return entry;
  }

  /**
   * Appends several observations as one run of consecutive entries with one timestamp, waking waits
   * once: cheaper than appending them one by one when a component observes a batch.
   *
   * @param observations what was observed, in order
   */
  public void appendAll(List<Observation> observations) {
    Objects.requireNonNull(observations, "observations must not be null");
    int count = observations.size();
    for (int i = 0; i < count; i++) {
      // Checked before taking sequence numbers: one taken and never written would hide the rest.
      Objects.requireNonNull(observations.get(i), "observations must not contain null");
    }
    if (count == 0) {
      return;
    }
    Instant at = time.instant();
    long nanos = time.nanoTime();
    long first = nextSequence.getAndAdd(count);
    for (int i = 0; i < count; i++) {
      Observation o = observations.get(i);
      long index = first + i;
      segmentForWriting(index)
          .write(
              slotOf(index),
              at,
              nanos,
              o.source(),
              o.type(),
              o.correlationId(),
              o.causationId(),
              o.summary(),
              o.attributes());
    }
    signal.pulse();
  }

  private TimelineSegment segmentForWriting(long index) {
    long segmentIndex = index >>> SEGMENT_BITS;
    if (segmentIndex >= MAX_SEGMENTS) {
      throw new IllegalStateException(
          "timeline is full: " + ((long) MAX_SEGMENTS * SEGMENT_SIZE) + " entries");
    }
    int s = (int) segmentIndex;
    TimelineSegment segment = segments.get(s);
    if (segment == null) {
      segments.compareAndSet(s, null, new TimelineSegment(SEGMENT_SIZE));
      segment = segments.get(s);
    }
    return segment;
  }

  /**
   * Maps an index to its slot in its segment so that consecutive indexes land 256 slots apart:
   * producers appending at once then write to different cache lines of each column instead of
   * taking turns on the same ones.
   */
  private static int slotOf(long index) {
    int offset = (int) (index & (SEGMENT_SIZE - 1));
    return ((offset & (SPREAD - 1)) << (SEGMENT_BITS - SPREAD_BITS)) | (offset >>> SPREAD_BITS);
  }

  /**
   * Returns how many entries are visible (the gapless prefix already written).
   *
   * @return the number of entries
   */
  public int size() {
    return entries().size();
  }

  /**
   * Returns every visible entry, oldest first.
   *
   * @return an immutable snapshot
   */
  public List<TimelineEntry> entries() {
    return select(entry -> true);
  }

  /**
   * Returns the entries of one flow, in order.
   *
   * @param correlationId the flow
   * @return an immutable snapshot
   */
  public List<TimelineEntry> byCorrelationId(String correlationId) {
    Objects.requireNonNull(correlationId, "correlationId must not be null");
    return scan((segment, slot) -> correlationId.equals(segment.correlationId(slot)));
  }

  /**
   * Returns the entries of one type, in order.
   *
   * @param type such as {@code order.created}
   * @return an immutable snapshot
   */
  public List<TimelineEntry> byType(String type) {
    Objects.requireNonNull(type, "type must not be null");
    return scan((segment, slot) -> type.equals(segment.type(slot)));
  }

  /**
   * Returns the entries stamped at or after {@code from} and before {@code to}.
   *
   * @param from the first instant included
   * @param to the first instant excluded; not before {@code from}
   * @return an immutable snapshot
   */
  public List<TimelineEntry> between(Instant from, Instant to) {
    Objects.requireNonNull(from, "from must not be null");
    Objects.requireNonNull(to, "to must not be null");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from " + from + ", was " + to);
    }
    return select(entry -> !entry.at().isBefore(from) && entry.at().isBefore(to));
  }

  /**
   * Returns the entries that satisfy {@code filter}, in order.
   *
   * @param filter the test
   * @return an immutable snapshot
   */
  public List<TimelineEntry> select(Predicate<? super TimelineEntry> filter) {
    Objects.requireNonNull(filter, "filter must not be null");
    return scan((segment, slot) -> true, filter);
  }

  /** Tests a published slot by its columns, before an entry is made of it. */
  private interface SlotTest {
    boolean test(TimelineSegment segment, int slot);
  }

  private List<TimelineEntry> scan(SlotTest test) {
    return scan(test, entry -> true);
  }

  /**
   * Walks the gapless prefix, making entries only of the slots that pass {@code test} (so a query
   * by type or correlation id makes no garbage), and keeps those that pass {@code filter}.
   */
  private List<TimelineEntry> scan(SlotTest test, Predicate<? super TimelineEntry> filter) {
    List<TimelineEntry> selected = new ArrayList<>();
    long end = nextSequence.get();
    for (long index = 0; index < end; index++) {
      TimelineSegment segment = segments.get((int) (index >>> SEGMENT_BITS));
      int slot = slotOf(index);
      if (segment == null || !segment.published(slot)) {
        break; // still being written: stop at the gapless prefix
      }
      if (test.test(segment, slot)) {
        TimelineEntry entry = Objects.requireNonNull(segment.read(slot, index + 1));
        if (filter.test(entry)) {
          selected.add(entry);
        }
      }
    }
    return List.copyOf(selected);
  }

  /**
   * Returns the flow of one correlation id, to assert its chain and order.
   *
   * @param correlationId the flow
   * @return a snapshot of the flow's entries with assertions
   */
  public Trace trace(String correlationId) {
    return new Trace(correlationId, byCorrelationId(correlationId));
  }

  /**
   * Renders the last {@code count} entries as text, one lane per source, for failure messages.
   *
   * @param count how many entries to show at most
   * @return the rendering, or an empty string when there is nothing to show
   */
  public String renderTail(int count) {
    return TimelineText.render(entries(), count);
  }
}
