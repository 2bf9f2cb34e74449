package dev.vigil.async;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * A wait for a future to fail, returning its failure unwrapped (never the {@code
 * ExecutionException} or {@code CompletionException} around it); made by {@code
 * vigil.fails(future)}. Immutable; the expectations on the failure are checked once it failed.
 *
 * <pre>{@code
 * IOException failure =
 *     vigil.fails(client.fetchUserData("123"))
 *         .with(IOException.class)
 *         .withMessageContaining("API timeout")
 *         .within(Duration.ofSeconds(1));
 * }</pre>
 *
 * <p>A cancelled future counts as failed with a {@link java.util.concurrent.CancellationException};
 * ask for {@code with(CancellationException.class)} to require cancellation. A future that succeeds
 * instead fails the check with its value in the text; one not done in time fails with the wait's
 * timeout text.
 *
 * @param <X> the type of the failure expected
 * @since 0.1
 */
public final class Fails<X extends Throwable> {
  private final Vigil vigil;
  private final WatchedFutures<?> watched;
  private final String description;
  private final Class<X> type;
  private final @Nullable String messagePart;

  private Fails(
      Vigil vigil,
      WatchedFutures<?> watched,
      String description,
      Class<X> type,
      @Nullable String messagePart) {
    this.vigil = vigil;
    this.watched = watched;
    this.description = description;
    this.type = type;
    this.messagePart = messagePart;
  }

  /**
   * Watches a future; the same as {@code vigil.fails(future)}.
   *
   * @param vigil the context whose time, patience and timeline the wait uses
   * @param future the future
   * @return the wait, expecting any failure
   */
  public static Fails<Throwable> of(Vigil vigil, Future<?> future) {
    return watching(vigil, FutureWaits.notNull(future, "future"));
  }

  /**
   * Watches a completion stage; the same as {@code vigil.fails(stage)}.
   *
   * @param vigil the context
   * @param stage the stage
   * @return the wait, expecting any failure
   */
  public static Fails<Throwable> ofStage(Vigil vigil, CompletionStage<?> stage) {
    return watching(vigil, FutureWaits.notNull(stage, "stage"));
  }

  private static Fails<Throwable> watching(Vigil vigil, Object future) {
    FutureWaits.notNull(vigil, "vigil");
    return new Fails<>(
        vigil,
        WatchedFutures.of(vigil, List.of(future)),
        "the future to fail",
        Throwable.class,
        null);
  }

  /**
   * Names what is awaited; the name leads every failure text.
   *
   * @param newDescription such as {@code "the login to be refused"}; not blank
   * @return the changed wait
   */
  public Fails<X> describedAs(String newDescription) {
    return new Fails<>(
        vigil, watched, FutureWaits.checkedDescription(newDescription), type, messagePart);
  }

  /**
   * Expects the failure to be an instance of {@code newType}.
   *
   * @param newType such as {@code IOException.class}
   * @param <Y> the type
   * @return the changed wait, returning the failure as a {@code Y}
   */
  public <Y extends Throwable> Fails<Y> with(Class<Y> newType) {
    Objects.requireNonNull(newType, "type must not be null");
    return new Fails<>(vigil, watched, description, newType, messagePart);
  }

  /**
   * Expects the failure's message to contain {@code part}.
   *
   * @param part such as {@code "API timeout"}; not empty
   * @return the changed wait
   */
  public Fails<X> withMessageContaining(String part) {
    Objects.requireNonNull(part, "part must not be null");
    if (part.isEmpty()) {
      throw new IllegalArgumentException("part must not be empty, was ''");
    }
    return new Fails<>(vigil, watched, description, type, part);
  }

  /**
   * Waits up to {@code timeout} (times the context's time scale) for the failure and checks it.
   *
   * @param timeout positive
   * @return the failure, unwrapped
   * @throws dev.vigil.WaitTimeoutError when the future is not done in time
   * @throws AsyncAssertionError when it succeeded, or failed otherwise than expected
   */
  public X within(Duration timeout) {
    FutureOutcome<?> outcome = FutureWaits.awaitOne(vigil, watched, description, timeout);
    Throwable failure = outcome.failure();
    if (failure == null) {
      throw new AsyncAssertionError("Expecting " + description + ", " + Texts.but(outcome), null);
    }
    if (!type.isInstance(failure)) {
      throw mismatch("with an instance of:", type.getName(), outcome, failure);
    }
    String message = failure.getMessage();
    if (messagePart != null && (message == null || !message.contains(messagePart))) {
      throw mismatch("with a message containing:", Texts.show(messagePart), outcome, failure);
    }
    return type.cast(failure);
  }

  /**
   * Waits up to the context's default timeout ({@code vigil.patience().timeout()}).
   *
   * @return the failure, unwrapped
   */
  public X get() {
    return within(vigil.patience().timeout());
  }

  private AsyncAssertionError mismatch(
      String expectation, String expected, FutureOutcome<?> outcome, Throwable failure) {
    return new AsyncAssertionError(
        "Expecting "
            + description
            + " "
            + expectation
            + Texts.NL
            + "  "
            + expected
            + Texts.NL
            + Texts.but(outcome),
        failure);
  }
}
