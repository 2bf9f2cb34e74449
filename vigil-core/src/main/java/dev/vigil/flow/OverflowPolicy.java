package dev.vigil.flow;

/**
 * What a producer does when its consumer asks for items more slowly than it makes them, named as
 * Reactor and Kotlin name them; {@link OverflowCheck} checks that what a subscriber received fits.
 * Only the drop policies depend on a buffer's capacity: a capacity given to the check sharpens
 * them.
 *
 * @since 0.1
 */
public enum OverflowPolicy {
  /**
   * Keep everything until it is asked for: every item offered arrives, in order. Reactor's {@code
   * onBackpressureBuffer()}, RxJava's {@code BUFFER}.
   */
  BUFFER,

  /**
   * Make the producer wait for room: every item offered arrives, in order, and the producer was
   * seen blocked. {@code SubmissionPublisher.submit}, {@code BlockingQueue.put}, Kotlin's {@code
   * BufferOverflow.SUSPEND}.
   */
  BLOCK,

  /**
   * With the buffer full, drop the item being offered: what arrives is an in-order subsequence of
   * what was offered, and the first {@code capacity} items always arrive. {@code
   * SubmissionPublisher.offer}, Reactor's {@code onBackpressureDrop()} and {@code
   * BufferOverflowStrategy.DROP_LATEST}, Kotlin's {@code DROP_LATEST}, RxJava's {@code DROP}.
   */
  DROP_LATEST,

  /**
   * With the buffer full, drop the oldest item buffered to make room: what arrives is an in-order
   * subsequence of what was offered, and the last {@code capacity} items always arrive. Reactor's
   * {@code BufferOverflowStrategy.DROP_OLDEST} and, with a capacity of 1, {@code
   * onBackpressureLatest()}; Kotlin's {@code DROP_OLDEST}; RxJava's {@code LATEST}.
   */
  DROP_OLDEST,

  /**
   * With the buffer full, fail the stream: an in-order prefix of what was offered arrives, then
   * onError. Reactor's {@code onBackpressureError()}, RxJava's {@code ERROR}.
   */
  ERROR
}
