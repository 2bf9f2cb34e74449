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
 * <p>A writer fills the other columns of its slot, then publishes the type with release semantics;
 * a reader that sees the type (with acquire semantics) sees the rest of the slot.
 */
final class TimelineSegment {
  private final long[] epochSeconds;
  private final int[] nanosOfSecond;
  private final long[] monotonicNanos;
  private final @Nullable String[] sources;
  private final @Nullable String[] correlationIds;
  private final @Nullable String[] causationIds;
  private final @Nullable String[] summaries;
  private final @Nullable Object[] attributes;
  private final AtomicReferenceArray<String> types;

  TimelineSegment(int size) {
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

  @SuppressWarnings("TooManyParameters") // one per column: an object per entry is what this avoids
  void write(
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
    types.setRelease(slot, type);
  }

  /** Tells whether {@code slot} is written; only then may the other accessors read it. */
  boolean published(int slot) {
    return types.getAcquire(slot) != null;
  }

  /** Returns the type of a published slot. */
  @Nullable String type(int slot) {
    return types.getPlain(slot);
  }

  /** Returns the correlation id of a published slot. */
  @Nullable String correlationId(int slot) {
    return correlationIds[slot];
  }

  /** Returns the entry in {@code slot}, or {@code null} while it is still being written. */
  @SuppressWarnings("unchecked") // the attributes column holds only what write() put there
  @Nullable TimelineEntry read(int slot, long sequence) {
    String type = types.getAcquire(slot);
    if (type == null) {
      return null;
    }
    return new TimelineEntry(
        sequence,
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
