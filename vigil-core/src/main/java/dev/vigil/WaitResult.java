package dev.vigil;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a wait ended, for callers who decide for themselves instead of letting the wait throw.
 *
 * <p>Nothing is lost: a failed result holds the very error the throwing form would have thrown.
 *
 * @param satisfied whether the wait ended as asserted
 * @param value the value that ended an {@code eventually}, the last value of a {@code continually},
 *     the value that broke a {@code never}; {@code null} when there is none
 * @param failure the error the throwing form would throw, or {@code null} when satisfied
 * @param attempts how many evaluations ran
 * @param elapsed how long the wait lasted, on the context's time source
 * @param <T> the type of the value
 * @since 0.1
 */
public record WaitResult<T extends @Nullable Object>(
    boolean satisfied,
    @Nullable T value,
    @Nullable WaitFailedError failure,
    int attempts,
    Duration elapsed) {

  /**
   * Returns the value, if there is one.
   *
   * @return the value as an {@link Optional}
   */
  @SuppressWarnings("NullAway") // Optional.ofNullable maps a null T to empty.
  public Optional<T> valueIfAny() {
    return Optional.ofNullable(value);
  }

  /**
   * Returns the value of a satisfied wait, or throws the failure of an unsatisfied one.
   *
   * @return the value ({@code null} for an assertion block)
   * @throws WaitFailedError when the wait was not satisfied
   */
  // On success the value is exactly what the condition produced: null only where T admits it.
  @SuppressWarnings("NullAway")
  public T orThrow() {
    if (failure != null) {
      throw failure;
    }
    return value;
  }
}
