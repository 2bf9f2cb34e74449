package dev.vigil.bus;

/**
 * A running subscription of a {@link MessageHandler} to a queue. Closing it stops new deliveries;
 * messages being handled finish, and unacknowledged ones become visible again in time.
 *
 * @since 0.1
 */
public interface BusConsumer extends AutoCloseable {

  /**
   * Returns the queue consumed.
   *
   * @return the queue's name
   */
  String queue();

  /**
   * Returns how many messages the handler has acknowledged.
   *
   * @return handled without an exception and deleted
   */
  long acknowledged();

  /**
   * Returns how many deliveries the handler failed (threw for).
   *
   * @return failed deliveries
   */
  long failed();

  /** Stops delivering to the handler. */
  @Override
  void close();
}
