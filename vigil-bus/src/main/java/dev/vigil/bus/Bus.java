package dev.vigil.bus;

/**
 * A message bus with SNS/SQS semantics: topics that fan out to subscribed queues, and queues with
 * visibility timeouts, receive counts, dead-letter queues and FIFO ordering. {@link EmbeddedBus} is
 * the in-JVM implementation on a Vigil context's time; every operation is recorded on the context's
 * timeline and wakes its waits.
 *
 * <p>{@code Bus} is the embedded bus's whole model; the part every backend (Kafka, SQS) honours is
 * {@link MessageBus}. Unknown topic or queue names fail with a {@link BusException} that names them
 * and lists what exists.
 *
 * @since 0.1
 */
public interface Bus extends PeekableBus, VisibilityBus {

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
   * Subscribes a queue to a topic with a filter policy or raw delivery, creating both when missing.
   *
   * @param subscription what to subscribe and how
   */
  void subscribe(Subscription subscription);

  /**
   * Returns a view whose topic and queue names are prefixed with {@code prefix--}, so that tests
   * sharing one bus never see each other's queues; its {@link #reset()} touches only its own.
   *
   * @param prefix letters, digits, hyphens and underscores
   * @return the view; closing it closes only its consumers
   */
  Bus namespace(String prefix);
}
