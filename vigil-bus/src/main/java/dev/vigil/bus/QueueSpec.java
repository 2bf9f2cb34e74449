package dev.vigil.bus;

import dev.vigil.bus.internal.SqsLimits;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How to create a queue: its name and the SQS attributes that shape delivery. Defaults are SQS's
 * (visibility timeout 30 s, no delay, retention 4 days, no long polling, no dead-letter queue), so
 * a test runs the settings production runs. A name ending in {@code .fifo} makes a FIFO queue.
 * Immutable; each {@code withX} returns a checked copy.
 *
 * <pre>{@code
 * bus.createQueue(QueueSpec.named("customer--order-created")
 *     .withDeadLetterQueue("customer--order-created--dlq", 3));
 * }</pre>
 *
 * @since 0.1
 */
public final class QueueSpec {
  private final String name;
  private final Duration visibilityTimeout;
  private final Duration delay;
  private final Duration retention;
  private final Duration receiveWaitTime;
  private final @Nullable String deadLetterQueue;
  private final int maxReceiveCount;
  private final boolean contentBasedDeduplication;

  /** A spec being changed: the one mutable step of a copy. */
  private static final class Draft {
    String name;
    Duration visibilityTimeout = Duration.ofSeconds(30);
    Duration delay = Duration.ZERO;
    Duration retention = Duration.ofDays(4);
    Duration receiveWaitTime = Duration.ZERO;
    @Nullable String deadLetterQueue;
    int maxReceiveCount = SqsLimits.DEFAULT_MAX_RECEIVE_COUNT;
    boolean contentBasedDeduplication;

    Draft(String name) {
      this.name = name;
    }

    Draft(QueueSpec spec) {
      this.name = spec.name;
      this.visibilityTimeout = spec.visibilityTimeout;
      this.delay = spec.delay;
      this.retention = spec.retention;
      this.receiveWaitTime = spec.receiveWaitTime;
      this.deadLetterQueue = spec.deadLetterQueue;
      this.maxReceiveCount = spec.maxReceiveCount;
      this.contentBasedDeduplication = spec.contentBasedDeduplication;
    }
  }

  private QueueSpec(Draft draft) {
    this.name = draft.name;
    this.visibilityTimeout = draft.visibilityTimeout;
    this.delay = draft.delay;
    this.retention = draft.retention;
    this.receiveWaitTime = draft.receiveWaitTime;
    this.deadLetterQueue = draft.deadLetterQueue;
    this.maxReceiveCount = draft.maxReceiveCount;
    this.contentBasedDeduplication = draft.contentBasedDeduplication;
    check();
  }

  /**
   * Returns the spec of a queue with SQS's default attributes.
   *
   * @param name 1–80 letters, digits, hyphens and underscores, plus {@code .fifo} for FIFO
   * @return the spec
   */
  public static QueueSpec named(String name) {
    return new QueueSpec(new Draft(name));
  }

  private QueueSpec with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return new QueueSpec(draft);
  }

  private void check() {
    SqsLimits.checkQueueName("name", name);
    SqsLimits.checkRange("visibilityTimeout", visibilityTimeout, SqsLimits.MAX_VISIBILITY);
    SqsLimits.checkRange("delay", delay, SqsLimits.MAX_DELAY);
    SqsLimits.checkRange("retention", retention, SqsLimits.MIN_RETENTION, SqsLimits.MAX_RETENTION);
    SqsLimits.checkRange("receiveWaitTime", receiveWaitTime, SqsLimits.MAX_WAIT);
    if (deadLetterQueue != null) {
      checkDeadLetterQueue(deadLetterQueue);
    }
    if (maxReceiveCount < 1 || maxReceiveCount > SqsLimits.MAX_RECEIVE_COUNT) {
      throw new IllegalArgumentException(
          "maxReceiveCount must be between 1 and "
              + SqsLimits.MAX_RECEIVE_COUNT
              + ", was "
              + maxReceiveCount);
    }
    if (contentBasedDeduplication && !fifo()) {
      throw new IllegalArgumentException(
          "contentBasedDeduplication applies to FIFO queues only, was set for '" + name + "'");
    }
  }

  private void checkDeadLetterQueue(String queue) {
    SqsLimits.checkQueueName("deadLetterQueue", queue);
    if (queue.endsWith(".fifo") != fifo()) {
      throw new IllegalArgumentException(
          "deadLetterQueue must be of the same type as the queue (FIFO or standard), was '"
              + queue
              + "' for '"
              + name
              + "'");
    }
    if (queue.equals(name)) {
      throw new IllegalArgumentException(
          "deadLetterQueue must differ from the queue itself, was '" + queue + "'");
    }
  }

  /**
   * Returns the queue's name.
   *
   * @return 1–80 letters, digits, hyphens and underscores, ending in {@code .fifo} for a FIFO queue
   */
  public String name() {
    return name;
  }

  /**
   * Returns how long a received message stays invisible before it can be received again.
   *
   * @return 0 – 12 h; 30 s unless changed
   */
  public Duration visibilityTimeout() {
    return visibilityTimeout;
  }

  /**
   * Returns how long every new message stays invisible after it is sent, unless the message sets a
   * delay of its own ({@link Message#withDelay}).
   *
   * @return 0 – 15 min; zero (no delay) unless changed
   */
  public Duration delay() {
    return delay;
  }

  /**
   * Returns how long a message is kept after it is sent before the queue drops it, received or not.
   *
   * @return 1 min – 14 days; 4 days unless changed
   */
  public Duration retention() {
    return retention;
  }

  /**
   * Returns how long a receive that names no wait time of its own waits for a message (long
   * polling).
   *
   * @return 0 – 20 s; zero (return at once when the queue is empty) unless changed
   */
  public Duration receiveWaitTime() {
    return receiveWaitTime;
  }

  /**
   * Returns the queue a message moves to once it has been received {@link #maxReceiveCount()} times
   * without being deleted.
   *
   * @return the dead-letter queue's name, or {@code null} when messages are never moved (the
   *     default)
   */
  public @Nullable String deadLetterQueue() {
    return deadLetterQueue;
  }

  /**
   * Returns how many receives a message gets before it moves to the {@link #deadLetterQueue()}.
   *
   * @return 1 – 1000; 3 unless changed; meaningless while there is no dead-letter queue
   */
  public int maxReceiveCount() {
    return maxReceiveCount;
  }

  /**
   * Tells whether FIFO messages without a deduplication id are deduplicated by a hash of their
   * body.
   *
   * @return {@code true} only for a FIFO queue made with {@link #withContentBasedDeduplication()};
   *     {@code false} by default, when a FIFO message needs its own deduplication id
   */
  public boolean contentBasedDeduplication() {
    return contentBasedDeduplication;
  }

  /**
   * Tells whether this is a FIFO queue, which delivers each message group in order and drops
   * duplicates sent within five minutes.
   *
   * @return {@code true} when the name ends in {@code .fifo}
   */
  public boolean fifo() {
    return name.endsWith(".fifo");
  }

  /**
   * Returns a copy for a queue of another name, with the same attributes.
   *
   * @param newName 1–80 letters, digits, hyphens and underscores, plus {@code .fifo} for FIFO
   * @return the copy
   */
  public QueueSpec withName(String newName) {
    return with(d -> d.name = newName);
  }

  /**
   * Returns a copy with another visibility timeout.
   *
   * @param timeout 0 – 12 h
   * @return the copy
   */
  public QueueSpec withVisibilityTimeout(Duration timeout) {
    return with(d -> d.visibilityTimeout = timeout);
  }

  /**
   * Returns a copy whose new messages stay invisible for {@code newDelay}.
   *
   * @param newDelay 0 – 15 min
   * @return the copy
   */
  public QueueSpec withDelay(Duration newDelay) {
    return with(d -> d.delay = newDelay);
  }

  /**
   * Returns a copy that keeps messages for {@code newRetention}.
   *
   * @param newRetention 1 min – 14 days
   * @return the copy
   */
  public QueueSpec withRetention(Duration newRetention) {
    return with(d -> d.retention = newRetention);
  }

  /**
   * Returns a copy whose receives wait up to {@code waitTime} for a message (long polling).
   *
   * @param waitTime 0 – 20 s
   * @return the copy
   */
  public QueueSpec withReceiveWaitTime(Duration waitTime) {
    return with(d -> d.receiveWaitTime = waitTime);
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
    Objects.requireNonNull(queue, "deadLetterQueue must not be null");
    return with(
        d -> {
          d.deadLetterQueue = queue;
          d.maxReceiveCount = maxReceives;
        });
  }

  /**
   * Returns a copy that deduplicates FIFO messages by a hash of their body.
   *
   * @return the copy
   */
  public QueueSpec withContentBasedDeduplication() {
    return with(d -> d.contentBasedDeduplication = true);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof QueueSpec that && attributes().equals(that.attributes());
  }

  @Override
  public int hashCode() {
    return attributes().hashCode();
  }

  /** Every attribute, in declaration order: what equality compares. */
  private List<@Nullable Object> attributes() {
    return Arrays.asList(
        name,
        visibilityTimeout,
        delay,
        retention,
        receiveWaitTime,
        deadLetterQueue,
        maxReceiveCount,
        contentBasedDeduplication);
  }

  @Override
  public String toString() {
    return "QueueSpec[name="
        + name
        + ", visibilityTimeout="
        + visibilityTimeout
        + ", delay="
        + delay
        + ", retention="
        + retention
        + ", receiveWaitTime="
        + receiveWaitTime
        + ", deadLetterQueue="
        + deadLetterQueue
        + ", maxReceiveCount="
        + maxReceiveCount
        + ", contentBasedDeduplication="
        + contentBasedDeduplication
        + "]";
  }
}
