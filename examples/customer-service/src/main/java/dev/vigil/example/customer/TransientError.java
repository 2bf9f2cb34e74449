package dev.vigil.example.customer;

/**
 * A failure that may pass if the message is handled again later — the customer is not stored yet,
 * or the store is unavailable. The consumer rethrows it so that the bus redelivers the message
 * after its visibility timeout and, after {@code maxReceiveCount} receives, moves it to the
 * dead-letter queue: the seed's {@code AWSSNSSQSInternalServiceError}. Every other failure is
 * discarded.
 */
public final class TransientError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the error.
   *
   * @param message what failed, and why it may pass later
   */
  public TransientError(String message) {
    super(message);
  }

  /**
   * Creates the error with its cause.
   *
   * @param message what failed, and why it may pass later
   * @param cause the underlying failure
   */
  public TransientError(String message, Throwable cause) {
    super(message, cause);
  }
}
