package dev.vigil.timeline;

/**
 * A {@link Trace} assertion failed; the message shows the expected chain beside the actual one,
 * with indices.
 *
 * @since 0.1
 */
public final class TraceAssertionError extends AssertionError {
  private static final long serialVersionUID = 1L;

  TraceAssertionError(String message) {
    super(message);
  }
}
