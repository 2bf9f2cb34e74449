package dev.vigil.bus;

/**
 * How many messages a queue holds, by state, like SQS's approximate counts.
 *
 * @param visible ready to be received
 * @param inFlight received and not yet deleted, invisible until their visibility timeout ends
 * @param delayed sent with a delay that has not yet passed
 * @since 0.1
 */
public record QueueStats(int visible, int inFlight, int delayed) {

  /**
   * Returns all messages the queue holds.
   *
   * @return visible + in flight + delayed
   */
  public int total() {
    return visible + inFlight + delayed;
  }
}
