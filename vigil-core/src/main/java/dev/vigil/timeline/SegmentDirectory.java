package dev.vigil.timeline;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Finds the segment that holds a timeline index, making segments as entries arrive. Segments grow
 * from 64 entries to 4,096 (64, 64, 128, 256… 2,048, then 4,096 each), so an empty timeline holds
 * no segment and a timeline of a few entries a small one: a context per test costs little until its
 * test records much.
 *
 * <p>The directory itself grows without copying: chunk {@code c} holds {@code 2^c} segments and is
 * made when the first of them is, so a timeline that is never written keeps one small array. A
 * segment, once installed, is never replaced, so every writer of an index writes the same segment.
 */
final class SegmentDirectory {
  /** How many entries a timeline holds at most. */
  static final long CAPACITY = 1L << 28;

  private static final int FIRST_BITS = 6;
  private static final int FULL_BITS = 12;
  private static final int FULL_SIZE = 1 << FULL_BITS;
  private static final int SEGMENTS = segmentOf(CAPACITY - 1) + 1;
  private static final int CHUNKS = chunkOf(SEGMENTS - 1) + 1;

  private final AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable TimelineSegment>>
      chunks = new AtomicReferenceArray<>(CHUNKS);

  /**
   * The segment found last, to skip the directory on the next append. Read and written without
   * synchronisation: a segment's fields are final, so any thread that sees one sees it whole, and a
   * stale one only sends the caller to the directory.
   */
  private @Nullable TimelineSegment recent;

  /** Returns the number of the segment that holds {@code index}. */
  static int segmentOf(long index) {
    if (index >= FULL_SIZE) {
      return (int) (index >>> FULL_BITS) + (FULL_BITS - FIRST_BITS);
    }
    int highestBit = 63 - Long.numberOfLeadingZeros(index | 1);
    return Math.max(0, highestBit - FIRST_BITS + 1);
  }

  private static long firstIndexOf(int segment) {
    if (segment <= FULL_BITS - FIRST_BITS) {
      return segment == 0 ? 0 : 1L << (segment + FIRST_BITS - 1);
    }
    return (long) (segment - (FULL_BITS - FIRST_BITS)) << FULL_BITS;
  }

  private static int sizeOf(int segment) {
    if (segment <= FULL_BITS - FIRST_BITS) {
      return segment == 0 ? 1 << FIRST_BITS : 1 << (segment + FIRST_BITS - 1);
    }
    return FULL_SIZE;
  }

  /** Chunk {@code c} holds segments {@code 2^c - 1} to {@code 2^(c+1) - 2}. */
  private static int chunkOf(int segment) {
    return 31 - Integer.numberOfLeadingZeros(segment + 1);
  }

  private static int positionInChunk(int segment) {
    return segment + 1 - Integer.highestOneBit(segment + 1);
  }

  /** Returns segment number {@code segment}, or {@code null} when it is not made yet. */
  private @Nullable TimelineSegment forReading(int segment) {
    AtomicReferenceArray<@Nullable TimelineSegment> chunk = chunks.get(chunkOf(segment));
    return chunk == null ? null : chunk.get(positionInChunk(segment));
  }

  /**
   * Returns the segment that holds {@code index}, making it when none is made yet.
   *
   * @throws IllegalStateException when {@code index} is beyond {@link #CAPACITY}
   */
  TimelineSegment forWriting(long index) {
    TimelineSegment last = recent;
    if (last != null && last.holds(index)) {
      return last;
    }
    TimelineSegment found = find(index);
    recent = found;
    return found;
  }

  private TimelineSegment find(long index) {
    if (index >= CAPACITY) {
      throw new IllegalStateException("timeline is full: " + CAPACITY + " entries");
    }
    int segment = segmentOf(index);
    int c = chunkOf(segment);
    AtomicReferenceArray<@Nullable TimelineSegment> chunk = chunks.get(c);
    if (chunk == null) {
      chunks.compareAndSet(c, null, new AtomicReferenceArray<>(1 << c));
      chunk = Objects.requireNonNull(chunks.get(c));
    }
    int position = positionInChunk(segment);
    TimelineSegment found = chunk.get(position);
    if (found != null) {
      return found;
    }
    chunk.compareAndSet(
        position, null, new TimelineSegment(firstIndexOf(segment), sizeOf(segment)));
    return Objects.requireNonNull(chunk.get(position));
  }

  /** Receives the written slots of a timeline's gapless prefix. */
  interface SlotVisitor {
    void visit(TimelineSegment segment, long index);
  }

  /**
   * Visits the written slots before {@code end} in order, passing over abandoned ones, and stops at
   * the first still being written: readers see a gapless prefix.
   */
  void walk(long end, SlotVisitor visitor) {
    for (int s = 0; ; s++) {
      TimelineSegment segment = forReading(s);
      if (segment == null || segment.first() >= end) {
        return;
      }
      long stop = Math.min(end, segment.first() + segment.size());
      for (long index = segment.first(); index < stop; index++) {
        if (!segment.published(index)) {
          return;
        }
        if (!TimelineSegment.ABANDONED.equals(segment.type(index))) {
          visitor.visit(segment, index);
        }
      }
    }
  }

  /** Returns how many entries the segments made so far can hold: what the timeline allocated. */
  long allocatedSlots() {
    long slots = 0;
    for (int segment = 0; segment < SEGMENTS; segment++) {
      TimelineSegment found = forReading(segment);
      if (found != null) {
        slots += found.size();
      }
    }
    return slots;
  }
}
