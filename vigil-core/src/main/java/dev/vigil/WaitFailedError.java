package dev.vigil;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A wait that did not end as asserted. An {@link AssertionError}, so test reports show a failure
 * rather than an error; the message explains itself and the cause is the last failure seen.
 *
 * @since 0.1
 */
public abstract sealed class WaitFailedError extends AssertionError
    permits WaitTimeoutError, WaitAbortedError, ConditionViolatedError {
  private static final long serialVersionUID = 1L;

  /** How many times the condition was evaluated. */
  private final int attempts;

  /** How long the wait lasted. */
  private final Duration elapsed;

  WaitFailedError(String message, @Nullable Throwable cause, int attempts, Duration elapsed) {
    super(message, cause);
    this.attempts = attempts;
    this.elapsed = elapsed;
  }

  /**
   * Returns how many times the condition was evaluated.
   *
   * @return the number of evaluations
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Returns how long the wait lasted, on the context's time source.
   *
   * @return the elapsed time
   */
  public Duration elapsed() {
    return elapsed;
  }
}
