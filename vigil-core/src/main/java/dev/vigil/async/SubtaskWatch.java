package dev.vigil.async;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An {@link ExecutorService} that runs subtasks on another one and records each: when it was
 * submitted, started and ended on the context's clock, and how it ended; every step goes on the
 * timeline with source {@code subtask}. Hand it to code that runs subtasks in a group (Java 17 has
 * no {@code StructuredTaskScope}), then check the group's rules; made by {@code
 * vigil.watchSubtasks(executor)}.
 *
 * <pre>{@code
 * SubtaskWatch pool = vigil.watchSubtasks(Executors.newFixedThreadPool(4));
 * CompletableFuture<List<Page>> pages = crawler.fetchAll(urls, pool);
 * GroupFailure failure = vigil.fails(pages).with(GroupFailure.class).get();
 * pool.firstFailureCancelledSiblings()
 *     .allFailuresReportedIn(failure)
 *     .nothingLeftRunning();
 * }</pre>
 *
 * <p>A subtask's outcome is what its body did: returned, failed, or stopped by an interrupt or a
 * cancellation (see {@link Subtask.State}); or it was cancelled before it started, and then it
 * never starts (as {@code Future.cancel} promises), even on an executor that would start it anyway.
 * The watch sees what reaches the executor: a {@code FutureTask} handed to {@link #execute} (as
 * {@code ExecutorCompletionService} does) is read after it ran, but a task that catches its body's
 * failure itself, such as those of {@code CompletableFuture.supplyAsync}, looks as if it succeeded.
 * {@code shutdown} and the rest of the lifecycle go to the executor.
 *
 * <p>The checks judge at once under virtual time. On real threads they first give running subtasks
 * up to a second to return to their executor: a Java 17 group can only learn that a cancelled
 * subtask's body ended from inside the task (a {@code finally} block), so a correct group may end a
 * moment before the executor's task does. A subtask still running after that is reported.
 *
 * @since 0.1
 */
public final class SubtaskWatch implements ExecutorService {
  /** How long, in real time, the checks let running subtasks return to their executor. */
  static final Duration WIND_DOWN = Duration.ofSeconds(1);

  private final Vigil vigil;
  private final ExecutorService executor;
  private final SubtaskLog log;

  private SubtaskWatch(Vigil vigil, ExecutorService executor) {
    this.vigil = vigil;
    this.executor = executor;
    this.log = new SubtaskLog(vigil);
  }

  /**
   * Watches {@code executor}; the same as {@code vigil.watchSubtasks(executor)}.
   *
   * @param vigil the context whose clock and timeline record the subtasks
   * @param executor runs the subtasks, such as a thread pool or {@code vigil.scheduler()}
   * @return the watching executor
   */
  public static SubtaskWatch of(Vigil vigil, ExecutorService executor) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    Objects.requireNonNull(executor, "executor must not be null");
    return new SubtaskWatch(vigil, executor);
  }

  /**
   * Returns every subtask recorded so far, in submission order, as it stands now.
   *
   * @return an immutable list
   */
  public List<Subtask> subtasks() {
    return log.views().stream().map(SubtaskRecord.View::subtask).toList();
  }

  /**
   * Checks that the first failure cancelled its siblings: every subtask still running or queued
   * when the first one failed ended cancelled or interrupted, and none started afterwards.
   *
   * @return this, to go on
   * @throws AsyncAssertionError when no subtask failed, or naming each sibling that broke the rule
   */
  public SubtaskWatch firstFailureCancelledSiblings() {
    GroupChecks.firstFailureCancelledSiblings(settledViews());
    return this;
  }

  /**
   * Checks that the group reported every subtask failure: each failure (not interrupts or
   * cancellations) is {@code groupFailure} itself, one of its causes, or among the suppressed
   * exceptions of any of those.
   *
   * @param groupFailure what the group threw, or failed its future with
   * @return this, to go on
   * @throws AsyncAssertionError naming each failure missing from it
   */
  public SubtaskWatch allFailuresReportedIn(Throwable groupFailure) {
    Objects.requireNonNull(groupFailure, "groupFailure must not be null");
    GroupChecks.allFailuresReportedIn(groupFailure, settledViews());
    return this;
  }

  /**
   * Checks that no subtask is running or queued now; call it as soon as the group has ended.
   *
   * @return this, to go on
   * @throws AsyncAssertionError naming each subtask still running or queued
   */
  public SubtaskWatch nothingLeftRunning() {
    GroupChecks.nothingLeftRunning(settledViews(), log.now());
    return this;
  }

  /** The records once running subtasks returned to their executor (real time, bounded). */
  private List<SubtaskRecord.View> settledViews() {
    if (!vigil.time().isVirtual()) {
      // Each end goes on the timeline, whose pulse wakes this wait at once.
      var unused =
          vigil
              .eventually(() -> log.views().stream().noneMatch(SubtaskWatch::running))
              .describedAs("running subtasks to return to their executor")
              .tryWithin(WIND_DOWN);
    }
    return log.views();
  }

  private static boolean running(SubtaskRecord.View view) {
    return view.subtask().state() == Subtask.State.RUNNING;
  }

  @Override
  public void execute(Runnable command) {
    Objects.requireNonNull(command, "command must not be null");
    executor.execute(RecordedTask.of(log.submitted(command), command));
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    Objects.requireNonNull(task, "task must not be null");
    SubtaskRecord record = log.submitted(task);
    return new WatchedSubtaskFuture<>(
        executor.submit((Callable<T>) RecordedTask.of(record, task)), record);
  }

  @Override
  public <T> Future<T> submit(Runnable task, T result) {
    Objects.requireNonNull(task, "task must not be null");
    SubtaskRecord record = log.submitted(task);
    return new WatchedSubtaskFuture<>(
        executor.submit((Runnable) RecordedTask.of(record, task), result), record);
  }

  @Override
  public Future<?> submit(Runnable task) {
    Objects.requireNonNull(task, "task must not be null");
    SubtaskRecord record = log.submitted(task);
    return watched(executor.submit((Runnable) RecordedTask.of(record, task)), record);
  }

  private static <T> Future<T> watched(Future<T> future, SubtaskRecord record) {
    return new WatchedSubtaskFuture<>(future, record);
  }

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    Batch<T> batch = new Batch<>(tasks);
    return batch.watched(executor.invokeAll(batch.recorded));
  }

  @Override
  public <T> List<Future<T>> invokeAll(
      Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException {
    Batch<T> batch = new Batch<>(tasks);
    return batch.watched(executor.invokeAll(batch.recorded, timeout, unit));
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
      throws InterruptedException, ExecutionException {
    Batch<T> batch = new Batch<>(tasks);
    try {
      return executor.invokeAny(batch.recorded);
    } finally {
      batch.cancelUnfinished();
    }
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    Batch<T> batch = new Batch<>(tasks);
    try {
      return executor.invokeAny(batch.recorded, timeout, unit);
    } finally {
      batch.cancelUnfinished();
    }
  }

  @Override
  public void shutdown() {
    executor.shutdown();
  }

  /**
   * Shuts the executor down now; the subtasks it drops never start, the running ones are asked to
   * stop.
   */
  @Override
  public List<Runnable> shutdownNow() {
    for (SubtaskRecord record : log.records()) {
      record.requestCancel();
    }
    List<Runnable> dropped = executor.shutdownNow();
    for (SubtaskRecord record : log.records()) {
      record.cancelIfQueued();
    }
    return dropped;
  }

  @Override
  public boolean isShutdown() {
    return executor.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return executor.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return executor.awaitTermination(timeout, unit);
  }

  @Override
  public String toString() {
    return "SubtaskWatch[" + executor + ", " + log.records().size() + " subtasks]";
  }

  /** The subtasks of one invokeAll or invokeAny, recorded before they go to the executor. */
  private final class Batch<T> {
    final List<SubtaskRecord> records = new ArrayList<>();
    final List<Callable<T>> recorded = new ArrayList<>();

    Batch(Collection<? extends Callable<T>> tasks) {
      Objects.requireNonNull(tasks, "tasks must not be null");
      List<Callable<T>> given = new ArrayList<>(tasks);
      // Checked before any is recorded, so bad input leaves no half-recorded batch.
      for (int i = 0; i < given.size(); i++) {
        if (given.get(i) == null) {
          throw new NullPointerException("tasks must not hold null, was null at index " + i);
        }
      }
      for (Callable<T> task : given) {
        SubtaskRecord record = log.submitted(task);
        records.add(record);
        recorded.add(RecordedTask.of(record, task));
      }
    }

    /** The executor cancels what did not finish in time; the records learn it here. */
    List<Future<T>> watched(List<Future<T>> futures) {
      List<Future<T>> watched = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        Future<T> future = futures.get(i);
        if (future.isCancelled()) {
          records.get(i).requestCancel();
          records.get(i).cancelIfQueued();
        }
        watched.add(new WatchedSubtaskFuture<>(future, records.get(i)));
      }
      return watched;
    }

    /** invokeAny cancels the others once one succeeded (or all failed). */
    void cancelUnfinished() {
      for (SubtaskRecord record : records) {
        record.requestCancel();
        record.cancelIfQueued();
      }
    }
  }
}
