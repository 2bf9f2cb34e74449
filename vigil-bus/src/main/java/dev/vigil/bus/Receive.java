package dev.vigil.bus;

import dev.vigil.bus.internal.SqsLimits;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How to receive: how many messages at most, and optionally a visibility timeout and a wait time
 * that override the queue's.
 *
 * <pre>{@code
 * List<ReceivedMessage> batch =
 *     bus.receive("orders", Receive.upTo(10).waitingUpTo(Duration.ofSeconds(20)));
 * }</pre>
 *
 * @param maxMessages 1 – 10
 * @param visibilityTimeout how long the received messages stay invisible, or {@code null} for the
 *     queue's
 * @param waitTime how long to wait for a first message (long polling), or {@code null} for the
 *     queue's receive wait time
 * @since 0.1
 */
public record Receive(
    int maxMessages, @Nullable Duration visibilityTimeout, @Nullable Duration waitTime) {

  /** Checks the values against SQS's limits. */
  public Receive {
    SqsLimits.checkBatch(maxMessages);
    if (visibilityTimeout != null) {
      SqsLimits.checkRange("visibilityTimeout", visibilityTimeout, SqsLimits.MAX_VISIBILITY);
    }
    if (waitTime != null) {
      SqsLimits.checkRange("waitTime", waitTime, SqsLimits.MAX_WAIT);
    }
  }

  /**
   * Receives one message at most, with the queue's visibility timeout and wait time.
   *
   * @return the request
   */
  public static Receive one() {
    return upTo(1);
  }

  /**
   * Receives up to {@code maxMessages} messages.
   *
   * @param maxMessages 1 – 10
   * @return the request
   */
  public static Receive upTo(int maxMessages) {
    return new Receive(maxMessages, null, null);
  }

  /**
   * Returns a copy that makes the received messages invisible for {@code timeout}.
   *
   * @param timeout 0 – 12 h
   * @return the copy
   */
  public Receive withVisibilityTimeout(Duration timeout) {
    return new Receive(maxMessages, timeout, waitTime);
  }

  /**
   * Returns a copy that waits up to {@code wait} for a first message.
   *
   * @param wait 0 – 20 s
   * @return the copy
   */
  public Receive waitingUpTo(Duration wait) {
    return new Receive(maxMessages, visibilityTimeout, wait);
  }
}
