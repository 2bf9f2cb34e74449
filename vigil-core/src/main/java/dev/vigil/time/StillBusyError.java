package dev.vigil.time;

/**
 * {@link VirtualTimeSource#runUntilIdle} reached its bound while tasks were still pending, most
 * often because a periodic task never lets the scheduler become idle.
 *
 * @since 0.1
 */
public final class StillBusyError extends AssertionError {
  private static final long serialVersionUID = 1L;

  StillBusyError(String message) {
    super(message);
  }
}
