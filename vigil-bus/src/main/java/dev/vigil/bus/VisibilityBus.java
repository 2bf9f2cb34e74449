package dev.vigil.bus;

import java.time.Duration;

/**
 * A bus with SQS's visibility timeouts: a received message is hidden for a while and comes back
 * unless deleted. The embedded bus and SQS have them; Kafka does not (a record stays where it is
 * and a consumer's offset decides what it reads next). A test that needs {@link #changeVisibility}
 * asks for this type.
 *
 * @since 0.1
 */
public interface VisibilityBus extends MessageBus {

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
   * Makes a received message visible again at once: {@link #changeVisibility} to zero.
   *
   * @param queue the queue
   * @param receiptHandle the handle of its latest receipt
   */
  @Override
  default void release(String queue, String receiptHandle) {
    changeVisibility(queue, receiptHandle, Duration.ZERO);
  }
}
