package dev.vigil;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A {@code continually} condition stopped holding, or a {@code never} condition happened, inside
 * its window.
 *
 * @since 0.1
 */
public final class ConditionViolatedError extends WaitFailedError {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the failure; Vigil's waits build it with a message from one place per kind.
   *
   * @param message the full explanation
   * @param cause the last failure seen, if any
   * @param attempts how many evaluations ran
   * @param elapsed how long the wait lasted
   */
  ConditionViolatedError(
      String message, @Nullable Throwable cause, int attempts, Duration elapsed) {
    super(message, cause, attempts, elapsed);
  }
}
