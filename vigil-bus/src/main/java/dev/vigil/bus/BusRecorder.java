package dev.vigil.bus;

import dev.vigil.timeline.Timeline;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Records a backend's operations on a test's timeline in the contract's vocabulary: source {@value
 * BusEntries#SOURCE}, the types of {@link BusEntries}, the message's correlation id and id, and an
 * attribute {@code backend} — so that a test reads the same entries on every {@link MessageBus}.
 * Kafka's and SQS's buses record through it; a backend of your own can too. Each append wakes the
 * context's waits.
 *
 * <pre>{@code
 * BusRecorder recorder = BusRecorder.on(vigil.timeline(), "my-broker");
 * recorder.sent(queue, messageId, message.correlationId(), message.body());
 * }</pre>
 *
 * @since 0.1
 */
public final class BusRecorder {
  /** Bodies longer than this are cut in an entry's summary; failure texts are kept whole. */
  private static final int SUMMARY_LENGTH = 80;

  private final Timeline timeline;
  private final String backend;

  private BusRecorder(Timeline timeline, String backend) {
    this.timeline = Objects.requireNonNull(timeline, "timeline must not be null");
    this.backend = Objects.requireNonNull(backend, "backend must not be null");
    if (backend.isBlank()) {
      throw new IllegalArgumentException("backend must not be blank, was '" + backend + "'");
    }
  }

  /**
   * Creates a recorder.
   *
   * @param timeline the test's timeline
   * @param backend the backend's name, as {@link MessageBus#backend()} gives it
   * @return the recorder
   */
  public static BusRecorder on(Timeline timeline, String backend) {
    return new BusRecorder(timeline, backend);
  }

  /**
   * Records a publish to a topic.
   *
   * @param topic the topic
   * @param messageId the message's id on the backend
   * @param correlationId the message's correlation id, if any
   * @param body the body
   * @param deliveredTo the queues that take it, when the backend knows them (empty otherwise)
   */
  public void published(
      String topic,
      String messageId,
      @Nullable String correlationId,
      String body,
      List<String> deliveredTo) {
    Map<String, String> attributes = attributes("topic", topic, "messageId", messageId);
    if (!deliveredTo.isEmpty()) {
      attributes.put("deliveredTo", String.join(",", deliveredTo));
    }
    record(BusEntries.publish(topic), correlationId, messageId, summarize(body), attributes);
  }

  /**
   * Records a message joining a queue, sent to it or delivered by a topic.
   *
   * @param queue the queue
   * @param messageId the message's id on the backend
   * @param correlationId the message's correlation id, if any
   * @param body the body
   */
  public void sent(String queue, String messageId, @Nullable String correlationId, String body) {
    record(
        BusEntries.send(queue),
        correlationId,
        messageId,
        summarize(body),
        attributes("queue", queue, "messageId", messageId));
  }

  /**
   * Records a receipt.
   *
   * @param message the message received
   */
  public void received(ReceivedMessage message) {
    receipt(BusEntries.receive(message.queue()), message);
  }

  /**
   * Records an acknowledgement (a delete).
   *
   * @param message the message deleted
   */
  public void acknowledged(ReceivedMessage message) {
    receipt(BusEntries.ack(message.queue()), message);
  }

  /**
   * Records a message visible again after a failed attempt or a release.
   *
   * @param message the message, as it was last received
   */
  public void retried(ReceivedMessage message) {
    receipt(BusEntries.retry(message.queue()), message);
  }

  /**
   * Records a delete under a stale or unknown receipt handle.
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
   * Records a changed visibility timeout.
   *
   * @param queue the queue
   * @param receiptHandle the receipt's handle
   * @param timeout the new timeout, counted from now
   */
  public void visibilityChanged(String queue, String receiptHandle, Duration timeout) {
    Map<String, String> attributes = attributes("queue", queue, "receiptHandle", receiptHandle);
    attributes.put("timeout", timeout.toString());
    record(
        BusEntries.changeVisibility(queue), null, null, "visible again in " + timeout, attributes);
  }

  /**
   * Records a consumer's handler failing on a message.
   *
   * @param message the message
   * @param failure what the handler threw
   */
  public void handlerFailed(ReceivedMessage message, Throwable failure) {
    Map<String, String> attributes = receiptAttributes(message);
    attributes.put("exception", failure.getClass().getName());
    record(
        BusEntries.handlerFailed(message.queue()),
        message.correlationId(),
        message.messageId(),
        String.valueOf(failure),
        attributes);
  }

  /**
   * Records a message that used up its receives and goes to the dead-letter queue.
   *
   * @param message the message, as it was last received
   * @param deadLetterQueue where it goes
   */
  public void deadLettered(ReceivedMessage message, String deadLetterQueue) {
    Map<String, String> attributes = receiptAttributes(message);
    attributes.put("deadLetterQueue", deadLetterQueue);
    record(
        BusEntries.deadLetter(message.queue()),
        message.correlationId(),
        message.messageId(),
        summarize(message.body()),
        attributes);
  }

  /**
   * Records a purge.
   *
   * @param queue the queue
   * @param deleted how many messages were deleted, or -1 when the backend does not say
   */
  public void purged(String queue, int deleted) {
    boolean counted = deleted >= 0;
    record(
        BusEntries.purge(queue),
        null,
        null,
        counted ? deleted + " messages deleted" : "purged (" + backend + " does not count)",
        attributes("queue", queue, "deleted", counted ? Integer.toString(deleted) : "unknown"));
  }

  /**
   * Records an entry of the backend's own, under the bus's source, with the {@code backend}
   * attribute added.
   *
   * @param type the entry's type
   * @param correlationId the flow it belongs to, if any
   * @param causationId what caused it, if anything
   * @param summary what happened, kept whole (a body is cut to 80 characters by the methods above)
   * @param attributes the entry's attributes
   */
  public void record(
      String type,
      @Nullable String correlationId,
      @Nullable String causationId,
      String summary,
      Map<String, String> attributes) {
    Map<String, String> withBackend = new LinkedHashMap<>(attributes);
    withBackend.put("backend", backend);
    timeline.append(BusEntries.SOURCE, type, correlationId, causationId, summary, withBackend);
  }

  private void receipt(String type, ReceivedMessage message) {
    record(
        type,
        message.correlationId(),
        message.messageId(),
        summarize(message.body()),
        receiptAttributes(message));
  }

  private static Map<String, String> receiptAttributes(ReceivedMessage message) {
    Map<String, String> attributes =
        attributes("queue", message.queue(), "messageId", message.messageId());
    attributes.put("receiveCount", Integer.toString(message.receiveCount()));
    return attributes;
  }

  private static Map<String, String> attributes(
      String firstName, String firstValue, String secondName, String secondValue) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(firstName, firstValue);
    attributes.put(secondName, secondValue);
    return attributes;
  }

  private static String summarize(String text) {
    return text.length() <= SUMMARY_LENGTH ? text : text.substring(0, SUMMARY_LENGTH - 1) + "…";
  }

  @Override
  public String toString() {
    return "BusRecorder[backend=" + backend + "]";
  }
}
