package dev.vigil.timeline;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fixed run of timeline slots stored by column: one array per field instead of one object per
 * entry. A busy test appends millions of entries that all stay reachable; as objects, every young
 * collection would copy each of them, while a few large arrays are copied in one go. Entries are
 * made on read.
 *
 * <p>A segment holds the entries from index {@link #first()} on; consecutive indexes land a
 * sixteenth of the segment apart, so producers appending at once write to different cache lines of
 * each column instead of taking turns on the same ones.
 *
 * <p>A writer fills the other columns of its slot, then publishes the type with release semantics;
 * a reader that sees the type (with acquire semantics) sees the rest of the slot. A slot whose
 * writer failed after taking its number holds {@link #ABANDONED} as its type: readers pass over it
 * instead of stopping there.
 */
final class TimelineSegment {
  /** The type of an abandoned slot: empty, which no entry's type can be. */
  static final String ABANDONED = "";

  private static final VarHandle TYPE = MethodHandles.arrayElementVarHandle(String[].class);
  private static final int SPREAD_BITS = 4;
  private static final int SPREAD = 1 << SPREAD_BITS;

  /**
   * The type column, read and written through {@link #TYPE}. Package-private so that an append can
   * abandon its slot with a plain array store, the one step that cannot overflow the stack.
   */
  final @Nullable String[] types;

  private final long first;
  private final int size;
  private final int spreadShift;
  private final long[] epochSeconds;
  private final int[] nanosOfSecond;
  private final long[] monotonicNanos;
  private final @Nullable String[] sources;
  private final @Nullable String[] correlationIds;
  private final @Nullable String[] causationIds;
  private final @Nullable String[] summaries;
  private final @Nullable Object[] attributes;

  /**
   * Makes a segment for the {@code size} entries from index {@code first} on.
   *
   * @param size a power of two, at least 16
   */
  TimelineSegment(long first, int size) {
    this.first = first;
    this.size = size;
    this.spreadShift = Integer.numberOfTrailingZeros(size) - SPREAD_BITS;
    epochSeconds = new long[size];
    nanosOfSecond = new int[size];
    monotonicNanos = new long[size];
    sources = new String[size];
    correlationIds = new String[size];
    causationIds = new String[size];
    summaries = new String[size];
    attributes = new Object[size];
    types = new String[size];
  }

  /** Returns the index of the first entry this segment holds. */
  long first() {
    return first;
  }

  /** Returns how many entries this segment holds. */
  int size() {
    return size;
  }

  /** Tells whether the entry at {@code index} belongs in this segment. */
  boolean holds(long index) {
    return index >= first && index - first < size;
  }

  /** Returns the slot of the entry at {@code index}, which this segment holds. */
  int slotOf(long index) {
    int offset = (int) (index - first);
    return ((offset & (SPREAD - 1)) << spreadShift) | (offset >>> SPREAD_BITS);
  }

  /** Writes {@code entry} into {@code slot} and publishes it. */
  void write(int slot, TimelineEntry entry) {
    write(
        slot,
        entry.at(),
        entry.nanos(),
        entry.source(),
        entry.type(),
        entry.correlationId(),
        entry.causationId(),
        entry.summary(),
        entry.attributes());
  }

  /** Writes {@code observation}, stamped {@code at} and {@code nanos}, into {@code slot}. */
  void write(int slot, Instant at, long nanos, Observation observation) {
    write(
        slot,
        at,
        nanos,
        observation.source(),
        observation.type(),
        observation.correlationId(),
        observation.causationId(),
        observation.summary(),
        observation.attributes());
  }

  @SuppressWarnings("TooManyParameters") // one per column: an object per entry is what this avoids
  private void write(
      int slot,
      Instant at,
      long nanos,
      String source,
      String type,
      @Nullable String correlationId,
      @Nullable String causationId,
      String summary,
      Map<String, String> entryAttributes) {
    epochSeconds[slot] = at.getEpochSecond();
    nanosOfSecond[slot] = at.getNano();
    monotonicNanos[slot] = nanos;
    sources[slot] = source;
    correlationIds[slot] = correlationId;
    causationIds[slot] = causationId;
    summaries[slot] = summary;
    attributes[slot] = entryAttributes;
    TYPE.setRelease(types, slot, type);
  }

  /** Marks the slot of {@code index} as abandoned, for a writer that failed after taking it. */
  void abandon(long index) {
    TYPE.setRelease(types, slotOf(index), ABANDONED);
  }

  /** Tells whether the slot of {@code index} is written or abandoned: whether readers may pass. */
  boolean published(long index) {
    return TYPE.getAcquire(types, slotOf(index)) != null;
  }

  /** Returns the type of a published entry ({@link #ABANDONED} for an abandoned slot). */
  @Nullable String type(long index) {
    return types[slotOf(index)];
  }

  /** Returns the correlation id of a published entry. */
  @Nullable String correlationId(long index) {
    return correlationIds[slotOf(index)];
  }

  /** Returns the entry at {@code index}, or {@code null} while it is unwritten or abandoned. */
  @SuppressWarnings("unchecked") // the attributes column holds only what write() put there
  @Nullable TimelineEntry read(long index) {
    int slot = slotOf(index);
    String type = (String) TYPE.getAcquire(types, slot);
    if (type == null || type.isEmpty()) {
      return null;
    }
    return new TimelineEntry(
        index + 1,
        Instant.ofEpochSecond(epochSeconds[slot], nanosOfSecond[slot]),
        monotonicNanos[slot],
        require(sources[slot]),
        type,
        correlationIds[slot],
        causationIds[slot],
        require(summaries[slot]),
        (Map<String, String>) require(attributes[slot]));
  }

  private static <T> T require(@Nullable T written) {
    if (written == null) {
      throw new IllegalStateException("a published timeline slot lacks a field");
    }
    return written;
  }
}
