package dev.vigil.assertj;

/**
 * Assertions on what a queue holds; see {@link AbstractQueueAssert}.
 *
 * @since 0.1
 */
public class QueueAssert extends AbstractQueueAssert<QueueAssert> {

  /**
   * Creates assertions on a queue; they can wait on the test client's context.
   *
   * @param actual the queue
   */
  public QueueAssert(BusQueue actual) {
    super(actual, QueueAssert.class);
  }
}
