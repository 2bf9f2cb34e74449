package dev.vigil.async;

import org.jspecify.annotations.Nullable;

/**
 * A check of this package failed: a future ended otherwise than expected, a timeout fired at the
 * wrong instant, a group of subtasks broke its rules. An {@link AssertionError}, so reports show a
 * failure; the message says what was expected, what happened and when.
 *
 * @since 0.1
 */
public final class AsyncAssertionError extends AssertionError {
  private static final long serialVersionUID = 1L;

  AsyncAssertionError(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
