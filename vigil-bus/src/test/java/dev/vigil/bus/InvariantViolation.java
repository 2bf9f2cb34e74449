package dev.vigil.bus;

/** A broken bus invariant, named so that shrinking keeps to the same kind of failure. */
final class InvariantViolation extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final String invariant;

  InvariantViolation(String invariant, String message) {
    super(message);
    this.invariant = invariant;
  }

  /** The invariant broken, such as {@code conservation} or {@code FIFO order}. */
  String invariant() {
    return invariant;
  }

  /** What kind of failure {@code failure} is: its invariant, else its class. */
  static String kindOf(Throwable failure) {
    return failure instanceof InvariantViolation violation
        ? violation.invariant()
        : failure.getClass().getName();
  }
}
