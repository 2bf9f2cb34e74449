package dev.vigil.bus.internal;

import dev.vigil.bus.QueuedMessage.State;
import org.jspecify.annotations.Nullable;

/**
 * In-flight messages in the order their visibility ends, for the common case where each receipt
 * ends no earlier than the one before (one visibility timeout per queue, a clock that moves
 * forward). Appending is O(1) where a sorted set would pay a tree insertion per receipt.
 *
 * <p>Entries are never removed from the middle: a message deleted, moved or received again leaves
 * its old entry behind, recognised as stale because the message is no longer in flight under that
 * receipt. Stale entries are dropped at the head as time passes, and the log is compacted when they
 * outnumber the live ones, so a message stuck in flight cannot make the log grow without bound.
 */
final class FlightLog {
  private static final int MIN_COMPACTION = 1024;

  private @Nullable StoredMessage[] messages = new StoredMessage[16];
  private int[] receipts = new int[16];
  private int head;
  private int size;
  private int stale;

  /**
   * The deadline of the last receipt appended. The tail entry's own message cannot tell: once
   * stale, that message may have moved to an earlier deadline.
   */
  private long lastVisibleAt = Long.MIN_VALUE;

  /** Tells whether {@code message}, in flight until {@code visibleAt}, can go at the tail. */
  boolean fitsAtTail(long visibleAt) {
    return size == 0 || lastVisibleAt <= visibleAt;
  }

  void append(StoredMessage message) {
    if (size == messages.length) {
      grow();
    }
    int at = index(size++);
    messages[at] = message;
    receipts[at] = message.receiveCount;
    message.inFlightLog = true;
    lastVisibleAt = message.visibleAtNanos;
  }

  /** Notes that a message in the log left it (deleted, moved, dead-lettered, purged). */
  void left(StoredMessage message) {
    message.inFlightLog = false;
    stale++;
    if (stale > MIN_COMPACTION && stale > size / 2) {
      compact();
    }
  }

  /** Returns the live message whose visibility ends first, or {@code null}. */
  @Nullable StoredMessage first() {
    dropStaleHead();
    return size == 0 ? null : messages[head];
  }

  /** Removes and returns the first live message; call after {@link #first()} returned it. */
  StoredMessage pollFirst() {
    StoredMessage message = messages[head];
    messages[head] = null;
    head = index(1);
    size--;
    if (message == null) {
      throw new IllegalStateException("pollFirst() without a live first()");
    }
    message.inFlightLog = false;
    return message;
  }

  /** Returns the live messages, in the order their visibility ends. */
  java.util.List<StoredMessage> liveInOrder() {
    java.util.List<StoredMessage> live = new java.util.ArrayList<>();
    for (int i = 0; i < size; i++) {
      if (live(index(i))) {
        live.add(java.util.Objects.requireNonNull(messages[index(i)]));
      }
    }
    return live;
  }

  void clear() {
    messages = new StoredMessage[16];
    receipts = new int[16];
    head = 0;
    size = 0;
    stale = 0;
  }

  private boolean live(int at) {
    StoredMessage message = messages[at];
    return message != null
        && message.inFlightLog
        && message.state == State.IN_FLIGHT
        && message.receiveCount == receipts[at];
  }

  private void dropStaleHead() {
    while (size > 0 && !live(head)) {
      messages[head] = null;
      head = index(1);
      size--;
      stale = Math.max(0, stale - 1);
    }
  }

  private void compact() {
    @Nullable StoredMessage[] kept =
        new StoredMessage[Math.max(16, Integer.highestOneBit(size) * 2)];
    int[] keptReceipts = new int[kept.length];
    int count = 0;
    for (int i = 0; i < size; i++) {
      int at = index(i);
      if (live(at)) {
        kept[count] = messages[at];
        keptReceipts[count++] = receipts[at];
      }
    }
    messages = kept;
    receipts = keptReceipts;
    head = 0;
    size = count;
    stale = 0;
  }

  private void grow() {
    @Nullable StoredMessage[] bigger = new StoredMessage[messages.length * 2];
    int[] biggerReceipts = new int[bigger.length];
    for (int i = 0; i < size; i++) {
      bigger[i] = messages[index(i)];
      biggerReceipts[i] = receipts[index(i)];
    }
    messages = bigger;
    receipts = biggerReceipts;
    head = 0;
  }

  private int index(int offset) {
    return (head + offset) & (messages.length - 1);
  }
}
