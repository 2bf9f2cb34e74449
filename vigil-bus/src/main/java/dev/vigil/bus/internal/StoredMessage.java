package dev.vigil.bus.internal;

import dev.vigil.bus.QueuedMessage;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.timeline.Attributes;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One copy of a message in one queue, with the mutable delivery state the queue keeps. */
final class StoredMessage {
  /** Orders messages waiting to become visible: by when, then by arrival. */
  static final Comparator<StoredMessage> BY_VISIBLE_AT =
      (a, b) -> {
        int byTime = Long.compare(a.visibleAtNanos, b.visibleAtNanos);
        return byTime != 0 ? byTime : Long.compare(a.serial, b.serial);
      };

  final String messageId;
  final String body;
  final Map<String, String> attributes;
  final @Nullable String correlationId;
  final @Nullable String groupId;
  final @Nullable String sequenceNumber;
  final Instant sentAt;
  final long sentNanos;

  /** Unique per stored copy, so that a duplicate of a message is a distinct entry. */
  final long serial;

  /** How many visible messages it jumps ahead of when it becomes visible: a reordering fault. */
  int overtake;

  /**
   * The attributes of its timeline entries that do not change ({@code queue}, {@code messageId}),
   * made once and shared by its send and ack entries.
   */
  final Attributes where;

  /**
   * The receipt handles' common start, made when the message is stored (by the sender) rather than
   * at each receipt (by the consumer, the busier side): unique per stored copy.
   */
  private final String receiptPrefix;

  /** Whether its current receipt is tracked by the queue's {@link FlightLog}. */
  boolean inFlightLog;

  QueuedMessage.State state;
  long visibleAtNanos;
  int receiveCount;
  @Nullable String receiptHandle;

  StoredMessage(
      String queue,
      String messageId,
      String body,
      Map<String, String> attributes,
      @Nullable String correlationId,
      @Nullable String groupId,
      @Nullable String sequenceNumber,
      Instant sentAt,
      long sentNanos,
      long serial) {
    this.messageId = messageId;
    this.body = body;
    this.attributes = attributes;
    this.correlationId = correlationId;
    this.groupId = groupId;
    this.sequenceNumber = sequenceNumber;
    this.sentAt = sentAt;
    this.sentNanos = sentNanos;
    this.serial = serial;
    this.where = Attributes.of("queue", queue, "messageId", messageId);
    this.receiptPrefix = serial + "-";
    this.state = QueuedMessage.State.VISIBLE;
  }

  /** Returns the receipt handle of its {@code receiveCount}-th receipt. */
  String receiptHandle(int receiveCount) {
    return receiptPrefix.concat(Counts.text(receiveCount));
  }

  /** Returns a fresh copy for a dead-letter queue: same id, body and age, never received. */
  StoredMessage movedTo(String queue, long newSerial) {
    return new StoredMessage(
        queue,
        messageId,
        body,
        attributes,
        correlationId,
        groupId,
        sequenceNumber,
        sentAt,
        sentNanos,
        newSerial);
  }

  ReceivedMessage received(String queue) {
    return new ReceivedMessage(
        queue,
        messageId,
        body,
        attributes,
        receiptHandle == null ? "" : receiptHandle,
        receiveCount,
        groupId,
        sequenceNumber,
        sentAt,
        correlationId);
  }

  QueuedMessage queued(String queue) {
    return new QueuedMessage(
        queue, messageId, body, attributes, state, receiveCount, groupId, sequenceNumber, sentAt);
  }

  @Override
  public String toString() {
    return messageId + "#" + serial + "[" + state + ", received " + receiveCount + "]";
  }
}
