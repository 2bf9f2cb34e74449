package dev.vigil.bus;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A message bus with SNS/SQS semantics: topics that fan out to subscribed queues, and queues with
 * visibility timeouts, receive counts, dead-letter queues and FIFO ordering. {@link EmbeddedBus} is
 * the in-JVM implementation on a Vigil context's time; every operation is recorded on the context's
 * timeline and wakes its waits.
 *
 * <p>Unknown topic or queue names fail with a {@link BusException} that names them and lists what
 * exists.
 *
 * @since 0.1
 */
public interface Bus extends AutoCloseable {

  /**
   * Creates a topic; does nothing if it exists.
   *
   * @param name 1–256 letters, digits, hyphens and underscores, plus {@code .fifo} for FIFO
   */
  void createTopic(String name);

  /**
   * Creates a queue with SQS's default attributes; does nothing if it exists.
   *
   * @param name the queue's name
   */
  void createQueue(String name);

  /**
   * Creates a queue; does nothing if one with the same spec exists, fails if one with another spec
   * does. Its dead-letter queue is created with defaults when missing.
   *
   * @param spec the queue's name and attributes
   */
  void createQueue(QueueSpec spec);

  /**
   * Deletes a topic and its subscriptions.
   *
   * @param name the topic
   */
  void deleteTopic(String name);

  /**
   * Deletes a queue, its messages and its subscriptions. A queue that another queue dead-letters
   * into cannot be deleted before that queue (SQS would allow it and strand the dead letters).
   *
   * @param name the queue
   */
  void deleteQueue(String name);

  /**
   * Subscribes {@code queue} to everything published on {@code topic}, enveloped, creating both
   * when missing — like the seed's {@code subscribe_to}.
   *
   * @param topic the topic
   * @param queue the queue
   */
  void subscribe(String topic, String queue);

  /**
   * Subscribes a queue to a topic with a filter policy or raw delivery, creating both when missing.
   *
   * @param subscription what to subscribe and how
   */
  void subscribe(Subscription subscription);

  /**
   * Publishes to a topic: every subscribed queue whose filter policy matches gets a copy.
   *
   * @param topic the topic
   * @param message the message
   * @return the message id SNS would return
   */
  String publish(String topic, Message message);

  /**
   * Sends a message straight to a queue.
   *
   * @param queue the queue
   * @param message the message
   * @return the message id; for a FIFO duplicate within the deduplication window, the id of the
   *     message first sent
   */
  String send(String queue, Message message);

  /**
   * Receives messages, hiding each for the visibility timeout; waits up to the wait time for a
   * first message. A message already received {@code maxReceiveCount} times goes to the dead-letter
   * queue instead.
   *
   * @param queue the queue
   * @param request how many, and optional visibility timeout and wait time
   * @return the messages, possibly none
   */
  List<ReceivedMessage> receive(String queue, Receive request);

  /**
   * Deletes (acknowledges) a received message.
   *
   * @param queue the queue
   * @param receiptHandle the handle of its latest receipt
   * @return {@code true} when the message was deleted; {@code false} when the handle is stale (the
   *     message was received again since) or unknown, as SQS silently ignores such deletes
   */
  boolean delete(String queue, String receiptHandle);

  /**
   * Changes how long an in-flight message stays invisible, counted from now.
   *
   * @param queue the queue
   * @param receiptHandle the handle of its latest receipt
   * @param timeout 0 (visible at once) – 12 h
   * @throws BusException when the message is not in flight under that handle
   */
  void changeVisibility(String queue, String receiptHandle, Duration timeout);

  /**
   * Deletes every message in a queue.
   *
   * @param queue the queue
   * @return how many messages were deleted
   */
  int purge(String queue);

  /**
   * Returns how many messages a queue holds, by state.
   *
   * @param queue the queue
   * @return the counts
   */
  QueueStats stats(String queue);

  /**
   * Returns the messages a queue holds, in delivery order, without receiving them.
   *
   * @param queue the queue
   * @return the messages, each with its state
   */
  List<QueuedMessage> peek(String queue);

  /**
   * Runs {@code handler} for each message of {@code queue}, one at a time, in batches of up to 10:
   * success deletes the message (with the rest of its batch, once the batch is handled), an
   * exception leaves it to be retried after the visibility timeout, and after {@code
   * maxReceiveCount} receives it goes to the dead-letter queue.
   *
   * @param queue the queue
   * @param handler the code under test
   * @return the running consumer; close it to stop
   */
  BusConsumer consume(String queue, MessageHandler handler);

  /**
   * Runs {@code handler} for each message of {@code queue} with the given concurrency and batch
   * size.
   *
   * @param queue the queue
   * @param handler the code under test
   * @param options concurrency, batch size, visibility timeout
   * @return the running consumer; close it to stop
   */
  BusConsumer consume(String queue, MessageHandler handler, ConsumerOptions options);

  /**
   * Returns the spec a queue was created with.
   *
   * @param queue the queue
   * @return its name and attributes
   */
  QueueSpec spec(String queue);

  /**
   * Returns the names of the queues.
   *
   * @return the names, sorted
   */
  Set<String> queues();

  /**
   * Returns the names of the topics.
   *
   * @return the names, sorted
   */
  Set<String> topics();

  /**
   * Purges every queue, keeping topics, queues and subscriptions: the one call between tests that
   * share a bus.
   *
   * @return how many messages were deleted
   */
  int reset();

  /**
   * Returns a view whose topic and queue names are prefixed with {@code prefix--}, so that tests
   * sharing one bus never see each other's queues; its {@link #reset()} touches only its own.
   *
   * @param prefix letters, digits, hyphens and underscores
   * @return the view; closing it closes only its consumers
   */
  Bus namespace(String prefix);

  /** Stops every consumer of this bus. */
  @Override
  void close();
}
