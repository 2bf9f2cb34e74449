package dev.vigil.bus;

import dev.vigil.timeline.Correlation;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The part of a message bus that every Vigil backend honours — the embedded bus ({@link
 * EmbeddedBus}), Kafka ({@code dev.vigil.kafka.KafkaBus}) and SQS ({@code dev.vigil.sqs.SqsBus}) —
 * so that one test runs on each of them: publish to a topic, send to a queue, consume with a
 * handler (acknowledge on success, retry on failure, dead-letter after {@code maxReceiveCount}
 * attempts), receive and acknowledge from the test, purge, and correlation ids carried in the
 * {@value Correlation#HEADER} attribute (a Kafka header). Every operation is recorded on the test's
 * timeline under source {@value BusEntries#SOURCE} with the types of {@link BusEntries}, and wakes
 * its waits.
 *
 * <p>What only some backends can do has a type of its own, so that a test that needs it says so by
 * the type it asks for: {@link PeekableBus} (look at a queue without receiving: embedded, Kafka),
 * {@link VisibilityBus} (visibility timeouts: embedded, SQS) and {@link Bus} (the embedded bus's
 * full SNS/SQS model: filter policies, FIFO queues, namespaces).
 *
 * <p>Names are portable when they are 1–80 letters, digits, hyphens and underscores. Unknown topic
 * or queue names fail with a {@link BusException} that names them.
 *
 * @since 0.1
 */
public interface MessageBus extends AutoCloseable {

  /**
   * Returns the backend's name, as failure texts and the timeline's {@code backend} attribute show
   * it.
   *
   * @return {@code "embedded"}, {@code "kafka"}, {@code "sqs"} or another backend's name
   */
  String backend();

  /**
   * Creates a topic; does nothing if it exists.
   *
   * @param name the topic's name
   */
  void createTopic(String name);

  /**
   * Creates a queue with the backend's default attributes; does nothing if it exists.
   *
   * @param name the queue's name
   */
  void createQueue(String name);

  /**
   * Creates a queue; does nothing if one with the same spec exists. Its dead-letter queue is
   * created with defaults when missing. A backend uses the attributes it has (Kafka has no
   * visibility timeout, delay or retention per queue) and ignores none silently: each backend's
   * Javadoc says which it honours.
   *
   * @param spec the queue's name and attributes
   */
  void createQueue(QueueSpec spec);

  /**
   * Makes {@code queue} receive everything published on {@code topic} from now on, creating both
   * when missing — like the seed's {@code subscribe_to}.
   *
   * @param topic the topic
   * @param queue the queue
   */
  void subscribe(String topic, String queue);

  /**
   * Publishes to a topic: every subscribed queue gets a copy.
   *
   * @param topic the topic
   * @param message the message
   * @return the message's id on this backend
   */
  String publish(String topic, Message message);

  /**
   * Sends a message straight to a queue.
   *
   * @param queue the queue
   * @param message the message
   * @return the message's id on this backend
   */
  String send(String queue, Message message);

  /**
   * Receives up to {@link Receive#maxMessages()} messages, waiting up to the request's wait time
   * for a first one; each stays in flight until {@link #delete deleted} or {@link #release
   * released}.
   *
   * @param queue the queue
   * @param request how many, and how long to wait
   * @return the messages, possibly none
   */
  List<ReceivedMessage> receive(String queue, Receive request);

  /**
   * Deletes (acknowledges) a received message.
   *
   * @param queue the queue
   * @param receiptHandle the handle of its latest receipt
   * @return {@code true} when the message was deleted; {@code false} when the handle is stale or
   *     unknown
   */
  boolean delete(String queue, String receiptHandle);

  /**
   * Makes a received message available again at once, to be received again (its receive count
   * grows): what a test does with a message it cannot read, so that nothing is lost.
   *
   * @param queue the queue
   * @param receiptHandle the handle of its latest receipt
   * @throws BusException when the message is not in flight under that handle
   */
  void release(String queue, String receiptHandle);

  /**
   * Deletes every message waiting in a queue.
   *
   * @param queue the queue
   * @return how many messages were deleted, or -1 when the backend cannot count them (SQS)
   */
  int purge(String queue);

  /**
   * Returns how many messages a queue holds, by state; exact on the embedded bus and Kafka,
   * approximate on SQS.
   *
   * @param queue the queue
   * @return the counts
   */
  QueueStats stats(String queue);

  /**
   * Runs {@code handler} for each message of {@code queue}, one at a time: success acknowledges the
   * message, an exception leaves it to be retried, and after {@code maxReceiveCount} attempts it
   * goes to the queue's dead-letter queue.
   *
   * @param queue the queue
   * @param handler the code under test
   * @return the running consumer; close it to stop
   */
  default BusConsumer consume(String queue, MessageHandler handler) {
    return consume(queue, handler, ConsumerOptions.defaults());
  }

  /**
   * Runs {@code handler} for each message of {@code queue} with the given concurrency and batch
   * size.
   *
   * @param queue the queue
   * @param handler the code under test
   * @param options concurrency, batch size, visibility timeout (where the backend has one)
   * @return the running consumer; close it to stop
   */
  BusConsumer consume(String queue, MessageHandler handler, ConsumerOptions options);

  /**
   * Returns the spec a queue was created with.
   *
   * @param queue the queue
   * @return its name and attributes
   * @throws BusException when there is no such queue
   */
  QueueSpec spec(String queue);

  /**
   * Returns the names of the queues this bus created or knows.
   *
   * @return the names, sorted
   */
  Set<String> queues();

  /**
   * Returns the names of the topics this bus created or knows.
   *
   * @return the names, sorted
   */
  Set<String> topics();

  /**
   * Purges every queue, keeping topics, queues and subscriptions: the one call between tests that
   * share a bus.
   *
   * @return how many messages were deleted, or -1 when the backend cannot count them
   */
  int reset();

  /**
   * Returns how long one receive of {@link BusTestClient#drain} may wait for a first message. Zero
   * on backends that wake the context's waits the moment a message arrives (embedded, Kafka); a
   * short long poll on those that cannot tell (SQS), so that a drain neither spins nor sleeps.
   *
   * @return zero unless the backend must be asked
   */
  default Duration longPollWait() {
    return Duration.ZERO;
  }

  /** Stops every consumer of this bus and releases its clients; the broker keeps running. */
  @Override
  void close();
}
