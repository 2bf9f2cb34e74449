package dev.vigil.sqs.internal;

import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusRecorder;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.timeline.Timeline;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes what the SQS bus does onto the context's timeline through a {@link BusRecorder} (source
 * {@value BusEntries#SOURCE}, the types of {@link BusEntries}, attribute {@code backend=sqs}), so
 * that a test reads the same entries as on the embedded bus; adds what only SQS says.
 */
public final class SqsEvents {
  /** The backend's name, in every entry's {@code backend} attribute. */
  public static final String BACKEND = "sqs";

  private final BusRecorder recorder;

  /**
   * Creates the recorder.
   *
   * @param timeline the context's timeline
   */
  public SqsEvents(Timeline timeline) {
    this.recorder = BusRecorder.on(timeline, BACKEND);
  }

  /**
   * Records a publish to an SNS topic; SNS does not say which queues take it.
   *
   * @param topic the topic
   * @param messageId SNS's message id
   * @param correlationId the message's correlation id
   * @param body the body
   */
  public void published(
      String topic, String messageId, @Nullable String correlationId, String body) {
    recorder.published(topic, messageId, correlationId, body, List.of());
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
    recorder.sent(queue, messageId, correlationId, body);
  }

  /**
   * Records a batch of receipts. SQS does not say when a visibility timeout ended, so a message
   * received before is first recorded as a retry.
   *
   * @param messages the received messages
   */
  public void received(List<ReceivedMessage> messages) {
    for (ReceivedMessage message : messages) {
      if (message.receiveCount() > 1) {
        recorder.retried(message);
      }
      recorder.received(message);
    }
  }

  /**
   * Records a deleted message.
   *
   * @param message the message
   */
  public void acknowledged(ReceivedMessage message) {
    recorder.acknowledged(message);
  }

  /**
   * Records a delete by the handle of a receipt this bus did not see.
   *
   * @param queue the queue
   * @param receiptHandle the handle
   */
  public void acknowledged(String queue, String receiptHandle) {
    recorder.record(
        BusEntries.ack(queue),
        null,
        null,
        "deleted by receipt handle",
        Map.of("queue", queue, "receiptHandle", receiptHandle));
  }

  /**
   * Records a delete with a stale or unknown receipt handle.
   *
   * @param queue the queue
   * @param receiptHandle the handle
   */
  public void deleteIgnored(String queue, String receiptHandle) {
    recorder.deleteIgnored(queue, receiptHandle);
  }

  /**
   * Records a changed visibility timeout.
   *
   * @param queue the queue
   * @param receiptHandle the receipt's handle
   * @param seconds the new timeout in whole seconds
   */
  public void visibilityChanged(String queue, String receiptHandle, int seconds) {
    recorder.visibilityChanged(queue, receiptHandle, Duration.ofSeconds(seconds));
  }

  /**
   * Records a consumer's handler failing.
   *
   * @param message the message it failed on
   * @param failure what it threw
   */
  public void handlerFailed(ReceivedMessage message, Throwable failure) {
    recorder.handlerFailed(message, failure);
  }

  /**
   * Records a message that used up its receives: the endpoint moves it to the dead-letter queue
   * when its visibility timeout ends and the queue is next read.
   *
   * @param message the message
   * @param deadLetterQueue the dead-letter queue
   */
  public void deadLettered(ReceivedMessage message, String deadLetterQueue) {
    recorder.deadLettered(message, deadLetterQueue);
  }

  /**
   * Records a purge; SQS does not say how many messages it deleted.
   *
   * @param queue the queue
   */
  public void purged(String queue) {
    recorder.purged(queue, -1);
  }

  /**
   * Records a consumer that could not reach the endpoint; it tries again.
   *
   * @param queue the consumer's queue
   * @param failure what the endpoint or the SDK said
   */
  public void endpointFailed(String queue, String failure) {
    recorder.record(
        SqsEntryTypes.endpointFailed(queue), null, null, failure, Map.of("queue", queue));
  }
}
