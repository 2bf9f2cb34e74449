package dev.vigil.bus;

import dev.vigil.bus.internal.SqsLimits;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link BusConsumer} receives: how many messages it handles at once, how many it receives
 * per batch, and an optional visibility timeout of its own.
 *
 * @param concurrency handler invocations at once, 1 – 64
 * @param batchSize messages per receive, 1 – 10; the messages of a batch that were handled are
 *     acknowledged together once the whole batch is handled (choose 1 for handlers slow enough that
 *     a batch could outlast the visibility timeout)
 * @param visibilityTimeout the visibility timeout of its receives, or {@code null} for the queue's
 * @since 0.1
 */
public record ConsumerOptions(
    int concurrency, int batchSize, @Nullable Duration visibilityTimeout) {

  /** Largest concurrency a consumer accepts. */
  public static final int MAX_CONCURRENCY = 64;

  /** Checks the values. */
  public ConsumerOptions {
    if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
      throw new IllegalArgumentException(
          "concurrency must be between 1 and " + MAX_CONCURRENCY + ", was " + concurrency);
    }
    SqsLimits.checkBatch(batchSize);
    if (visibilityTimeout != null) {
      SqsLimits.checkRange("visibilityTimeout", visibilityTimeout, SqsLimits.MAX_VISIBILITY);
    }
  }

  /**
   * Returns one handler at a time, batches of 10, the queue's visibility timeout.
   *
   * @return the defaults
   */
  public static ConsumerOptions defaults() {
    return new ConsumerOptions(1, SqsLimits.MAX_BATCH, null);
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
    return new ConsumerOptions(concurrency, batchSize, timeout);
  }
}
