package dev.vigil.doubles;

import dev.vigil.Vigil;
import dev.vigil.internal.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * What one call of an async double does with the future it returns: complete with a value, fail,
 * either at once or after a delay on the context's time, or hang until cancelled. Listed in order,
 * outcomes script a sequence of calls, as Python's {@code AsyncMock.side_effect} does:
 *
 * <pre>{@code
 * pages.answersInOrder(Outcome.value(page1), Outcome.valueAfter(Duration.ofMillis(50), page2),
 *     Outcome.failure(new NoSuchElementException("no more pages")));
 * }</pre>
 *
 * @param <R> the type of the value
 * @since 0.1
 */
public final class Outcome<R extends @Nullable Object> {
  private enum Kind {
    VALUE,
    FAILURE,
    HANG,
    EXHAUSTED
  }

  private final Kind kind;
  private final @Nullable R value;
  private final @Nullable Throwable failure;
  private final long delayNanos;
  private final int scripted;

  private Outcome(
      Kind kind, @Nullable R value, @Nullable Throwable failure, long delayNanos, int scripted) {
    this.kind = kind;
    this.value = value;
    this.failure = failure;
    this.delayNanos = delayNanos;
    this.scripted = scripted;
  }

  /**
   * Completes the future with {@code value} before the call returns.
   *
   * @param value the value, possibly {@code null}
   * @param <R> the type of the value
   * @return the outcome
   */
  public static <R extends @Nullable Object> Outcome<R> value(R value) {
    return new Outcome<>(Kind.VALUE, value, null, 0, 0);
  }

  /**
   * Completes the future with {@code value} once {@code delay} has passed on the context's time
   * (virtual time moves when the test drives it); cancelling the future cancels the timer.
   *
   * @param delay how long after the call; zero completes at once
   * @param value the value, possibly {@code null}
   * @param <R> the type of the value
   * @return the outcome
   */
  public static <R extends @Nullable Object> Outcome<R> valueAfter(Duration delay, R value) {
    return new Outcome<>(Kind.VALUE, value, null, Durations.nonNegativeNanos("delay", delay), 0);
  }

  /**
   * Fails the future with {@code failure} before the call returns.
   *
   * @param failure what the future fails with
   * @param <R> the type of the value
   * @return the outcome
   */
  public static <R extends @Nullable Object> Outcome<R> failure(Throwable failure) {
    return new Outcome<>(Kind.FAILURE, null, checked(failure), 0, 0);
  }

  /**
   * Fails the future with {@code failure} once {@code delay} has passed on the context's time.
   *
   * @param delay how long after the call; zero fails at once
   * @param failure what the future fails with
   * @param <R> the type of the value
   * @return the outcome
   */
  public static <R extends @Nullable Object> Outcome<R> failureAfter(
      Duration delay, Throwable failure) {
    long nanos = Durations.nonNegativeNanos("delay", delay);
    return new Outcome<>(Kind.FAILURE, null, checked(failure), nanos, 0);
  }

  /**
   * Leaves the future incomplete until someone cancels it (or completes it); such a call is
   * reported as pending by the double's {@code pendingCalls()} and {@code assertNoPendingCalls()}.
   *
   * @param <R> the type of the value
   * @return the outcome
   */
  public static <R extends @Nullable Object> Outcome<R> hang() {
    return new Outcome<>(Kind.HANG, null, null, 0, 0);
  }

  /** Completes with {@code null} at once: what an unscripted double does. */
  static <R extends @Nullable Object> Outcome<R> nullValue() {
    return new Outcome<>(Kind.VALUE, null, null, 0, 0);
  }

  /** The outcome of a call past the end of a scripted sequence of {@code scripted} outcomes. */
  static <R extends @Nullable Object> Outcome<R> exhausted(int scripted) {
    return new Outcome<>(Kind.EXHAUSTED, null, null, 0, scripted);
  }

  private static Throwable checked(@Nullable Throwable failure) {
    return Objects.requireNonNull(failure, "failure must not be null");
  }

  /** Starts this outcome on a call's future: completes it, arms a timer, or leaves it hanging. */
  void applyTo(CallFuture<?, R> future, Vigil vigil) {
    switch (kind) {
      case VALUE -> settleLater(future, vigil, () -> future.complete(value()));
      case FAILURE -> settleLater(future, vigil, () -> future.completeExceptionally(failure()));
      case EXHAUSTED -> future.completeExceptionally(exhaustedFailure(future));
      case HANG -> {
        // Only a cancel (or the caller completing it) ends this call.
      }
    }
  }

  private void settleLater(CallFuture<?, R> future, Vigil vigil, Runnable settle) {
    if (delayNanos == 0) {
      settle.run();
    } else { // only now: on real time, asking for the scheduler starts its threads
      future.armTimer(vigil.scheduler().schedule(settle, delayNanos, TimeUnit.NANOSECONDS));
    }
  }

  @SuppressWarnings("NullAway") // a VALUE outcome holds an R, which may itself be a nullable type
  private R value() {
    return value;
  }

  private Throwable failure() {
    return Objects.requireNonNull(failure);
  }

  private IllegalStateException exhaustedFailure(CallFuture<?, R> future) {
    return new IllegalStateException(
        future.name()
            + " has no outcome for call #"
            + future.number()
            + ": answersInOrder scripted "
            + scripted
            + (scripted == 1 ? " call" : " calls"));
  }

  @Override
  public String toString() {
    String after = delayNanos == 0 ? "" : " after " + Durations.formatNanos(delayNanos);
    return switch (kind) {
      case VALUE -> "value " + Printed.of(value) + after;
      case FAILURE -> "failure " + failure + after;
      case HANG -> "hang until cancelled";
      case EXHAUSTED -> "no outcome left after " + scripted;
    };
  }
}
