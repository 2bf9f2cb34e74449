package dev.vigil.bus.internal;

import dev.vigil.bus.BusEntries;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.timeline.Attributes;
import dev.vigil.timeline.Observation;
import dev.vigil.timeline.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes what the bus does onto the context's timeline, one entry per observation, so that a wait
 * wakes on it and a failure shows it. The source and types are {@link BusEntries}'s, the one place
 * that names them; each entry carries the message's correlation id and, as causation, its message
 * id.
 */
final class BusEvents {
  static final String SOURCE = BusEntries.SOURCE;
  private static final int SUMMARY_LENGTH = 80;

  private final Timeline timeline;

  BusEvents(Timeline timeline) {
    this.timeline = timeline;
  }

  void published(
      String topic,
      String messageId,
      @Nullable String correlationId,
      String body,
      List<String> deliveredTo) {
    record(
        BusEntries.publish(topic),
        correlationId,
        messageId,
        body,
        Map.of(
            "topic", topic, "messageId", messageId, "deliveredTo", String.join(",", deliveredTo)));
  }

  void sent(QueueEngine queue, StoredMessage message) {
    record(queue.sendType, message.correlationId, message.messageId, message.body, message.where);
  }

  void deduplicated(
      String queue, String deduplicationId, String firstMessageId, @Nullable String correlationId) {
    record(
        BusEntries.deduplicate(queue),
        correlationId,
        firstMessageId,
        "dropped: deduplication id " + deduplicationId + " seen within 5 minutes",
        Map.of("queue", queue, "messageId", firstMessageId, "deduplicationId", deduplicationId));
  }

  /** Records a batch of receipts as one run of entries. */
  void received(QueueEngine queue, List<ReceivedMessage> messages) {
    List<Observation> observations = new ArrayList<>(messages.size());
    for (ReceivedMessage message : messages) {
      observations.add(receipt(queue.receiveType, message));
    }
    timeline.appendAll(observations);
  }

  /** Records a batch of acknowledgements as one run of entries. */
  void acknowledged(QueueEngine queue, List<StoredMessage> messages) {
    List<Observation> observations = new ArrayList<>(messages.size());
    for (StoredMessage message : messages) {
      observations.add(
          new Observation(
              SOURCE,
              queue.ackType,
              message.correlationId,
              message.messageId,
              summarize(message.body),
              message.where));
    }
    timeline.appendAll(observations);
  }

  void retried(QueueEngine queue, ReceivedMessage message) {
    recordReceipt(queue.retryType, message);
  }

  void acknowledged(QueueEngine queue, StoredMessage message) {
    acknowledged(queue, List.of(message));
  }

  void deleteIgnored(String queue, String receiptHandle) {
    record(
        BusEntries.deleteIgnored(queue),
        null,
        null,
        "stale or unknown receipt handle " + receiptHandle,
        Map.of("queue", queue, "receiptHandle", receiptHandle));
  }

  void visibilityChanged(String queue, StoredMessage message, String timeout) {
    record(
        BusEntries.changeVisibility(queue),
        message.correlationId,
        message.messageId,
        "visible again in " + timeout,
        Map.of("queue", queue, "messageId", message.messageId, "timeout", timeout));
  }

  void deadLettered(String queue, String deadLetterQueue, StoredMessage message) {
    record(
        BusEntries.deadLetter(queue),
        message.correlationId,
        message.messageId,
        message.body,
        Map.of(
            "queue",
            queue,
            "deadLetterQueue",
            deadLetterQueue,
            "messageId",
            message.messageId,
            "receiveCount",
            Integer.toString(message.receiveCount)));
  }

  void expired(String queue, StoredMessage message) {
    record(
        BusEntries.expire(queue),
        message.correlationId,
        message.messageId,
        message.body,
        Map.of("queue", queue, "messageId", message.messageId));
  }

  void purged(String queue, int count) {
    record(
        BusEntries.purge(queue),
        null,
        null,
        count + " messages deleted",
        Map.of("queue", queue, "deleted", Integer.toString(count)));
  }

  void handlerFailed(ReceivedMessage message, Throwable failure) {
    record(
        BusEntries.handlerFailed(message.queue()),
        message.correlationId(),
        message.messageId(),
        String.valueOf(failure),
        Map.of(
            "queue", message.queue(),
            "messageId", message.messageId(),
            "receiveCount", Integer.toString(message.receiveCount()),
            "exception", failure.getClass().getName()));
  }

  void fault(
      String kind,
      String where,
      @Nullable String messageId,
      @Nullable String correlationId,
      String detail) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("target", where);
    if (messageId != null) {
      attributes.put("messageId", messageId);
    }
    record(BusEntries.fault(kind, where), correlationId, messageId, detail, attributes);
  }

  private void recordReceipt(String type, ReceivedMessage message) {
    timeline.appendAll(List.of(receipt(type, message)));
  }

  private static Observation receipt(String type, ReceivedMessage message) {
    return new Observation(
        SOURCE,
        type,
        message.correlationId(),
        message.messageId(),
        summarize(message.body()),
        Attributes.of(
            "queue", message.queue(),
            "messageId", message.messageId(),
            "receiveCount", Counts.text(message.receiveCount())));
  }

  private void record(
      String type,
      @Nullable String correlationId,
      @Nullable String causationId,
      String body,
      Map<String, String> attributes) {
    timeline.append(SOURCE, type, correlationId, causationId, summarize(body), attributes);
  }

  private static String summarize(String body) {
    if (body.length() <= SUMMARY_LENGTH) {
      return body;
    }
    return body.substring(0, SUMMARY_LENGTH - 1) + "…";
  }
}
