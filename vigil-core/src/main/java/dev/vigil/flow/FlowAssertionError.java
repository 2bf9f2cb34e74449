package dev.vigil.flow;

/**
 * A failed check of a Flow stream: a protocol violation, an unexpected item or terminal state, an
 * emission beyond demand, or items that do not fit the declared overflow policy. An {@link
 * AssertionError}, so a test report shows a failure, not an error.
 *
 * @since 0.1
 */
public final class FlowAssertionError extends AssertionError {
  private static final long serialVersionUID = 1L;

  FlowAssertionError(String message) {
    super(message);
  }
}
