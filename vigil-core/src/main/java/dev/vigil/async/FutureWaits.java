package dev.vigil.async;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Runs the context's {@code eventually} over watched futures, for every wait of this package. */
final class FutureWaits {
  private FutureWaits() {}

  /**
   * Waits until every watched future is done; under virtual time this drives the clock as {@code
   * eventually} does, and a timeout fails with the core's text, showing how many were done.
   */
  static void awaitAll(
      Vigil vigil, WatchedFutures<?> watched, String description, Duration timeout) {
    var unused =
        vigil
            .eventually(watched::progress)
            .matching(WatchedFutures.Progress::done)
            .describedAs(description)
            .within(timeout);
  }

  /** Waits for the one watched future and returns its outcome. */
  static <T extends @Nullable Object> FutureOutcome<T> awaitOne(
      Vigil vigil, WatchedFutures<T> watched, String description, Duration timeout) {
    awaitAll(vigil, watched, description, timeout);
    return Objects.requireNonNull(watched.outcome(0), "a done future has an outcome");
  }

  static String checkedDescription(@Nullable String description) {
    Objects.requireNonNull(description, "description must not be null");
    if (description.isBlank()) {
      throw new IllegalArgumentException(
          "description must not be blank, was '" + description + "'");
    }
    return description;
  }

  static <F> F notNull(@Nullable F future, String name) {
    return Objects.requireNonNull(future, name + " must not be null");
  }
}
