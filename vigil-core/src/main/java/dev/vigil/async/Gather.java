package dev.vigil.async;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * A wait for every future of a group to be done, however each ended, returning all their outcomes
 * ({@link Gathered}): Python's {@code asyncio.gather(..., return_exceptions=True)}; made by {@code
 * vigil.gather(futures)}. Immutable; nothing waits until {@link #within} or {@link #get}.
 *
 * <pre>{@code
 * Gathered<String> results = vigil.gather(List.of(worker(1), worker(2), worker(3))).get();
 * results.allSucceeded();
 * assertThat(results.completionOrder()).containsExactly(1, 0, 2);
 * }</pre>
 *
 * <p>Completion order and instants are exact for futures that are {@link CompletionStage}s (such as
 * {@code CompletableFuture}): each records its completion at that moment, in the thread that
 * completes it. A plain {@link Future} cannot report its completion, so for it they are best
 * effort: the instant and order in which the wait found it done (under virtual time, the instant of
 * the task after which it was found done). Each completion goes on the timeline with source {@code
 * future}, type {@code succeeded}, {@code failed} or {@code cancelled} and attribute {@code index}.
 *
 * @param <T> the type of the values
 * @since 0.1
 */
public final class Gather<T extends @Nullable Object> {
  private final Vigil vigil;
  private final WatchedFutures<T> watched;
  private final String description;

  private Gather(Vigil vigil, WatchedFutures<T> watched, String description) {
    this.vigil = vigil;
    this.watched = watched;
    this.description = description;
  }

  /**
   * Watches a list of futures, in index order; the same as {@code vigil.gather(futures)}.
   *
   * @param vigil the context whose time, patience and timeline the wait uses
   * @param futures the futures; no null element; may be empty
   * @param <T> the type of the values
   * @return the wait
   */
  public static <T extends @Nullable Object> Gather<T> of(
      Vigil vigil, List<? extends Future<? extends T>> futures) {
    return watching(vigil, checked(futures, "futures"));
  }

  /**
   * Watches a list of completion stages, in index order; the same as {@code
   * vigil.gatherStages(stages)}.
   *
   * @param vigil the context
   * @param stages the stages; no null element; may be empty
   * @param <T> the type of the values
   * @return the wait
   */
  public static <T extends @Nullable Object> Gather<T> ofStages(
      Vigil vigil, List<? extends CompletionStage<? extends T>> stages) {
    return watching(vigil, checked(stages, "stages"));
  }

  private static List<?> checked(@Nullable List<?> futures, String name) {
    Objects.requireNonNull(futures, name + " must not be null");
    for (int i = 0; i < futures.size(); i++) {
      if (futures.get(i) == null) {
        throw new NullPointerException(name + " must not hold null, was null at index " + i);
      }
    }
    return futures;
  }

  private static <T extends @Nullable Object> Gather<T> watching(Vigil vigil, List<?> futures) {
    FutureWaits.notNull(vigil, "vigil");
    String description =
        futures.size() == 1
            ? "the 1 future to complete"
            : "all " + futures.size() + " futures to complete";
    return new Gather<>(vigil, WatchedFutures.of(vigil, futures), description);
  }

  /**
   * Names what is awaited; the name leads a timeout's text.
   *
   * @param newDescription such as {@code "the three workers to finish"}; not blank
   * @return the changed wait
   */
  public Gather<T> describedAs(String newDescription) {
    return new Gather<>(vigil, watched, FutureWaits.checkedDescription(newDescription));
  }

  /**
   * Waits up to {@code timeout} (times the context's time scale) for every future to be done.
   *
   * @param timeout positive
   * @return every outcome; failures do not fail the wait (check them, or call {@link
   *     Gathered#allSucceeded()})
   * @throws dev.vigil.WaitTimeoutError when some future is not done in time; its last value names
   *     those still running
   */
  public Gathered<T> within(Duration timeout) {
    FutureWaits.awaitAll(vigil, watched, description, timeout);
    return new Gathered<>(watched.outcomes(), watched.completionOrder());
  }

  /**
   * Waits up to the context's default timeout ({@code vigil.patience().timeout()}).
   *
   * @return every outcome
   */
  public Gathered<T> get() {
    return within(vigil.patience().timeout());
  }
}
