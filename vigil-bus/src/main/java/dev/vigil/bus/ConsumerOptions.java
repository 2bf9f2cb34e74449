package dev.vigil.bus;

import dev.vigil.bus.internal.SqsLimits;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link BusConsumer} receives: how many messages it handles at once, how many it receives
 * per batch, and an optional visibility timeout of its own. Immutable; each {@code withX} returns a
 * checked copy.
 *
 * <pre>{@code
 * bus.consume("orders", handler, ConsumerOptions.defaults().withConcurrency(4).withBatchSize(1));
 * }</pre>
 *
 * @since 0.1
 */
public final class ConsumerOptions {

  /** Largest concurrency a consumer accepts. */
  public static final int MAX_CONCURRENCY = 64;

  private static final ConsumerOptions DEFAULTS = new ConsumerOptions(1, SqsLimits.MAX_BATCH, null);

  private final int concurrency;
  private final int batchSize;
  private final @Nullable Duration visibilityTimeout;

  private ConsumerOptions(int concurrency, int batchSize, @Nullable Duration visibilityTimeout) {
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException(
          "concurrency must be between 1 and " + MAX_CONCURRENCY + ", was " + concurrency);
    }
    SqsLimits.checkBatch(batchSize);
    if (visibilityTimeout != null) {
      SqsLimits.checkRange("visibilityTimeout", visibilityTimeout, SqsLimits.MAX_VISIBILITY);
    }
    this.concurrency = concurrency;
    this.batchSize = batchSize;
    this.visibilityTimeout = visibilityTimeout;
  }

  /**
   * Returns one handler at a time, batches of 10, the queue's visibility timeout.
   *
   * @return the defaults
   */
  public static ConsumerOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Returns how many handler invocations run at once.
   *
   * @return 1 – 64
   */
  public int concurrency() {
    return concurrency;
  }

  /**
   * Returns how many messages a receive takes. The handled messages of a batch are acknowledged
   * together once the whole batch is handled (choose 1 for handlers slow enough that a batch could
   * outlast the visibility timeout).
   *
   * @return 1 – 10
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * Returns the visibility timeout of the consumer's receives.
   *
   * @return the timeout, or {@code null} for the queue's
   */
  public @Nullable Duration visibilityTimeout() {
    return visibilityTimeout;
  }

  /**
   * Returns a copy that runs up to {@code handlers} handler invocations at once.
   *
   * @param handlers 1 – 64
   * @return the copy
   */
  public ConsumerOptions withConcurrency(int handlers) {
    return new ConsumerOptions(handlers, batchSize, visibilityTimeout);
  }

  /**
   * Returns a copy that receives up to {@code messages} per batch.
   *
   * @param messages 1 – 10
   * @return the copy
   */
  public ConsumerOptions withBatchSize(int messages) {
    return new ConsumerOptions(concurrency, messages, visibilityTimeout);
  }

  /**
   * Returns a copy whose receives hide messages for {@code timeout}.
   *
   * @param timeout 0 – 12 h
   * @return the copy
   */
  public ConsumerOptions withVisibilityTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "visibilityTimeout must not be null");
    return new ConsumerOptions(concurrency, batchSize, timeout);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ConsumerOptions that
        && concurrency == that.concurrency
        && batchSize == that.batchSize
        && Objects.equals(visibilityTimeout, that.visibilityTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(concurrency, batchSize, visibilityTimeout);
  }

  @Override
  public String toString() {
    return "ConsumerOptions[concurrency="
        + concurrency
        + ", batchSize="
        + batchSize
        + ", visibilityTimeout="
        + visibilityTimeout
        + "]";
  }
}
