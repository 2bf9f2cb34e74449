package dev.vigil.doubles;

import dev.vigil.Vigil;
import dev.vigil.internal.Durations;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The future one call of a double returns: it records how it settles on the timeline, cancels its
 * timer when it settles otherwise, and notes whether anyone observed its result (read it, chained
 * on it, or waited on it), which is what "awaited" means for a Java future.
 */
final class CallFuture<A extends @Nullable Object, R extends @Nullable Object>
    extends CompletableFuture<R> {
  private final Vigil vigil;
  private final String name;
  private final int number;
  private final A argument;
  private final Instant at;
  private final long startNanos;
  private volatile boolean observed;
  private Call.@Nullable State settledAs;
  private @Nullable R value;
  private @Nullable Throwable failure;
  private @Nullable Instant settledAt;
  private @Nullable Future<?> timer;

  CallFuture(Vigil vigil, String name, int number, A argument) {
    this.vigil = vigil;
    this.name = name;
    this.number = number;
    this.argument = argument;
    this.at = vigil.time().instant();
    this.startNanos = vigil.time().nanoTime();
  }

  String name() {
    return name;
  }

  int number() {
    return number;
  }

  long startNanos() {
    return startNanos;
  }

  /** Keeps the timer that will settle this call, so that settling otherwise can cancel it. */
  void armTimer(Future<?> newTimer) {
    boolean settled;
    synchronized (this) {
      timer = newTimer;
      settled = settledAs != null;
    }
    if (settled) { // cancelled before the timer was kept
      newTimer.cancel(false);
    }
  }

  synchronized Call<A, R> snapshot() {
    Call.State state = settledAs == null ? Call.State.PENDING : settledAs;
    boolean awaited = observed && (state == Call.State.RETURNED || state == Call.State.FAILED);
    return new Call<>(name, number, argument, at, state, value, failure, settledAt, awaited);
  }

  @Override
  public boolean complete(R result) {
    if (!claim(Call.State.RETURNED, result, null)) {
      return false;
    }
    super.complete(result);
    settled("returned", Printed.of(result));
    return true;
  }

  @Override
  public boolean completeExceptionally(Throwable ex) {
    boolean cancel = ex instanceof CancellationException;
    if (!claim(cancel ? Call.State.CANCELLED : Call.State.FAILED, null, cancel ? null : ex)) {
      return false;
    }
    super.completeExceptionally(ex);
    settled(cancel ? "cancelled" : "failed", cancel ? "" : String.valueOf(ex));
    return true;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    if (!claim(Call.State.CANCELLED, null, null)) {
      return isCancelled();
    }
    super.cancel(mayInterruptIfRunning);
    settled("cancelled", "");
    return true;
  }

  private boolean claim(Call.State state, @Nullable R result, @Nullable Throwable error) {
    // Someone already waiting (a blocked get, a chained stage, allOf) observes the result.
    if (getNumberOfDependents() > 0) {
      observed = true;
    }
    Future<?> armed;
    synchronized (this) {
      if (settledAs != null) {
        return false;
      }
      settledAs = state;
      value = result;
      failure = error;
      settledAt = vigil.time().instant();
      armed = timer;
    }
    if (armed != null) {
      armed.cancel(false); // harmless when it is the timer settling this call
    }
    return true;
  }

  private void settled(String how, String shown) {
    String took = Durations.formatNanos(vigil.time().nanoTime() - startNanos);
    String summary = "#" + number + (shown.isEmpty() ? "" : " " + shown) + " after " + took;
    vigil
        .timeline()
        .append(
            AsyncDouble.SOURCE,
            name + " " + how,
            null,
            null,
            summary,
            Map.of("call", String.valueOf(number), "after", took));
  }

  // ---- what counts as observing the result --------------------------------------------------

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    observed = true; // every stage chained on this one is made here
    return new CompletableFuture<>();
  }

  @Override
  public CompletableFuture<R> toCompletableFuture() {
    observed = true; // how other stages (thenCombine, thenCompose) take this one
    return this;
  }

  @Override
  public R get() throws InterruptedException, ExecutionException {
    observed = true;
    return super.get();
  }

  @Override
  public R get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    observed = true;
    return super.get(timeout, unit);
  }

  @Override
  public R join() {
    observed = true;
    return super.join();
  }

  @Override
  public R getNow(R valueIfAbsent) {
    if (isDone()) { // a look before completion reads nothing
      observed = true;
    }
    return super.getNow(valueIfAbsent);
  }

  @Override
  public String toString() {
    return name + " call #" + number + " " + super.toString();
  }
}
