package dev.vigil;

import dev.vigil.internal.Watchdog;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Runs a wait's condition once under the watchdog and says what came of it: a value that holds or
 * not, a "not yet" failure, an evaluation that blocked past its limit, or a future that failed.
 */
final class Evaluator {
  private final WaitSpec spec;
  private final Probe<?> probe;

  Evaluator(WaitSpec spec, Probe<?> probe) {
    this.spec = spec;
    this.probe = probe;
  }

  /**
   * Evaluates once; the watchdog interrupts the evaluation at {@code fireAtRealNanos}.
   *
   * @throws InterruptedException when the caller's thread was interrupted (not by the watchdog)
   */
  Outcome evaluate(long fireAtRealNanos) throws InterruptedException {
    Watchdog.Guard guard = Watchdog.shared().guard(fireAtRealNanos);
    try {
      Object value = probe.observe();
      return judge(value);
    } catch (Throwable thrown) {
      if (guard.callerInterrupted()) {
        // The test's own interrupt came first: it wins over the watchdog's deadline.
        throw new InterruptedException("interrupted while evaluating the condition");
      }
      if (guard.fired()) {
        return Outcome.blocked(thrown);
      }
      if (thrown instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      if (!isNotYet(thrown)) {
        throw Sneaky.rethrow(thrown);
      }
      return Outcome.notYet(thrown);
    } finally {
      guard.close();
      if (guard.callerInterrupted()) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Outcome judge(@Nullable Object value) {
    if (spec.valueless() || AssertionObjects.isAssertion(value)) {
      // An assertion block holds whenever it returns, whatever it returned.
      return Outcome.held(null, true, true);
    }
    Future<?> future = asFuture(value);
    if (future != null) {
      if (!future.isDone()) {
        return Outcome.held(value, false, false);
      }
      Throwable failure = failureOf(future);
      if (failure != null) {
        return Outcome.futureFailed(value, failure);
      }
    }
    boolean holds =
        spec.predicate() != null ? spec.predicate().test(value) : Truthiness.isThere(value);
    return Outcome.held(value, holds, false);
  }

  private static @Nullable Future<?> asFuture(@Nullable Object value) {
    if (value instanceof Future<?> future) {
      return future;
    }
    if (value instanceof CompletionStage<?> stage) {
      return stage.toCompletableFuture();
    }
    return null;
  }

  /** The failure of a finished future, unwrapped, or {@code null} when it completed normally. */
  private static @Nullable Throwable failureOf(Future<?> future) {
    if (future.isCancelled()) {
      return new CancellationException("the future was cancelled");
    }
    try {
      future.get();
      return null;
    } catch (ExecutionException failed) {
      return failed.getCause() != null ? failed.getCause() : failed;
    } catch (CancellationException cancelled) {
      return cancelled;
    } catch (InterruptedException interrupted) {
      // A finished future does not block; keep the flag for the loop to see.
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private boolean isNotYet(Throwable thrown) {
    for (Class<? extends Throwable> type : spec.notYet()) {
      if (type.isInstance(thrown)) {
        return true;
      }
    }
    return false;
  }

  /**
   * What one evaluation produced.
   *
   * @param returned whether the condition returned (rather than threw)
   * @param value what it returned
   * @param failure what it threw, or how the future it returned failed
   * @param holds whether the value counts as there
   * @param assertion whether the condition was an assertion block (its value means nothing)
   * @param blocked whether the watchdog had to interrupt it
   * @param futureFailed whether it returned a future that failed, which ends the wait
   */
  record Outcome(
      boolean returned,
      @Nullable Object value,
      @Nullable Throwable failure,
      boolean holds,
      boolean assertion,
      boolean blocked,
      boolean futureFailed) {

    static Outcome held(@Nullable Object value, boolean holds, boolean assertion) {
      return new Outcome(true, value, null, holds, assertion, false, false);
    }

    static Outcome notYet(Throwable failure) {
      return new Outcome(false, null, failure, false, false, false, false);
    }

    static Outcome blocked(Throwable failure) {
      return new Outcome(false, null, failure, false, false, true, false);
    }

    static Outcome futureFailed(@Nullable Object future, Throwable failure) {
      return new Outcome(true, future, failure, false, false, false, true);
    }
  }
}
