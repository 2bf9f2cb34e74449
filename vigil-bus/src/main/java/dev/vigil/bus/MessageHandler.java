package dev.vigil.bus;

/**
 * The code under test that consumes a queue: returning acknowledges (deletes) the message, throwing
 * leaves it to be received again when its visibility timeout ends.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface MessageHandler {

  /**
   * Handles one received message.
   *
   * @param message the message
   * @throws Exception to have the message retried
   */
  void handle(ReceivedMessage message) throws Exception;
}
