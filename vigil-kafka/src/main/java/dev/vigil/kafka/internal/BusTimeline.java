package dev.vigil.kafka.internal;

import dev.vigil.bus.BusEntries;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.kafka.CapturedRecord;
import dev.vigil.timeline.Timeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Records a Kafka bus's operations under {@link BusEntries#SOURCE} with the embedded bus's types
 * and attributes, plus {@code backend=kafka}, so that a test reads the same entries on every
 * backend.
 */
public final class BusTimeline {
  private static final int SUMMARY_LENGTH = 200;

  private final Timeline timeline;

  /**
   * Records onto {@code timeline}.
   *
   * @param timeline the test's timeline
   */
  public BusTimeline(Timeline timeline) {
    this.timeline = timeline;
  }

  /**
   * Records a record read from a topic.
   *
   * @param record the record
   * @param deliveredTo the queues subscribed to its topic that take it
   */
  public void published(CapturedRecord record, List<String> deliveredTo) {
    record(
        BusEntries.publish(record.topic()),
        record.correlationId(),
        record.id(),
        record.lenientText(),
        attributes(
            "topic",
            record.topic(),
            "messageId",
            record.id(),
            "deliveredTo",
            String.join(",", deliveredTo)));
  }

  /**
   * Records a record joining a queue.
   *
   * @param queue the queue
   * @param record the record
   */
  public void sent(String queue, CapturedRecord record) {
    record(
        BusEntries.send(queue),
        record.correlationId(),
        record.id(),
        record.lenientText(),
        attributes("queue", queue, "messageId", record.id()));
  }

  /**
   * Records a receipt.
   *
   * @param message the message
   */
  public void received(ReceivedMessage message) {
    receipt(BusEntries.receive(message.queue()), message);
  }

  /**
   * Records an acknowledgement.
   *
   * @param message the message
   */
  public void acknowledged(ReceivedMessage message) {
    receipt(BusEntries.ack(message.queue()), message);
  }

  /**
   * Records a message visible again, after a failed attempt or a release.
   *
   * @param message the message
   */
  public void retried(ReceivedMessage message) {
    receipt(BusEntries.retry(message.queue()), message);
  }

  /**
   * Records a delete under a stale handle.
   *
   * @param queue the queue
   * @param receiptHandle the handle
   */
  public void deleteIgnored(String queue, String receiptHandle) {
    record(
        BusEntries.deleteIgnored(queue),
        null,
        null,
        "stale or unknown receipt handle " + receiptHandle,
        attributes("queue", queue, "receiptHandle", receiptHandle));
  }

  /**
   * Records a handler's failure.
   *
   * @param message the message
   * @param failure what the handler threw
   */
  public void handlerFailed(ReceivedMessage message, Throwable failure) {
    record(
        BusEntries.handlerFailed(message.queue()),
        message.correlationId(),
        message.messageId(),
        String.valueOf(failure),
        attributes(
            "queue", message.queue(),
            "messageId", message.messageId(),
            "receiveCount", Integer.toString(message.receiveCount()),
            "exception", failure.getClass().getName()));
  }

  /**
   * Records a dead letter.
   *
   * @param message the message
   * @param deadLetterTopic where it went
   */
  public void deadLettered(ReceivedMessage message, String deadLetterTopic) {
    record(
        BusEntries.deadLetter(message.queue()),
        message.correlationId(),
        message.messageId(),
        message.body(),
        attributes(
            "queue", message.queue(),
            "deadLetterQueue", deadLetterTopic,
            "messageId", message.messageId(),
            "receiveCount", Integer.toString(message.receiveCount())));
  }

  /**
   * Records a purge.
   *
   * @param queue the queue
   * @param count how many messages were deleted
   */
  public void purged(String queue, int count) {
    record(
        BusEntries.purge(queue),
        null,
        null,
        count + " messages deleted",
        attributes("queue", queue, "deleted", Integer.toString(count)));
  }

  private void receipt(String type, ReceivedMessage message) {
    record(
        type,
        message.correlationId(),
        message.messageId(),
        message.body(),
        attributes(
            "queue", message.queue(),
            "messageId", message.messageId(),
            "receiveCount", Integer.toString(message.receiveCount())));
  }

  private void record(
      String type,
      @Nullable String correlationId,
      @Nullable String causationId,
      String body,
      Map<String, String> attributes) {
    String summary =
        body.length() <= SUMMARY_LENGTH ? body : body.substring(0, SUMMARY_LENGTH) + "…";
    timeline.append(BusEntries.SOURCE, type, correlationId, causationId, summary, attributes);
  }

  private static Map<String, String> attributes(String... namesAndValues) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      attributes.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    attributes.put("backend", "kafka");
    return attributes;
  }
}
