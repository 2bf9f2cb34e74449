package dev.vigil.sqs.internal;

import dev.vigil.bus.BusEntries;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.timeline.Observation;
import dev.vigil.timeline.Timeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes what the SQS bus does onto the context's timeline with the types of {@link BusEntries},
 * source {@value BusEntries#SOURCE} and attribute {@code backend=sqs}, so that a test reads the
 * same entries as on the embedded bus; each append wakes the context's waits.
 */
public final class SqsEvents {
  /** The backend's name, in every entry's {@code backend} attribute. */
  public static final String BACKEND = "sqs";

  private static final int SUMMARY_LENGTH = 80;

  private final Timeline timeline;

  /**
   * Creates the recorder.
   *
   * @param timeline the context's timeline
   */
  public SqsEvents(Timeline timeline) {
    this.timeline = timeline;
  }

  /**
   * Records a publish to an SNS topic.
   *
   * @param topic the topic
   * @param messageId SNS's message id
   * @param correlationId the message's correlation id
   * @param body the body
   */
  public void published(
      String topic, String messageId, @Nullable String correlationId, String body) {
    record(
        BusEntries.publish(topic),
        correlationId,
        messageId,
        body,
        attrs("topic", topic, messageId));
  }

  /**
   * Records a message sent to a queue.
   *
   * @param queue the queue
   * @param messageId SQS's message id
   * @param correlationId the message's correlation id
   * @param body the body
   */
  public void sent(String queue, String messageId, @Nullable String correlationId, String body) {
    record(
        BusEntries.send(queue), correlationId, messageId, body, attrs("queue", queue, messageId));
  }

  /**
   * Records a batch of receipts; a message received before is first recorded as a retry.
   *
   * @param messages the received messages
   */
  public void received(List<ReceivedMessage> messages) {
    List<Observation> observations = new ArrayList<>(messages.size() * 2);
    for (ReceivedMessage message : messages) {
      if (message.receiveCount() > 1) {
        observations.add(receipt(BusEntries.retry(message.queue()), message));
      }
      observations.add(receipt(BusEntries.receive(message.queue()), message));
    }
    if (!observations.isEmpty()) {
      timeline.appendAll(observations);
    }
  }

  /**
   * Records a deleted message.
   *
   * @param message the message
   */
  public void acknowledged(ReceivedMessage message) {
    timeline.appendAll(List.of(receipt(BusEntries.ack(message.queue()), message)));
  }

  /**
   * Records a delete by the handle of a receipt this bus did not see.
   *
   * @param queue the queue
   * @param receiptHandle the handle
   */
  public void acknowledged(String queue, String receiptHandle) {
    Map<String, String> attributes = base("queue", queue);
    attributes.put("receiptHandle", receiptHandle);
    record(BusEntries.ack(queue), null, null, "deleted by receipt handle", attributes);
  }

  /**
   * Records a delete with a stale or unknown receipt handle.
   *
   * @param queue the queue
   * @param receiptHandle the handle
   */
  public void deleteIgnored(String queue, String receiptHandle) {
    Map<String, String> attributes = base("queue", queue);
    attributes.put("receiptHandle", receiptHandle);
    record(
        BusEntries.deleteIgnored(queue),
        null,
        null,
        "stale or unknown receipt handle " + receiptHandle,
        attributes);
  }

  /**
   * Records a changed visibility timeout.
   *
   * @param queue the queue
   * @param receiptHandle the receipt's handle
   * @param seconds the new timeout in whole seconds
   */
  public void visibilityChanged(String queue, String receiptHandle, int seconds) {
    Map<String, String> attributes = base("queue", queue);
    attributes.put("receiptHandle", receiptHandle);
    attributes.put("timeout", "PT" + seconds + "S");
    record(
        BusEntries.changeVisibility(queue),
        null,
        null,
        "visible again in PT" + seconds + "S",
        attributes);
  }

  /**
   * Records a consumer's handler failing.
   *
   * @param message the message it failed on
   * @param failure what it threw
   */
  public void handlerFailed(ReceivedMessage message, Throwable failure) {
    Map<String, String> attributes = attrs("queue", message.queue(), message.messageId());
    attributes.put("receiveCount", Integer.toString(message.receiveCount()));
    attributes.put("exception", failure.getClass().getName());
    record(
        BusEntries.handlerFailed(message.queue()),
        message.correlationId(),
        message.messageId(),
        String.valueOf(failure),
        attributes);
  }

  /**
   * Records a message that used up its receives: the endpoint moves it to the dead-letter queue
   * when its visibility timeout ends and the queue is next read.
   *
   * @param message the message
   * @param deadLetterQueue the dead-letter queue
   */
  public void deadLettered(ReceivedMessage message, String deadLetterQueue) {
    Map<String, String> attributes = attrs("queue", message.queue(), message.messageId());
    attributes.put("deadLetterQueue", deadLetterQueue);
    attributes.put("receiveCount", Integer.toString(message.receiveCount()));
    record(
        BusEntries.deadLetter(message.queue()),
        message.correlationId(),
        message.messageId(),
        message.body(),
        attributes);
  }

  /**
   * Records a purge; SQS does not say how many messages it deleted.
   *
   * @param queue the queue
   */
  public void purged(String queue) {
    Map<String, String> attributes = base("queue", queue);
    attributes.put("deleted", "unknown");
    record(BusEntries.purge(queue), null, null, "purged (SQS does not count)", attributes);
  }

  /**
   * Records a consumer that could not reach the endpoint; it tries again.
   *
   * @param queue the consumer's queue
   * @param failure what the endpoint or the SDK said
   */
  public void endpointFailed(String queue, String failure) {
    record(SqsEntryTypes.endpointFailed(queue), null, null, failure, base("queue", queue));
  }

  private static Map<String, String> attrs(String key, String where, String messageId) {
    Map<String, String> attributes = base(key, where);
    attributes.put("messageId", messageId);
    return attributes;
  }

  private static Map<String, String> base(String key, String where) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(key, where);
    attributes.put("backend", BACKEND);
    return attributes;
  }

  private static Observation receipt(String type, ReceivedMessage message) {
    Map<String, String> attributes = attrs("queue", message.queue(), message.messageId());
    attributes.put("receiveCount", Integer.toString(message.receiveCount()));
    return new Observation(
        BusEntries.SOURCE,
        type,
        message.correlationId(),
        message.messageId(),
        summarize(message.body()),
        attributes);
  }

  private void record(
      String type,
      @Nullable String correlationId,
      @Nullable String causationId,
      String body,
      Map<String, String> attributes) {
    timeline.append(
        BusEntries.SOURCE, type, correlationId, causationId, summarize(body), attributes);
  }

  private static String summarize(String body) {
    return body.length() <= SUMMARY_LENGTH ? body : body.substring(0, SUMMARY_LENGTH - 1) + "…";
  }
}
