package dev.vigil.async;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * How and when one future completed: with a value, with a failure, or cancelled, at an instant of
 * the context's clock (virtual or real).
 *
 * @param index the future's position in what was handed over (0 for a single future)
 * @param state how it completed
 * @param value the value when it succeeded, else {@code null}
 * @param failure the failure, unwrapped from {@code ExecutionException} and {@code
 *     CompletionException}, when it failed; a {@link CancellationException} when it was cancelled;
 *     {@code null} when it succeeded
 * @param completedAt when it completed on the context's clock (for a plain {@code Future}: when a
 *     wait saw it done)
 * @param <T> the type of the value
 * @since 0.1
 */
public record FutureOutcome<T extends @Nullable Object>(
    int index, State state, @Nullable T value, @Nullable Throwable failure, Instant completedAt) {

  /** How a future completed. */
  public enum State {
    /** It completed normally, with a value. */
    SUCCEEDED,
    /** It completed exceptionally. */
    FAILED,
    /** It was cancelled (or failed with a {@link CancellationException}). */
    CANCELLED
  }

  /**
   * Checks that the fields fit the state.
   *
   * @param index zero or more
   * @param state how it completed
   * @param value the value, {@code null} unless it succeeded
   * @param failure the failure, present unless it succeeded
   * @param completedAt when it completed
   */
  public FutureOutcome {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative, was " + index);
    }
    Objects.requireNonNull(state, "state must not be null");
    Objects.requireNonNull(completedAt, "completedAt must not be null");
    if ((state == State.SUCCEEDED) != (failure == null)) {
      throw new IllegalArgumentException(
          "failure must be present exactly when the state is not SUCCEEDED, was "
              + failure
              + " for "
              + state);
    }
    if (state != State.SUCCEEDED && value != null) {
      throw new IllegalArgumentException("value must be null for " + state + ", was " + value);
    }
  }

  /**
   * Tells whether the future completed normally.
   *
   * @return whether the state is {@link State#SUCCEEDED}
   */
  public boolean succeeded() {
    return state == State.SUCCEEDED;
  }

  /**
   * Tells whether the future completed exceptionally, not counting cancellation.
   *
   * @return whether the state is {@link State#FAILED}
   */
  public boolean failed() {
    return state == State.FAILED;
  }

  /**
   * Tells whether the future was cancelled.
   *
   * @return whether the state is {@link State#CANCELLED}
   */
  public boolean cancelled() {
    return state == State.CANCELLED;
  }

  /** Renders as in failure messages: {@code #1 failed at 2026-01-01T00:00:01Z with …}. */
  @Override
  public String toString() {
    return "#" + index + " " + Texts.ended(this);
  }
}
