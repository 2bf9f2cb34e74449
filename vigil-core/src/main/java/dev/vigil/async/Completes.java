package dev.vigil.async;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * A wait for a future to complete normally, returning its value; made by {@code
 * vigil.completes(future)}. Immutable: each option returns a new wait, and nothing waits until
 * {@link #within} or {@link #get}. Under virtual time the wait drives the clock as {@code
 * eventually} does.
 *
 * <pre>{@code
 * Map<String, String> result = vigil.completes(client.fetchData()).within(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>It fails with the wait's timeout text ({@code dev.vigil.WaitTimeoutError}) when the future is
 * not done in time, and with an {@link AsyncAssertionError} (the failure as its cause) as soon as
 * the future fails or is cancelled, since it cannot complete later.
 *
 * @param <T> the type of the value
 * @since 0.1
 */
public final class Completes<T extends @Nullable Object> {
  private final Vigil vigil;
  private final WatchedFutures<T> watched;
  private final String description;

  private Completes(Vigil vigil, WatchedFutures<T> watched, String description) {
    this.vigil = vigil;
    this.watched = watched;
    this.description = description;
  }

  /**
   * Watches a future; the same as {@code vigil.completes(future)}. A plain {@link Future} is seen
   * done when the wait looks; one that is also a {@link CompletionStage} reports its own instant.
   *
   * @param vigil the context whose time, patience and timeline the wait uses
   * @param future the future
   * @param <T> the type of the value
   * @return the wait
   */
  public static <T extends @Nullable Object> Completes<T> of(
      Vigil vigil, Future<? extends T> future) {
    return watching(vigil, FutureWaits.notNull(future, "future"));
  }

  /**
   * Watches a completion stage; the same as {@code vigil.completes(stage)}. Its completion is
   * recorded at its own instant, in the thread that completes it.
   *
   * @param vigil the context
   * @param stage the stage
   * @param <T> the type of the value
   * @return the wait
   */
  public static <T extends @Nullable Object> Completes<T> ofStage(
      Vigil vigil, CompletionStage<? extends T> stage) {
    return watching(vigil, FutureWaits.notNull(stage, "stage"));
  }

  private static <T extends @Nullable Object> Completes<T> watching(Vigil vigil, Object future) {
    FutureWaits.notNull(vigil, "vigil");
    return new Completes<>(
        vigil, WatchedFutures.of(vigil, List.of(future)), "the future to complete");
  }

  /**
   * Names what is awaited; the name leads every failure text.
   *
   * @param newDescription such as {@code "the payment call to complete"}; not blank
   * @return the changed wait
   */
  public Completes<T> describedAs(String newDescription) {
    return new Completes<>(vigil, watched, FutureWaits.checkedDescription(newDescription));
  }

  /**
   * Waits up to {@code timeout} (times the context's time scale) and returns the value.
   *
   * @param timeout positive
   * @return the value the future completed with
   * @throws dev.vigil.WaitTimeoutError when the future is not done in time
   * @throws AsyncAssertionError when it failed or was cancelled
   */
  @SuppressWarnings("NullAway") // the value is null only where the future's T admits it
  public T within(Duration timeout) {
    FutureOutcome<T> outcome = FutureWaits.awaitOne(vigil, watched, description, timeout);
    if (!outcome.succeeded()) {
      throw new AsyncAssertionError(
          "Expecting " + description + ", " + Texts.but(outcome), outcome.failure());
    }
    return outcome.value();
  }

  /**
   * Waits up to the context's default timeout ({@code vigil.patience().timeout()}).
   *
   * @return the value the future completed with
   */
  public T get() {
    return within(vigil.patience().timeout());
  }
}
