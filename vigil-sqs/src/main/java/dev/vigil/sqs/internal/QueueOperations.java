package dev.vigil.sqs.internal;

import dev.vigil.bus.BusException;
import dev.vigil.bus.Message;
import dev.vigil.bus.QueueStats;
import dev.vigil.bus.ReceivedMessage;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** What a bus does to messages on SQS, each operation recorded on the timeline. */
public final class QueueOperations {
  private static final List<QueueAttributeName> COUNTS =
      List.of(
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
          QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);
  private static final int MAX_REMEMBERED = 10_000;

  private final SqsClient sqs;
  private final String endpoint;
  private final QueueDirectory queues;
  private final SqsEvents events;
  private final Map<String, ReceivedMessage> receipts = new ConcurrentHashMap<>();

  /**
   * Creates the operations.
   *
   * @param sqs the client
   * @param endpoint the endpoint as failure texts name it
   * @param queues the queue directory
   * @param events the timeline recorder
   */
  public QueueOperations(SqsClient sqs, String endpoint, QueueDirectory queues, SqsEvents events) {
    this.sqs = sqs;
    this.endpoint = endpoint;
    this.queues = queues;
    this.events = events;
  }

  /**
   * Sends a message.
   *
   * @param queue the queue
   * @param message the message
   * @return SQS's message id
   */
  public String send(String queue, Message message) {
    String messageId = sendUnrecorded(queue, message);
    events.sent(queue, messageId, message.correlationId(), message.body());
    return messageId;
  }

  /**
   * Sends a message without a timeline entry, for a caller that records the operation itself.
   *
   * @param queue the queue
   * @param message the message
   * @return SQS's message id
   */
  public String sendUnrecorded(String queue, Message message) {
    String url = queues.url(queue);
    try {
      return sqs.sendMessage(MessageMapper.toSend(url, message)).messageId();
    } catch (SdkException | UncheckedIOException failure) {
      throw translate(queue, "send to queue '" + queue + "'", failure);
    }
  }

  /**
   * Receives messages.
   *
   * @param queue the queue
   * @param maxMessages 1 – 10
   * @param visibility the visibility timeout, or {@code null} for the queue's
   * @param wait the long poll, or {@code null} for the queue's
   * @return the messages, recorded on the timeline
   */
  public List<ReceivedMessage> receive(
      String queue, int maxMessages, @Nullable Duration visibility, @Nullable Duration wait) {
    String url = queues.url(queue);
    ReceiveMessageRequest.Builder request =
        ReceiveMessageRequest.builder()
            .queueUrl(url)
            .maxNumberOfMessages(maxMessages)
            .messageAttributeNames("All")
            .messageSystemAttributeNames(MessageSystemAttributeName.ALL);
    if (visibility != null) {
      request.visibilityTimeout(QueueAttributes.wholeSeconds(visibility));
    }
    if (wait != null) {
      request.waitTimeSeconds(QueueAttributes.wholeSeconds(wait));
    }
    List<software.amazon.awssdk.services.sqs.model.Message> raw;
    try {
      raw = sqs.receiveMessage(request.build()).messages();
    } catch (SdkException | UncheckedIOException failure) {
      throw translate(queue, "receive from queue '" + queue + "'", failure);
    }
    List<ReceivedMessage> received = new ArrayList<>(raw.size());
    for (software.amazon.awssdk.services.sqs.model.Message message : raw) {
      received.add(MessageMapper.toReceived(queue, message));
    }
    remember(received);
    events.received(received);
    return received;
  }

  /** Keeps the latest receipts, so that a delete by handle records which message it acked. */
  private void remember(List<ReceivedMessage> received) {
    if (receipts.size() > MAX_REMEMBERED) {
      receipts.clear(); // a test never holds this many; forgetting only thins an ack's entry
    }
    for (ReceivedMessage message : received) {
      receipts.put(message.receiptHandle(), message);
    }
  }

  /**
   * Deletes a received message.
   *
   * @param message the message
   * @return {@code false} when its handle is stale
   */
  public boolean delete(ReceivedMessage message) {
    return delete(message.queue(), message.receiptHandle());
  }

  /**
   * Deletes by receipt handle.
   *
   * @param queue the queue
   * @param receiptHandle the handle
   * @return {@code false} when the handle is stale or unknown
   */
  public boolean delete(String queue, String receiptHandle) {
    String url = queues.url(queue);
    try {
      sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(receiptHandle));
      ReceivedMessage message = receipts.remove(receiptHandle);
      if (message != null) {
        events.acknowledged(message);
      } else {
        events.acknowledged(queue, receiptHandle);
      }
      return true;
    } catch (ReceiptHandleIsInvalidException stale) {
      events.deleteIgnored(queue, receiptHandle);
      return false;
    } catch (SqsException refused) {
      if (refused.statusCode() == 400 && !(refused instanceof QueueDoesNotExistException)) {
        events.deleteIgnored(queue, receiptHandle); // ElasticMQ says InvalidParameterValue
        return false;
      }
      throw translate(queue, "delete from queue '" + queue + "'", refused);
    } catch (SdkException | UncheckedIOException failure) {
      throw translate(queue, "delete from queue '" + queue + "'", failure);
    }
  }

  /**
   * Changes the visibility timeout of an in-flight message.
   *
   * @param queue the queue
   * @param receiptHandle its receipt's handle
   * @param timeout the new timeout, rounded up to whole seconds
   */
  public void changeVisibility(String queue, String receiptHandle, Duration timeout) {
    String url = queues.url(queue);
    int seconds = QueueAttributes.wholeSeconds(timeout);
    try {
      sqs.changeMessageVisibility(
          b -> b.queueUrl(url).receiptHandle(receiptHandle).visibilityTimeout(seconds));
    } catch (SqsException refused) {
      if (refused.statusCode() == 400 && !(refused instanceof QueueDoesNotExistException)) {
        BusException notInFlight =
            new BusException(
                "message is not in flight on queue '"
                    + queue
                    + "' under receipt handle "
                    + receiptHandle
                    + " (endpoint "
                    + endpoint
                    + " answered "
                    + refused.awsErrorDetails().errorCode()
                    + ")");
        notInFlight.initCause(refused);
        throw notInFlight;
      }
      throw translate(queue, "change visibility on queue '" + queue + "'", refused);
    } catch (SdkException | UncheckedIOException failure) {
      throw translate(queue, "change visibility on queue '" + queue + "'", failure);
    }
    events.visibilityChanged(queue, receiptHandle, seconds);
  }

  /**
   * Purges a queue; where the endpoint refuses a second purge within 60 s (AWS), receives and
   * deletes what is visible instead.
   *
   * @param queue the queue
   */
  public void purge(String queue) {
    String url = queues.url(queue);
    try {
      sqs.purgeQueue(b -> b.queueUrl(url));
    } catch (PurgeQueueInProgressException tooSoon) {
      deleteVisible(queue);
    } catch (SdkException | UncheckedIOException failure) {
      throw translate(queue, "purge queue '" + queue + "'", failure);
    }
    events.purged(queue);
  }

  private void deleteVisible(String queue) {
    List<ReceivedMessage> batch;
    do {
      batch = receive(queue, 10, null, Duration.ZERO);
      batch.forEach(this::delete);
    } while (!batch.isEmpty());
  }

  /**
   * Returns the approximate counts of a queue.
   *
   * @param queue the queue
   * @return the counts
   */
  public QueueStats stats(String queue) {
    Map<QueueAttributeName, String> counts = queues.attributes(queue, COUNTS);
    return new QueueStats(
        count(counts, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES),
        count(counts, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE),
        count(counts, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
  }

  private static int count(Map<QueueAttributeName, String> counts, QueueAttributeName name) {
    String value = counts.get(name);
    return value == null ? 0 : Integer.parseInt(value);
  }

  /**
   * Turns any failure of an operation on {@code queue} into one that names the endpoint: what a
   * consumer records when a receive fails in a way the SDK did not wrap.
   *
   * @param queue the queue
   * @param operation what was tried
   * @param failure what it threw
   * @return the failure as a {@link BusException}, or {@code failure} when it already is one
   */
  BusException describe(String queue, String operation, RuntimeException failure) {
    return failure instanceof BusException known ? known : translate(queue, operation, failure);
  }

  private BusException translate(String queue, String operation, RuntimeException failure) {
    if (failure instanceof QueueDoesNotExistException) {
      queues.forget(queue);
      return Failures.unknownQueue(endpoint, queue);
    }
    return Failures.of(endpoint, operation, failure);
  }
}
