package dev.vigil.example.customer;

/** Thrown by a {@link CustomerRepository} when its store cannot be reached or fails. */
public final class StoreUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what the repository was doing
   * @param cause the store's own failure
   */
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
