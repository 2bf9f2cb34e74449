package dev.vigil.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 * a reader that sees the type (with acquire semantics) sees the rest of the slot. Two writers of
 * the same slot (an append and whoever finishes it for it) write the same values, so their race is
 * harmless.
 */
final class TimelineSegment {
  private static final int SPREAD_BITS = 4;
  private static final int SPREAD = 1 << SPREAD_BITS;

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
  private final AtomicReferenceArray<String> types;

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
    types = new AtomicReferenceArray<>(size);
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

  private int slotOf(long index) {
    int offset = (int) (index - first);
    return ((offset & (SPREAD - 1)) << spreadShift) | (offset >>> SPREAD_BITS);
  }

  @SuppressWarnings("TooManyParameters") // one per column: an object per entry is what this avoids
  void write(
      long index,
      Instant at,
      long nanos,
      String source,
      String type,
      @Nullable String correlationId,
      @Nullable String causationId,
      String summary,
      Map<String, String> entryAttributes) {
    int slot = slotOf(index);
    epochSeconds[slot] = at.getEpochSecond();
    nanosOfSecond[slot] = at.getNano();
    monotonicNanos[slot] = nanos;
    sources[slot] = source;
    correlationIds[slot] = correlationId;
    causationIds[slot] = causationId;
    summaries[slot] = summary;
    attributes[slot] = entryAttributes;
    types.setRelease(slot, type);
  }

  /** Tells whether the entry at {@code index} is written; only then may the accessors read it. */
  boolean published(long index) {
    return types.getAcquire(slotOf(index)) != null;
  }

  /** Returns the type of a published entry. */
  @Nullable String type(long index) {
    return types.getPlain(slotOf(index));
  }

  /** Returns the correlation id of a published entry. */
  @Nullable String correlationId(long index) {
    return correlationIds[slotOf(index)];
  }

  /** Returns the entry at {@code index}, or {@code null} while it is still being written. */
  @SuppressWarnings("unchecked") // the attributes column holds only what write() put there
  @Nullable TimelineEntry read(long index) {
    int slot = slotOf(index);
    String type = types.getAcquire(slot);
    if (type == null) {
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
