package dev.vigil.bus;

import java.util.Objects;

/**
 * The source and types of the timeline entries the embedded bus records, so that a test queries and
 * waits on them by name rather than by a string it had to guess. Every type reads {@code <what>
 * <where>}, where {@code <where>} is the full queue or topic name (with its {@code prefix--} in a
 * {@linkplain Bus#namespace(String) namespace}); each entry carries the message's correlation id
 * and, as causation, its message id.
 *
 * <table>
 *   <caption>Entry types of source {@value #SOURCE}</caption>
 *   <tr><th>method</th><th>type</th><th>recorded when</th></tr>
 *   <tr><td>{@link #publish}</td><td>{@code publish <topic>}</td>
 *       <td>a message is published; attribute {@code deliveredTo} lists the queues</td></tr>
 *   <tr><td>{@link #send}</td><td>{@code send <queue>}</td>
 *       <td>a message joins a queue, sent or delivered by a topic</td></tr>
 *   <tr><td>{@link #deduplicate}</td><td>{@code deduplicate <queue>}</td>
 *       <td>a FIFO queue drops a message whose deduplication id it saw within 5 minutes</td></tr>
 *   <tr><td>{@link #receive}</td><td>{@code receive <queue>}</td>
 *       <td>a message is received (by a consumer or a receive call)</td></tr>
 *   <tr><td>{@link #ack}</td><td>{@code ack <queue>}</td><td>a received message is deleted</td></tr>
 *   <tr><td>{@link #deleteIgnored}</td><td>{@code delete-ignored <queue>}</td>
 *       <td>a delete named a stale or unknown receipt handle</td></tr>
 *   <tr><td>{@link #handlerFailed}</td><td>{@code handler-failed <queue>}</td>
 *       <td>a consumer's handler threw; the message is retried after its visibility timeout</td></tr>
 *   <tr><td>{@link #retry}</td><td>{@code retry <queue>}</td>
 *       <td>an unacknowledged message's visibility timeout ended: it is visible again</td></tr>
 *   <tr><td>{@link #changeVisibility}</td><td>{@code change-visibility <queue>}</td>
 *       <td>an in-flight message's visibility timeout was changed</td></tr>
 *   <tr><td>{@link #deadLetter}</td><td>{@code dead-letter <queue>}</td>
 *       <td>a message used up its receives and moves to the dead-letter queue</td></tr>
 *   <tr><td>{@link #expire}</td><td>{@code expire <queue>}</td>
 *       <td>a message outlived the queue's retention period</td></tr>
 *   <tr><td>{@link #purge}</td><td>{@code purge <queue>}</td><td>a queue was purged</td></tr>
 *   <tr><td>{@link #fault}</td><td>{@code fault.<kind> <target>}</td>
 *       <td>a {@link FaultPlan} fault struck; kinds are the {@code FAULT_*} constants</td></tr>
 * </table>
 *
 * <p>The {@link BusTestClient} records under source {@value #CLIENT_SOURCE}: {@link #undecodable}.
 *
 * <pre>{@code
 * vigil.timeline().trace(orderId).containsInOrder(
 *     BusEntries.publish("order--created"), BusEntries.ack("billing"));
 * vigil.eventually(() -> billing.isPaid(orderId))
 *     .failFastWhen("billing's handler failed",
 *         () -> !vigil.timeline().byType(BusEntries.handlerFailed("billing")).isEmpty())
 *     .within(Duration.ofSeconds(10));
 * }</pre>
 *
 * @since 0.1
 */
public final class BusEntries {

  /** The source of every entry the bus records. */
  public static final String SOURCE = "bus";

  /** The source of the entries a {@link BusTestClient} records. */
  public static final String CLIENT_SOURCE = "bus-client";

  /** Fault kind: a sent message was enqueued twice ({@link FaultPlan#withDuplicates}). */
  public static final String FAULT_DUPLICATE = "duplicate";

  /** Fault kind: a sent message may overtake earlier ones ({@link FaultPlan#withReordering}). */
  public static final String FAULT_REORDER = "reorder";

  /** Fault kind: a sent message's delivery was delayed ({@link FaultPlan#withDelay}). */
  public static final String FAULT_DELAY = "delay";

  /** Fault kind: an acknowledgement was lost ({@link FaultPlan#withCrashBeforeAck}). */
  public static final String FAULT_CRASH_BEFORE_ACK = "crash-before-ack";

  /** Fault kind: a publish or send failed ({@link FaultPlan#withPublishFailures}). */
  public static final String FAULT_PUBLISH_FAILURE = "publish-failure";

  private BusEntries() {}

  /**
   * Returns the type of a publish to a topic.
   *
   * @param topic the topic
   * @return {@code publish <topic>}
   */
  public static String publish(String topic) {
    return type("publish", topic);
  }

  /**
   * Returns the type of a message joining a queue.
   *
   * @param queue the queue
   * @return {@code send <queue>}
   */
  public static String send(String queue) {
    return type("send", queue);
  }

  /**
   * Returns the type of a FIFO duplicate dropped by a queue.
   *
   * @param queue the queue
   * @return {@code deduplicate <queue>}
   */
  public static String deduplicate(String queue) {
    return type("deduplicate", queue);
  }

  /**
   * Returns the type of a receipt from a queue.
   *
   * @param queue the queue
   * @return {@code receive <queue>}
   */
  public static String receive(String queue) {
    return type("receive", queue);
  }

  /**
   * Returns the type of an acknowledgement (a delete) on a queue.
   *
   * @param queue the queue
   * @return {@code ack <queue>}
   */
  public static String ack(String queue) {
    return type("ack", queue);
  }

  /**
   * Returns the type of a delete with a stale or unknown receipt handle.
   *
   * @param queue the queue
   * @return {@code delete-ignored <queue>}
   */
  public static String deleteIgnored(String queue) {
    return type("delete-ignored", queue);
  }

  /**
   * Returns the type of a consumer's handler failing; attribute {@code exception} names the class.
   *
   * @param queue the consumer's queue
   * @return {@code handler-failed <queue>}
   */
  public static String handlerFailed(String queue) {
    return type("handler-failed", queue);
  }

  /**
   * Returns the type of a message visible again after its visibility timeout.
   *
   * @param queue the queue
   * @return {@code retry <queue>}
   */
  public static String retry(String queue) {
    return type("retry", queue);
  }

  /**
   * Returns the type of a changed visibility timeout.
   *
   * @param queue the queue
   * @return {@code change-visibility <queue>}
   */
  public static String changeVisibility(String queue) {
    return type("change-visibility", queue);
  }

  /**
   * Returns the type of a message moving to the dead-letter queue of {@code queue}.
   *
   * @param queue the queue the message leaves, not the dead-letter queue
   * @return {@code dead-letter <queue>}
   */
  public static String deadLetter(String queue) {
    return type("dead-letter", queue);
  }

  /**
   * Returns the type of a message dropped after the retention period.
   *
   * @param queue the queue
   * @return {@code expire <queue>}
   */
  public static String expire(String queue) {
    return type("expire", queue);
  }

  /**
   * Returns the type of a purge.
   *
   * @param queue the queue
   * @return {@code purge <queue>}
   */
  public static String purge(String queue) {
    return type("purge", queue);
  }

  /**
   * Returns the type of an injected fault.
   *
   * @param kind one of the {@code FAULT_*} constants, such as {@link #FAULT_DUPLICATE}
   * @param target the queue or topic
   * @return {@code fault.<kind> <target>}
   */
  public static String fault(String kind, String target) {
    return type("fault." + Objects.requireNonNull(kind, "kind must not be null"), target);
  }

  /**
   * Returns the type a {@link BusTestClient} records, under {@link #CLIENT_SOURCE}, for a body it
   * could not decode.
   *
   * @param queue the queue
   * @return {@code undecodable <queue>}
   */
  public static String undecodable(String queue) {
    return type("undecodable", queue);
  }

  private static String type(String what, String where) {
    return what + " " + Objects.requireNonNull(where, "queue or topic name must not be null");
  }
}
