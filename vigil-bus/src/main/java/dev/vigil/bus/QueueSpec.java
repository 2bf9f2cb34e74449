package dev.vigil.bus;

import dev.vigil.bus.internal.SqsLimits;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to create a queue: its name and the SQS attributes that shape delivery. Defaults are SQS's
 * (visibility timeout 30 s, no delay, retention 4 days, no long polling, no dead-letter queue), so
 * a test runs the settings production runs. A name ending in {@code .fifo} makes a FIFO queue.
 *
 * <pre>{@code
 * bus.createQueue(QueueSpec.named("customer--order-created")
 *     .withDeadLetterQueue("customer--order-created--dlq", 3));
 * }</pre>
 *
 * @param name 1–80 letters, digits, hyphens and underscores, plus {@code .fifo} for FIFO
 * @param visibilityTimeout how long a received message stays invisible (0 – 12 h)
 * @param delay how long every new message stays invisible (0 – 15 min)
 * @param retention how long a message is kept (1 min – 14 days)
 * @param receiveWaitTime how long a receive waits for a message by default (0 – 20 s)
 * @param deadLetterQueue where a message goes after {@code maxReceiveCount} receives, or {@code
 *     null}
 * @param maxReceiveCount receives before a message is dead-lettered (1 – 1000); ignored without a
 *     dead-letter queue
 * @param contentBasedDeduplication FIFO only: deduplicate by a hash of the body when a message has
 *     no deduplication id
 * @since 0.1
 */
public record QueueSpec(
    String name,
    Duration visibilityTimeout,
    Duration delay,
    Duration retention,
    Duration receiveWaitTime,
    @Nullable String deadLetterQueue,
    int maxReceiveCount,
    boolean contentBasedDeduplication) {

  /** Checks every attribute against SQS's limits. */
  public QueueSpec {
    SqsLimits.checkQueueName("name", name);
    SqsLimits.checkRange("visibilityTimeout", visibilityTimeout, SqsLimits.MAX_VISIBILITY);
    SqsLimits.checkRange("delay", delay, SqsLimits.MAX_DELAY);
    SqsLimits.checkRange("retention", retention, SqsLimits.MIN_RETENTION, SqsLimits.MAX_RETENTION);
    SqsLimits.checkRange("receiveWaitTime", receiveWaitTime, SqsLimits.MAX_WAIT);
    if (deadLetterQueue != null) {
      SqsLimits.checkQueueName("deadLetterQueue", deadLetterQueue);
      if (deadLetterQueue.endsWith(".fifo") != name.endsWith(".fifo")) {
        throw new IllegalArgumentException(
            "deadLetterQueue must be of the same type as the queue (FIFO or standard), was '"
                + deadLetterQueue
                + "' for '"
                + name
                + "'");
      }
      if (deadLetterQueue.equals(name)) {
        throw new IllegalArgumentException(
            "deadLetterQueue must differ from the queue itself, was '" + deadLetterQueue + "'");
      }
    }
    if (maxReceiveCount < 1 || maxReceiveCount > SqsLimits.MAX_RECEIVE_COUNT) {
      throw new IllegalArgumentException(
          "maxReceiveCount must be between 1 and "
              + SqsLimits.MAX_RECEIVE_COUNT
              + ", was "
              + maxReceiveCount);
    }
    if (contentBasedDeduplication && !name.endsWith(".fifo")) {
      throw new IllegalArgumentException(
          "contentBasedDeduplication applies to FIFO queues only, was set for '" + name + "'");
    }
  }

  /**
   * Returns the spec of a queue with SQS's default attributes.
   *
   * @param name the queue's name
   * @return the spec
   */
  public static QueueSpec named(String name) {
    return new QueueSpec(
        name,
        Duration.ofSeconds(30),
        Duration.ZERO,
        Duration.ofDays(4),
        Duration.ZERO,
        null,
        SqsLimits.DEFAULT_MAX_RECEIVE_COUNT,
        false);
  }

  /**
   * Tells whether this is a FIFO queue.
   *
   * @return {@code true} when the name ends in {@code .fifo}
   */
  public boolean fifo() {
    return name.endsWith(".fifo");
  }

  /**
   * Returns a copy with another visibility timeout.
   *
   * @param timeout 0 – 12 h
   * @return the copy
   */
  public QueueSpec withVisibilityTimeout(Duration timeout) {
    return new QueueSpec(
        name,
        timeout,
        delay,
        retention,
        receiveWaitTime,
        deadLetterQueue,
        maxReceiveCount,
        contentBasedDeduplication);
  }

  /**
   * Returns a copy whose new messages stay invisible for {@code newDelay}.
   *
   * @param newDelay 0 – 15 min
   * @return the copy
   */
  public QueueSpec withDelay(Duration newDelay) {
    return new QueueSpec(
        name,
        visibilityTimeout,
        newDelay,
        retention,
        receiveWaitTime,
        deadLetterQueue,
        maxReceiveCount,
        contentBasedDeduplication);
  }

  /**
   * Returns a copy that keeps messages for {@code newRetention}.
   *
   * @param newRetention 1 min – 14 days
   * @return the copy
   */
  public QueueSpec withRetention(Duration newRetention) {
    return new QueueSpec(
        name,
        visibilityTimeout,
        delay,
        newRetention,
        receiveWaitTime,
        deadLetterQueue,
        maxReceiveCount,
        contentBasedDeduplication);
  }

  /**
   * Returns a copy whose receives wait up to {@code waitTime} for a message (long polling).
   *
   * @param waitTime 0 – 20 s
   * @return the copy
   */
  public QueueSpec withReceiveWaitTime(Duration waitTime) {
    return new QueueSpec(
        name,
        visibilityTimeout,
        delay,
        retention,
        waitTime,
        deadLetterQueue,
        maxReceiveCount,
        contentBasedDeduplication);
  }

  /**
   * Returns a copy that moves a message to {@code queue} once it has been received {@code
   * maxReceives} times without being deleted (the SQS redrive policy).
   *
   * @param queue the dead-letter queue; created with SQS defaults if it does not exist
   * @param maxReceives 1 – 1000
   * @return the copy
   */
  public QueueSpec withDeadLetterQueue(String queue, int maxReceives) {
    return new QueueSpec(
        name,
        visibilityTimeout,
        delay,
        retention,
        receiveWaitTime,
        Objects.requireNonNull(queue, "deadLetterQueue must not be null"),
        maxReceives,
        contentBasedDeduplication);
  }

  /**
   * Returns a copy that deduplicates FIFO messages by a hash of their body.
   *
   * @return the copy
   */
  public QueueSpec withContentBasedDeduplication() {
    return new QueueSpec(
        name,
        visibilityTimeout,
        delay,
        retention,
        receiveWaitTime,
        deadLetterQueue,
        maxReceiveCount,
        true);
  }
}
