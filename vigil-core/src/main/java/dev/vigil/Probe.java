package dev.vigil;

import org.jspecify.annotations.Nullable;

/**
 * A condition to evaluate: returns the current value of the state a test waits for.
 *
 * <p>A probe may throw; whether a thrown exception means "not yet" or ends the wait is decided by
 * the wait's {@code notYetOn} setting.
 *
 * @param <T> the type of the value observed
 * @since 0.1
 */
@FunctionalInterface
public interface Probe<T extends @Nullable Object> {
  /**
   * Observes the state once.
   *
   * @return the value observed, which may be {@code null} ("not there yet")
   * @throws Exception when the state cannot be observed yet
   */
  T observe() throws Exception;
}
