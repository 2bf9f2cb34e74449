package dev.vigil.bus;

import dev.vigil.bus.internal.SqsLimits;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to receive: how many messages at most, and optionally a visibility timeout and a wait time
 * that override the queue's. Immutable; each {@code withX} returns a checked copy.
 *
 * <pre>{@code
 * List<ReceivedMessage> batch =
 *     bus.receive("orders", Receive.upTo(10).waitingUpTo(Duration.ofSeconds(20)));
 * }</pre>
 *
 * @since 0.1
 */
public final class Receive {
  private final int maxMessages;
  private final @Nullable Duration visibilityTimeout;
  private final @Nullable Duration waitTime;

  private Receive(
      int maxMessages, @Nullable Duration visibilityTimeout, @Nullable Duration waitTime) {
    SqsLimits.checkBatch(maxMessages);
    if (visibilityTimeout != null) {
      SqsLimits.checkRange("visibilityTimeout", visibilityTimeout, SqsLimits.MAX_VISIBILITY);
    }
    if (waitTime != null) {
      SqsLimits.checkRange("waitTime", waitTime, SqsLimits.MAX_WAIT);
    }
    this.maxMessages = maxMessages;
    this.visibilityTimeout = visibilityTimeout;
    this.waitTime = waitTime;
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
   * Returns how many messages a receive takes at most.
   *
   * @return 1 – 10
   */
  public int maxMessages() {
    return maxMessages;
  }

  /**
   * Returns how long the received messages stay invisible.
   *
   * @return the timeout, or {@code null} for the queue's
   */
  public @Nullable Duration visibilityTimeout() {
    return visibilityTimeout;
  }

  /**
   * Returns how long to wait for a first message (long polling).
   *
   * @return the wait, or {@code null} for the queue's receive wait time
   */
  public @Nullable Duration waitTime() {
    return waitTime;
  }

  /**
   * Returns a copy that makes the received messages invisible for {@code timeout}.
   *
   * @param timeout 0 – 12 h
   * @return the copy
   */
  public Receive withVisibilityTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "visibilityTimeout must not be null");
    return new Receive(maxMessages, timeout, waitTime);
  }

  /**
   * Returns a copy that waits up to {@code wait} for a first message.
   *
   * @param wait 0 – 20 s
   * @return the copy
   */
  public Receive waitingUpTo(Duration wait) {
    Objects.requireNonNull(wait, "waitTime must not be null");
    return new Receive(maxMessages, visibilityTimeout, wait);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Receive that
        && maxMessages == that.maxMessages
        && Objects.equals(visibilityTimeout, that.visibilityTimeout)
        && Objects.equals(waitTime, that.waitTime);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxMessages, visibilityTimeout, waitTime);
  }

  @Override
  public String toString() {
    return "Receive[maxMessages="
        + maxMessages
        + ", visibilityTimeout="
        + visibilityTimeout
        + ", waitTime="
        + waitTime
        + "]";
  }
}
