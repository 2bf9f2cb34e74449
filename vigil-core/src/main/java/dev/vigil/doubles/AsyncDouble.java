package dev.vigil.doubles;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * What the async doubles share: the script of what each call's future does, the record of every
 * call, and the checks on them. Unscripted, every call completes at once with {@code null}, as a
 * Python {@code AsyncMock} awaits to a value without being told one. Scripting methods replace the
 * script for the calls still to come; calls already made keep their outcome.
 *
 * <p>Every call is two timeline entries of source {@value #SOURCE}: {@code <name> called} with the
 * argument, and {@code <name> returned}, {@code failed} or {@code cancelled} when its future
 * settles. Failure texts list the calls with their time since the double was made.
 *
 * @param <S> the double's own type, returned by the scripting methods for chaining
 * @param <A> the type of the argument
 * @param <R> the type of the value the futures complete with
 * @since 0.1
 */
public abstract sealed class AsyncDouble<
        S extends AsyncDouble<S, A, R>, A extends @Nullable Object, R extends @Nullable Object>
    permits AsyncStub, AsyncSupplierStub {
  /** The source of the doubles' timeline entries. */
  public static final String SOURCE = "double";

  private final String name;
  private final Script<R> script = new Script<>(Outcome.nullValue());
  private final CallLog<A, R> log;

  AsyncDouble(Vigil vigil, String name) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    Objects.requireNonNull(name, "name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, was '" + name + "'");
    }
    this.name = name;
    this.log = new CallLog<>(vigil);
  }

  /** Records a call and returns its future, started on the script's next outcome. */
  final CompletableFuture<R> call(A argument, String shownArguments) {
    return log.start(name, argument, shownArguments, script);
  }

  /** Whether calls take an argument, so that failures show what each was called with. */
  abstract boolean takesArgument();

  @SuppressWarnings("unchecked") // S is this class's own type, as the permitted subclasses declare
  private S self() {
    return (S) this;
  }

  /**
   * Makes every later call complete with {@code value} at once.
   *
   * @param value the value, possibly {@code null}
   * @return this double
   */
  public final S returns(R value) {
    return answers(Outcome.value(value));
  }

  /**
   * Makes every later call complete with {@code value} once {@code delay} has passed on the
   * context's time; cancelling a call's future cancels its timer.
   *
   * @param delay how long after each call; zero completes at once
   * @param value the value, possibly {@code null}
   * @return this double
   */
  public final S returnsAfter(Duration delay, R value) {
    return answers(Outcome.valueAfter(delay, value));
  }

  /**
   * Makes every later call fail with {@code failure} at once (the future fails; the call returns).
   *
   * @param failure what the futures fail with
   * @return this double
   */
  public final S fails(Throwable failure) {
    return answers(Outcome.failure(failure));
  }

  /**
   * Makes every later call fail with {@code failure} once {@code delay} has passed.
   *
   * @param delay how long after each call; zero fails at once
   * @param failure what the futures fail with
   * @return this double
   */
  public final S failsAfter(Duration delay, Throwable failure) {
    return answers(Outcome.failureAfter(delay, failure));
  }

  /**
   * Makes every later call hang: its future completes only when cancelled (or completed by the
   * caller), and {@link #pendingCalls()} lists it until then.
   *
   * @return this double
   */
  public final S hangsUntilCancelled() {
    return answers(Outcome.hang());
  }

  /**
   * Makes every later call do {@code outcome}.
   *
   * @param outcome what each call's future does
   * @return this double
   */
  public final S answers(Outcome<R> outcome) {
    script.always(Objects.requireNonNull(outcome, "outcome must not be null"));
    return self();
  }

  /**
   * Lets the next {@code calls} calls do what the script says now, then makes every call after them
   * fail with {@code failure}: {@code stub.returns(user).failsAfterCalls(2, new IOException())}.
   *
   * @param calls how many calls still succeed, zero or more
   * @param failure what the later futures fail with
   * @return this double
   */
  public final S failsAfterCalls(int calls, Throwable failure) {
    if (calls < 0) {
      throw new IllegalArgumentException("calls must not be negative, was " + calls);
    }
    script.failAfter(calls, Objects.requireNonNull(failure, "failure must not be null"));
    return self();
  }

  /**
   * Gives the next calls these outcomes in turn, as Python's {@code side_effect = [...]} does; a
   * call after the last fails with an {@link IllegalStateException} saying the script ran out.
   *
   * @param outcomes one per call, at least one
   * @return this double
   */
  @SafeVarargs
  public final S answersInOrder(Outcome<R>... outcomes) {
    Objects.requireNonNull(outcomes, "outcomes must not be null");
    if (outcomes.length == 0) {
      throw new IllegalArgumentException("outcomes must not be empty, was []");
    }
    List<Outcome<R>> sequence = new ArrayList<>(outcomes.length);
    for (int i = 0; i < outcomes.length; i++) {
      sequence.add(Objects.requireNonNull(outcomes[i], "outcomes[" + i + "] must not be null"));
    }
    script.inOrder(sequence);
    return self();
  }

  /**
   * Returns the name the double was given, as its timeline entries and failures show it.
   *
   * @return the name
   */
  public final String name() {
    return name;
  }

  /**
   * Returns every call so far, oldest first, each as it stands now.
   *
   * @return a snapshot
   */
  public final List<Call<A, R>> calls() {
    return log.calls();
  }

  /**
   * Returns how many times the double was called.
   *
   * @return the number of calls
   */
  public final int callCount() {
    return calls().size();
  }

  /**
   * Returns how many calls were awaited: their future completed and its result was observed.
   *
   * @return the number of awaited calls
   */
  public final int awaitCount() {
    return (int) calls().stream().filter(Call::awaited).count();
  }

  /**
   * Returns the calls whose future has not completed yet, such as calls hanging until cancelled.
   *
   * @return a snapshot, oldest first
   */
  public final List<Call<A, R>> pendingCalls() {
    return calls().stream().filter(Call::isPending).toList();
  }

  /**
   * Checks that the double was called exactly once.
   *
   * @return this double
   * @throws AssertionError listing the calls, when it was not
   */
  public final S assertCalledOnce() {
    return assertCallCount(1);
  }

  /**
   * Checks that the double was called exactly {@code expected} times.
   *
   * @param expected the number of calls, zero or more
   * @return this double
   * @throws AssertionError listing the calls, when the count differs
   */
  public final S assertCallCount(int expected) {
    if (expected < 0) {
      throw new IllegalArgumentException("expected must not be negative, was " + expected);
    }
    DoubleTexts.Listing listing = listing();
    if (listing.calls().size() != expected) {
      throw new AssertionError(DoubleTexts.calledTimes(listing, expected));
    }
    return self();
  }

  /**
   * Checks that exactly one call was awaited: its future completed (with a value or a failure) and
   * its result was read ({@code get}, {@code join}, {@code getNow}), chained on, or waited for when
   * it completed. Python's {@code assert_awaited_once}.
   *
   * @return this double
   * @throws AssertionError listing the calls, when not exactly one was awaited
   */
  public final S assertAwaitedOnce() {
    DoubleTexts.Listing listing = listing();
    int awaited = (int) listing.calls().stream().filter(Call::awaited).count();
    if (awaited != 1) {
      throw new AssertionError(DoubleTexts.awaitedOnce(listing, awaited));
    }
    return self();
  }

  /**
   * Checks that no call's future is still incomplete: no call hangs, no delayed outcome is due.
   *
   * @return this double
   * @throws AssertionError naming the pending calls
   */
  public final S assertNoPendingCalls() {
    DoubleTexts.Listing listing = listing();
    List<? extends Call<?, ?>> pending = listing.calls().stream().filter(Call::isPending).toList();
    if (!pending.isEmpty()) {
      throw new AssertionError(DoubleTexts.noPendingCalls(listing, pending));
    }
    return self();
  }

  final DoubleTexts.Listing listing() {
    return new DoubleTexts.Listing(name, calls(), log.origin(), takesArgument());
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + name + ", " + callCount() + " calls]";
  }
}
