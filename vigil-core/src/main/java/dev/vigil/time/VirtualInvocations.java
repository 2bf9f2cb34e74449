package dev.vigil.time;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * {@code invokeAll} and {@code invokeAny} of a {@link VirtualScheduler}: submit the tasks, await
 * them by the scheduler's blocking rules, cancel what is left.
 */
final class VirtualInvocations {
  private VirtualInvocations() {}

  static <T> List<Future<T>> invokeAll(
      VirtualScheduler scheduler, Collection<? extends Callable<T>> tasks, long timeoutNanos)
      throws InterruptedException {
    Objects.requireNonNull(tasks, "tasks must not be null");
    scheduler.refuseInsideTask("invokeAll(...)");
    List<Future<T>> futures = new ArrayList<>(tasks.size());
    try {
      for (Callable<T> task : tasks) {
        futures.add(scheduler.submit(task));
      }
      var unused = scheduler.awaitWork(() -> allDone(futures), timeoutNanos, "invokeAll(...)");
      return futures;
    } finally {
      // Unfinished after the timeout, or abandoned by an exception: nobody will read them.
      cancelAll(futures);
    }
  }

  static <T> T invokeAny(
      VirtualScheduler scheduler,
      Collection<? extends Callable<T>> tasks,
      long timeoutNanos,
      String within)
      throws InterruptedException, ExecutionException, TimeoutException {
    Objects.requireNonNull(tasks, "tasks must not be null");
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("tasks must not be empty");
    }
    scheduler.refuseInsideTask("invokeAny(...)");
    FirstSuccess<T> first = new FirstSuccess<>();
    List<Future<T>> futures = new ArrayList<>(tasks.size());
    boolean finished;
    try {
      for (Callable<T> task : tasks) {
        Objects.requireNonNull(task, "tasks must not contain null");
        futures.add(scheduler.submitAs(task, first.recording(task)));
      }
      finished =
          scheduler.awaitWork(
              () -> first.succeeded() || allDone(futures), timeoutNanos, "invokeAny(...)");
    } finally {
      cancelAll(futures);
    }
    return first.resultOr(finished, within);
  }

  private static boolean allDone(List<? extends Future<?>> futures) {
    for (Future<?> future : futures) {
      if (!future.isDone()) {
        return false;
      }
    }
    return true;
  }

  private static void cancelAll(List<? extends Future<?>> futures) {
    for (Future<?> future : futures) {
      future.cancel(false);
    }
  }

  /**
   * The result of the first task to succeed, in the order the driver ran them, and the last
   * failure.
   */
  private static final class FirstSuccess<T extends @Nullable Object> {
    private boolean succeeded;
    private @Nullable T value;
    private @Nullable Throwable lastFailure;

    Callable<T> recording(Callable<T> task) {
      return () -> {
        try {
          T result = task.call();
          succeed(result);
          return result;
        } catch (Exception | Error failure) {
          fail(failure);
          throw failure;
        }
      };
    }

    private synchronized void succeed(T result) {
      if (!succeeded) {
        succeeded = true;
        value = result;
      }
    }

    private synchronized void fail(Throwable failure) {
      lastFailure = failure;
    }

    synchronized boolean succeeded() {
      return succeeded;
    }

    @SuppressWarnings("NullAway") // value is exactly what the winning task returned
    synchronized T resultOr(boolean finished, String within)
        throws ExecutionException, TimeoutException {
      if (succeeded) {
        return value;
      }
      if (!finished) {
        throw new TimeoutException("no virtual task finished " + within + " of virtual time");
      }
      throw lastFailure != null
          ? new ExecutionException(lastFailure)
          : new ExecutionException("every task was cancelled before it could run", null);
    }
  }
}
