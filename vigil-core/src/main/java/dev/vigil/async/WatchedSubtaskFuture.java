package dev.vigil.async;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future a watch hands back for a subtask: the executor's own (so its blocking rules, such as a
 * virtual scheduler's, stay), with cancellation recorded.
 *
 * @param <T> the type of the result
 */
final class WatchedSubtaskFuture<T> implements Future<T> {
  private final Future<T> inner;
  private final SubtaskRecord record;

  WatchedSubtaskFuture(Future<T> inner, SubtaskRecord record) {
    this.inner = inner;
    this.record = record;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    // Noted first, so a body interrupted by this cancel ends as interrupted, not failed.
    record.requestCancel();
    boolean cancelled = inner.cancel(mayInterruptIfRunning);
    record.cancelIfQueued();
    return cancelled;
  }

  @Override
  public boolean isCancelled() {
    return inner.isCancelled();
  }

  @Override
  public boolean isDone() {
    return inner.isDone();
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    return inner.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return inner.get(timeout, unit);
  }

  @Override
  public String toString() {
    return inner.toString();
  }
}
