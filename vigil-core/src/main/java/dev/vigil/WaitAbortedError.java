package dev.vigil;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A wait ended early: its fail-fast condition held, or its thread was interrupted.
 *
 * @since 0.1
 */
public final class WaitAbortedError extends WaitFailedError {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure; Vigil's waits build it with a message from one place per kind.
   *
   * @param message the full explanation
   * @param cause the last failure seen, if any
   * @param attempts how many evaluations ran
   * @param elapsed how long the wait lasted
   */
  WaitAbortedError(String message, @Nullable Throwable cause, int attempts, Duration elapsed) {
    super(message, cause, attempts, elapsed);
  }
}
