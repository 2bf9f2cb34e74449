package dev.vigil.async;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * A subtask's body wrapped so that its start and end are recorded; it keeps the task's own text, so
 * schedulers that list pending tasks still name it.
 *
 * @param <T> the type of the result
 */
final class RecordedTask<T> implements Callable<T>, Runnable {
  private final SubtaskRecord record;
  private final Object task;
  private final Callable<T> body;

  private RecordedTask(SubtaskRecord record, Object task, Callable<T> body) {
    this.record = record;
    this.task = task;
    this.body = body;
  }

  static <T> RecordedTask<T> of(SubtaskRecord record, Callable<T> task) {
    return new RecordedTask<>(record, task, task);
  }

  static RecordedTask<Void> of(SubtaskRecord record, Runnable task) {
    return new RecordedTask<>(
        record,
        task,
        () -> {
          task.run();
          return null;
        });
  }

  @Override
  public T call() throws Exception {
    if (task instanceof Future<?> future && future.isDone()) {
      // A future task cancelled while queued would not run its body: it never started.
      record.requestCancel();
      record.cancelIfQueued();
      return body.call();
    }
    record.start();
    try {
      T value = body.call();
      record.end(task instanceof Future<?> future ? failureOf(future) : null);
      return value;
    } catch (Throwable thrown) {
      record.end(thrown);
      throw thrown;
    }
  }

  @Override
  public void run() {
    try {
      call();
    } catch (RuntimeException | Error unchecked) {
      throw unchecked;
    } catch (Exception checked) {
      // Only a Callable's body throws a checked exception, and run() wraps a Runnable's body.
      throw new IllegalStateException(checked);
    }
  }

  /**
   * What a future task (a {@code FutureTask} handed to {@code execute}, as {@code
   * ExecutorCompletionService} does) caught of its body: its run never throws.
   */
  private static @Nullable Throwable failureOf(Future<?> future) {
    if (!future.isDone()) {
      return null;
    }
    try {
      future.get();
      return null;
    } catch (ExecutionException failed) {
      return failed.getCause() != null ? failed.getCause() : failed;
    } catch (java.util.concurrent.CancellationException cancelled) {
      return cancelled;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return interrupted;
    }
  }

  @Override
  public String toString() {
    return String.valueOf(task);
  }
}
