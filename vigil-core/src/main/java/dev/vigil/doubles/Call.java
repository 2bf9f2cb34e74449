package dev.vigil.doubles;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One call of an async double as it stands when read: what it was called with, when, and what
 * became of the future it returned.
 *
 * @param name the double's name, such as {@code fetchUserData} or {@code UserApi.fetchUserData}
 * @param number the call's number on its double, from 1
 * @param argument what it was called with: the argument of an {@link AsyncStub}, {@code null} for
 *     an {@link AsyncSupplierStub}, the list of arguments for a Mockito answer
 * @param at when it was called, on the context's clock
 * @param state what became of its future so far
 * @param value the value it completed with, when {@link State#RETURNED}
 * @param failure what it failed with, when {@link State#FAILED}
 * @param settledAt when its future completed, failed or was cancelled; {@code null} while pending
 * @param awaited whether its future completed (normally or not) and its result was observed: read
 *     by {@code get}, {@code join} or {@code getNow}, a stage chained on it, or a thread or stage
 *     waiting on it when it completed
 * @param <A> the type of the argument
 * @param <R> the type of the value
 * @since 0.1
 */
public record Call<A extends @Nullable Object, R extends @Nullable Object>(
    String name,
    int number,
    A argument,
    Instant at,
    State state,
    @Nullable R value,
    @Nullable Throwable failure,
    @Nullable Instant settledAt,
    boolean awaited) {

  /** What became of a call's future. */
  public enum State {
    /** Not completed yet: delayed, or hanging until cancelled. */
    PENDING,
    /** Completed with a value. */
    RETURNED,
    /** Completed with a failure. */
    FAILED,
    /** Cancelled before it completed. */
    CANCELLED
  }

  /**
   * Tells whether the call's future is still incomplete.
   *
   * @return {@code true} while {@link State#PENDING}
   */
  public boolean isPending() {
    return state == State.PENDING;
  }
}
