package dev.vigil.bus;

import java.util.List;

/**
 * A bus that can show what a queue holds without receiving it: the embedded bus (it owns the
 * queues) and Kafka (its capture keeps every record since it started). SQS cannot: its only way to
 * look is to receive, which counts toward the dead-letter limit. A test that needs {@link #peek}
 * asks for this type.
 *
 * @since 0.1
 */
public interface PeekableBus extends MessageBus {

  /**
   * Returns the messages a queue holds, in delivery order, without receiving them.
   *
   * @param queue the queue
   * @return the messages, each with its state
   */
  List<QueuedMessage> peek(String queue);
}
