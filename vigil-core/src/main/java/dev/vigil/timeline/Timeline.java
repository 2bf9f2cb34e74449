package dev.vigil.timeline;

import dev.vigil.time.Signal;
import dev.vigil.time.TimeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>Appends from many threads do not take a lock. Each reads the time between seeing the next
 * sequence number and taking it with a compare-and-set, so the append that takes the next number
 * reads the time after this one did: sequence order and time order agree (for a clock that never
 * steps back, as monotonic and virtual time never do). Readers see the gapless prefix of entries
 * already written, so a query never shows entry 7 without entry 6; an append that fails after
 * taking its number abandons its slot, which readers pass over, so it never hides later entries.
 *
 * @since 0.1
 */
public final class Timeline {
  private final TimeSource time;
  private final Signal signal;
  private final SegmentDirectory segments = new SegmentDirectory();
  private final AtomicLong nextIndex = new AtomicLong();

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
   * Records an observation of the test's own under a source of its choosing, such as {@code
   * webhook} or {@code db}, so that it gets a lane of its own in renderings.
   *
   * @param source what observed it; not blank
   * @param type what happened, such as {@code payment.completed}; not blank
   * @param correlationId the flow it belongs to, or {@code null}
   * @param attributes details to keep; no null keys or values
   * @return the entry appended
   */
  public TimelineEntry record(
      String source, String type, @Nullable String correlationId, Map<String, String> attributes) {
    return append(source, type, correlationId, null, "", attributes);
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
    Map<String, String> checked = TimelineEntry.checkedCopy(source, type, summary, attributes);
    while (true) {
      long index = nextIndex.get();
      // Read after seeing the number and before taking it: whoever takes the next number reads
      // the time after this number was taken, so a later number never carries an earlier time.
      Instant at = time.instant();
      long nanos = time.nanoTime();
      // Everything that can fail happens before the number is taken.
      TimelineSegment segment = segments.forWriting(index);
      int slot = segment.slotOf(index);
      TimelineEntry entry =
          new TimelineEntry(
              index + 1, at, nanos, source, type, correlationId, causationId, summary, checked);
      if (nextIndex.compareAndSet(index, index + 1)) {
        try {
          segment.write(slot, entry);
        } catch (Throwable failure) { // a stack overflow: the one thing write() can throw
          segment.types[slot] = TimelineSegment.ABANDONED; // no call, so no second overflow
          throw failure;
        }
        signal.pulse();
        return entry;
      }
    }
  }

  /**
   * Appends several observations as one run of consecutive entries with one timestamp, waking waits
   * once: cheaper than appending them one by one when a component observes a batch.
   *
   * @param observations what was observed, in order
   */
  public void appendAll(List<Observation> observations) {
    Observation[] batch = readOnce(observations);
    if (batch.length == 0) {
      return;
    }
    while (true) {
      long first = nextIndex.get();
      Instant at = time.instant();
      long nanos = time.nanoTime();
      for (int i = 0; i < batch.length; i++) {
        segments.forWriting(first + i); // made before the numbers are taken, as in append
      }
      if (nextIndex.compareAndSet(first, first + batch.length)) {
        writeAll(first, at, nanos, batch);
        signal.pulse();
        return;
      }
    }
  }

  private void writeAll(long first, Instant at, long nanos, Observation[] batch) {
    int written = 0;
    try {
      for (; written < batch.length; written++) {
        TimelineSegment segment = segments.forWriting(first + written);
        segment.write(segment.slotOf(first + written), at, nanos, batch[written]);
      }
    } catch (Throwable failure) { // a stack overflow: abandon what is left, so no gap remains
      for (long index = first + written; index < first + batch.length; index++) {
        segments.forWriting(index).abandon(index);
      }
      throw failure;
    }
  }

  /**
   * Reads the whole batch once, before any sequence number is taken: a list that changes or fails
   * on a second read cannot then leave numbers taken and never written.
   */
  private static Observation[] readOnce(List<Observation> observations) {
    Objects.requireNonNull(observations, "observations must not be null");
    Observation[] batch = observations.toArray(new Observation[0]);
    for (Observation observation : batch) {
      Objects.requireNonNull(observation, "observations must not contain null");
    }
    return batch;
  }

  /**
   * Takes the next number and abandons its slot, as an append that overflows the stack after taking
   * its number does; for tests of how readers pass over abandoned slots.
   */
  void takeNumberAndAbandonIt() {
    long index = nextIndex.getAndIncrement();
    segments.forWriting(index).abandon(index);
  }

  /** Returns how many entries the segments made so far can hold; for tests of the footprint. */
  long allocatedSlots() {
    return segments.allocatedSlots();
  }

  /**
   * Returns how many entries are visible (the gapless prefix already written).
   *
   * @return the number of entries
   */
  public int size() {
    int[] count = new int[1];
    walk((segment, index) -> count[0]++);
    return count[0];
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
    return scan((segment, index) -> correlationId.equals(segment.correlationId(index)));
  }

  /**
   * Returns the entries of one type, in order.
   *
   * @param type such as {@code order.created}
   * @return an immutable snapshot
   */
  public List<TimelineEntry> byType(String type) {
    Objects.requireNonNull(type, "type must not be null");
    return scan((segment, index) -> type.equals(segment.type(index)));
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
    return scan((segment, index) -> true, filter);
  }

  /** Tests a written slot by its columns, before an entry is made of it. */
  private interface SlotTest {
    boolean test(TimelineSegment segment, long index);
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
    walk(
        (segment, index) -> {
          if (test.test(segment, index)) {
            TimelineEntry entry = Objects.requireNonNull(segment.read(index));
            if (filter.test(entry)) {
              selected.add(entry);
            }
          }
        });
    return List.copyOf(selected);
  }

  private void walk(SegmentDirectory.SlotVisitor visitor) {
    segments.walk(nextIndex.get(), visitor);
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
