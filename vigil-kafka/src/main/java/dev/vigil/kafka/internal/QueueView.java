package dev.vigil.kafka.internal;

import dev.vigil.bus.BusException;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.QueueStats;
import dev.vigil.bus.QueuedMessage;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.kafka.CapturedRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * A queue on Kafka: a view over the records of its own topic and the topics it subscribes to, each
 * from the offset it had when the queue began to read it, with the test's cursor on top — which
 * records are visible, in flight (received, not yet deleted) or deleted. Kafka keeps the records;
 * the view keeps only their state. Thread-safe: one lock per view.
 */
public final class QueueView {
  private enum State {
    VISIBLE,
    IN_FLIGHT,
    DELETED
  }

  private static final class Entry {
    final CapturedRecord record;
    State state = State.VISIBLE;
    int receiveCount;
    @Nullable String receiptHandle;

    Entry(CapturedRecord record) {
      this.record = record;
    }
  }

  private final String queue;
  private final @Nullable QueueSpec spec;
  private final Map<TopicPartition, Long> from = new HashMap<>();
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, Entry> byHandle = new HashMap<>();

  /**
   * Creates an empty view.
   *
   * @param queue the queue's name, also its topic's
   * @param spec its spec, or {@code null} for a dead-letter topic that has none
   */
  public QueueView(String queue, @Nullable QueueSpec spec) {
    this.queue = queue;
    this.spec = spec;
  }

  /**
   * Returns the queue's name.
   *
   * @return the name
   */
  public String queue() {
    return queue;
  }

  /**
   * Returns the queue's spec.
   *
   * @return the spec, or {@code null} for a dead-letter topic
   */
  public @Nullable QueueSpec spec() {
    return spec;
  }

  /**
   * Makes the view read more partitions, each from the given offset on.
   *
   * @param startOffsets the first offset to read, by partition; partitions read already keep theirs
   */
  public synchronized void read(Map<TopicPartition, Long> startOffsets) {
    startOffsets.forEach(from::putIfAbsent);
  }

  /**
   * Returns the partitions the view reads and the first offset of each.
   *
   * @return a copy
   */
  public synchronized Map<TopicPartition, Long> sources() {
    return new HashMap<>(from);
  }

  /**
   * Returns whether a record belongs to this queue.
   *
   * @param record the record
   * @return whether its partition is read and its offset at or past the start
   */
  public synchronized boolean accepts(CapturedRecord record) {
    Long start = from.get(new TopicPartition(record.topic(), record.partition()));
    return start != null && record.offset() >= start;
  }

  /**
   * Adds a record if it belongs here and is new, running {@code onAdded} under the view's lock so
   * that what it records comes before any receipt of the record.
   *
   * @param record the record
   * @param onAdded run once when added
   */
  public synchronized void offer(CapturedRecord record, Runnable onAdded) {
    if (accepts(record) && !entries.containsKey(record.id())) {
      entries.put(record.id(), new Entry(record));
      onAdded.run();
    }
  }

  /**
   * Receives up to {@code max} visible messages, oldest first.
   *
   * @param max how many at most
   * @return the messages, now in flight
   */
  public synchronized List<ReceivedMessage> receive(int max) {
    List<ReceivedMessage> received = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (received.size() == max) {
        break;
      }
      if (entry.state == State.VISIBLE) {
        received.add(deliver(entry));
      }
    }
    return received;
  }

  /**
   * Takes one record for a handler when it is visible.
   *
   * @param recordId the record's id
   * @return the message, now in flight; {@code null} when unknown, in flight or deleted
   */
  public synchronized @Nullable ReceivedMessage claim(String recordId) {
    Entry entry = entries.get(recordId);
    return entry == null || entry.state != State.VISIBLE ? null : deliver(entry);
  }

  /**
   * Delivers an in-flight message again at once, counting one more receipt.
   *
   * @param receiptHandle its latest handle
   * @return the message under its new handle
   */
  public synchronized ReceivedMessage redeliver(String receiptHandle) {
    return deliver(inFlight(receiptHandle));
  }

  private ReceivedMessage deliver(Entry entry) {
    if (entry.receiptHandle != null) {
      byHandle.remove(entry.receiptHandle);
    }
    entry.state = State.IN_FLIGHT;
    entry.receiveCount++;
    entry.receiptHandle = entry.record.id() + "#" + entry.receiveCount;
    byHandle.put(entry.receiptHandle, entry);
    return received(entry);
  }

  /**
   * Deletes an in-flight message.
   *
   * @param receiptHandle its latest handle
   * @return the message as it was last received, or {@code null} when the handle is stale
   */
  public synchronized @Nullable ReceivedMessage delete(String receiptHandle) {
    Entry entry = byHandle.remove(receiptHandle);
    if (entry == null || entry.state != State.IN_FLIGHT) {
      return null;
    }
    entry.state = State.DELETED;
    return received(entry);
  }

  /**
   * Makes an in-flight message visible again at once.
   *
   * @param receiptHandle its latest handle
   * @return the message as it was last received
   * @throws BusException when nothing is in flight under the handle
   */
  public synchronized ReceivedMessage release(String receiptHandle) {
    Entry entry = inFlight(receiptHandle);
    byHandle.remove(receiptHandle);
    entry.state = State.VISIBLE;
    entry.receiptHandle = null;
    return received(entry);
  }

  private Entry inFlight(String receiptHandle) {
    Entry entry = byHandle.get(receiptHandle);
    if (entry == null || entry.state != State.IN_FLIGHT) {
      throw new BusException(KafkaTexts.notInFlight(queue, receiptHandle));
    }
    return entry;
  }

  /**
   * Deletes every message the queue holds, visible or in flight.
   *
   * @return how many
   */
  public synchronized int purge() {
    int deleted = 0;
    for (Entry entry : entries.values()) {
      if (entry.state != State.DELETED) {
        entry.state = State.DELETED;
        deleted++;
      }
    }
    byHandle.clear();
    return deleted;
  }

  /**
   * Counts the messages by state.
   *
   * @return the counts; Kafka has no delayed messages
   */
  public synchronized QueueStats stats() {
    int visible = 0;
    int inFlight = 0;
    for (Entry entry : entries.values()) {
      if (entry.state == State.VISIBLE) {
        visible++;
      } else if (entry.state == State.IN_FLIGHT) {
        inFlight++;
      }
    }
    return new QueueStats(visible, inFlight, 0);
  }

  /**
   * Returns the messages the queue holds, in the order read.
   *
   * @return each with its state
   */
  public synchronized List<QueuedMessage> peek() {
    List<QueuedMessage> messages = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (entry.state != State.DELETED) {
        CapturedRecord record = entry.record;
        messages.add(
            new QueuedMessage(
                queue,
                record.id(),
                record.lenientText(),
                record.headers(),
                entry.state == State.VISIBLE
                    ? QueuedMessage.State.VISIBLE
                    : QueuedMessage.State.IN_FLIGHT,
                entry.receiveCount,
                null,
                null,
                record.timestamp()));
      }
    }
    return messages;
  }

  /**
   * Returns the record behind a message id.
   *
   * @param recordId the message id
   * @return the record, or {@code null}
   */
  public synchronized @Nullable CapturedRecord record(String recordId) {
    Entry entry = entries.get(recordId);
    return entry == null ? null : entry.record;
  }

  private ReceivedMessage received(Entry entry) {
    CapturedRecord record = entry.record;
    return new ReceivedMessage(
        queue,
        record.id(),
        record.lenientText(),
        record.headers(),
        entry.receiptHandle == null ? record.id() : entry.receiptHandle,
        entry.receiveCount,
        null,
        null,
        record.timestamp(),
        record.correlationId());
  }

  @Override
  public String toString() {
    return "QueueView[" + queue + ", " + stats() + "]";
  }
}
