package dev.vigil.bus;

/**
 * A bus operation that cannot be carried out: an unknown topic or queue, a message a queue does not
 * accept, or a publish failure injected on purpose.
 *
 * @since 0.1
 */
public class BusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong and what to do
   */
  public BusException(String message) {
    super(message);
  }
}
