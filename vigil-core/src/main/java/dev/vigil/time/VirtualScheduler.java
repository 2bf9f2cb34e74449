package dev.vigil.time;

import dev.vigil.internal.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ScheduledExecutorService} on virtual time: tasks run on the thread that drives time
 * ({@link VirtualTimeSource#advanceBy}, {@code runDue}, {@code runUntilIdle}, {@code step}, or a
 * wait), each at its own due instant, with the clock reading exactly that instant.
 *
 * <p>Tasks due at the same instant run in submission order, or in an order shuffled by the seed
 * when the source has one. Fixed-rate tasks are due at {@code first + n * period}; fixed-delay
 * tasks {@code delay} after the previous run ended. As with {@code ScheduledThreadPoolExecutor}, a
 * failing periodic task stops and keeps its failure in its future, {@code shutdown()} cancels
 * periodic tasks and lets delayed one-shot tasks run, and {@code shutdownNow()} drops everything.
 *
 * <p>Any thread may submit. Blocking on an unfinished task's future from the thread that drives
 * time fails at once, since nothing else could ever run the task.
 *
 * @since 0.1
 */
public final class VirtualScheduler implements ScheduledExecutorService {
  /** Due time, then the seed's tiebreak (zero without a seed), then submission order. */
  static final Comparator<VirtualTask<?>> EXECUTION_ORDER = VirtualScheduler::compareExecution;

  private static int compareExecution(VirtualTask<?> a, VirtualTask<?> b) {
    if (a.dueNanos != b.dueNanos) {
      return a.dueNanos < b.dueNanos ? -1 : 1;
    }
    if (a.tiebreak != b.tiebreak) {
      return a.tiebreak < b.tiebreak ? -1 : 1;
    }
    return Long.compare(a.sequence, b.sequence);
  }

  private final Object lock = new Object();
  private final PriorityQueue<VirtualTask<?>> queue = new PriorityQueue<>(EXECUTION_ORDER);
  private final ReentrantLock driving = new ReentrantLock();
  private final Thread owner;
  private final @Nullable SplittableRandom shuffle;
  private long now;
  private long sequence;
  private boolean shutdown;
  private boolean runningTask;

  VirtualScheduler(@Nullable Long seed) {
    this.owner = Thread.currentThread();
    this.shuffle = seed == null ? null : new SplittableRandom(seed);
  }

  long nowNanos() {
    synchronized (lock) {
      return now;
    }
  }

  // ---- submission ------------------------------------------------------------------------

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Objects.requireNonNull(command, "command must not be null");
    return enqueue(command, Executors.callable(command), delayNanos(delay, unit), 0);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    Objects.requireNonNull(callable, "callable must not be null");
    return enqueue(callable, callable, delayNanos(delay, unit), 0);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    Objects.requireNonNull(command, "command must not be null");
    long periodNanos = positivePeriod("period", period, unit);
    return enqueue(
        command, Executors.callable(command), delayNanos(initialDelay, unit), periodNanos);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    Objects.requireNonNull(command, "command must not be null");
    long delayNanos = positivePeriod("delay", delay, unit);
    return enqueue(
        command, Executors.callable(command), delayNanos(initialDelay, unit), -delayNanos);
  }

  @Override
  public void execute(Runnable command) {
    // execute() has no future to hand back: a failure stays in the task's own future.
    var unused = schedule(command, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    return schedule(task, 0, TimeUnit.NANOSECONDS);
  }

  @Override
  public <T> Future<T> submit(Runnable task, T result) {
    Objects.requireNonNull(task, "task must not be null");
    return enqueue(task, Executors.callable(task, result), 0, 0);
  }

  @Override
  public Future<?> submit(Runnable task) {
    return schedule(task, 0, TimeUnit.NANOSECONDS);
  }

  private <V> VirtualTask<V> enqueue(
      Object source, Callable<V> body, long delayNanos, long periodNanos) {
    synchronized (lock) {
      long due = Durations.saturatedAdd(now, delayNanos);
      VirtualTask<V> task =
          new VirtualTask<>(this, source, body, due, periodNanos, ++sequence, nextTiebreak());
      if (shutdown) {
        throw new RejectedExecutionException(
            "virtual scheduler is shut down; task '" + task.name() + "' was not accepted");
      }
      queue.add(task);
      return task;
    }
  }

  private long nextTiebreak() {
    return shuffle == null ? 0 : shuffle.nextLong();
  }

  void remove(VirtualTask<?> task) {
    synchronized (lock) {
      queue.remove(task);
      lock.notifyAll();
    }
  }

  // ---- invokeAll / invokeAny: the caller drives when it is the driver --------------------

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(submit(task));
    }
    for (Future<T> future : futures) {
      awaitDone(future, Long.MAX_VALUE);
    }
    return futures;
  }

  @Override
  public <T> List<Future<T>> invokeAll(
      Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException {
    long limit = Durations.saturatedAdd(nowNanos(), unit.toNanos(timeout));
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(submit(task));
    }
    for (Future<T> future : futures) {
      awaitDone(future, limit);
    }
    for (Future<T> future : futures) {
      future.cancel(true);
    }
    return futures;
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
      throws InterruptedException, ExecutionException {
    try {
      return invokeAny(tasks, Long.MAX_VALUE, TimeUnit.NANOSECONDS);
    } catch (TimeoutException impossible) {
      throw new ExecutionException(impossible);
    }
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (tasks.isEmpty()) {
      throw new IllegalArgumentException("tasks must not be empty");
    }
    long limit = Durations.saturatedAdd(nowNanos(), unit.toNanos(timeout));
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(submit(task));
    }
    ExecutionException lastFailure = null;
    try {
      for (Future<T> future : futures) {
        awaitDone(future, limit);
        if (future.isDone() && !future.isCancelled()) {
          try {
            return future.get();
          } catch (ExecutionException failed) {
            lastFailure = failed;
          }
        }
      }
    } finally {
      for (Future<T> future : futures) {
        future.cancel(true);
      }
    }
    if (lastFailure != null) {
      throw lastFailure;
    }
    throw new TimeoutException("no task finished within " + timeout + " " + unit);
  }

  /** Drives time (on the driver) or blocks (elsewhere) until {@code future} is done. */
  private void awaitDone(Future<?> future, long limitNanos) throws InterruptedException {
    if (!isDriver(Thread.currentThread())) {
      try {
        future.get();
      } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
        // The future holds the outcome; invokeAll returns it as it is.
      }
      return;
    }
    while (!future.isDone()) {
      if (step(limitNanos) == null) {
        return;
      }
    }
  }

  // ---- lifecycle -------------------------------------------------------------------------

  @Override
  public void shutdown() {
    List<VirtualTask<?>> periodic = new ArrayList<>();
    synchronized (lock) {
      shutdown = true;
      for (VirtualTask<?> task : queue) {
        if (task.isPeriodic()) {
          periodic.add(task);
        }
      }
    }
    periodic.forEach(task -> task.cancel(false));
  }

  @Override
  public List<Runnable> shutdownNow() {
    List<VirtualTask<?>> dropped;
    synchronized (lock) {
      shutdown = true;
      dropped = new ArrayList<>(queue);
      dropped.sort(EXECUTION_ORDER);
    }
    dropped.forEach(task -> task.cancel(false));
    return new ArrayList<>(dropped);
  }

  @Override
  public boolean isShutdown() {
    synchronized (lock) {
      return shutdown;
    }
  }

  @Override
  public boolean isTerminated() {
    synchronized (lock) {
      return shutdown && queue.isEmpty() && !runningTask;
    }
  }

  /**
   * On the driving thread, runs the remaining tasks for up to {@code timeout} of virtual time;
   * elsewhere, waits up to {@code timeout} of real time for the driver to finish them.
   */
  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    if (isDriver(Thread.currentThread())) {
      long limit = Durations.saturatedAdd(nowNanos(), unit.toNanos(timeout));
      while (!isTerminated() && step(limit) != null) {
        // each step runs one task
      }
      return isTerminated();
    }
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    synchronized (lock) {
      while (!isTerminated()) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, remaining);
      }
      return true;
    }
  }

  // ---- driving ---------------------------------------------------------------------------

  /**
   * Runs the next task due at or before {@code limitNanos}, moving the clock to its due time.
   *
   * @return the task that ran, or {@code null} when none is due by the limit
   */
  @Nullable VirtualTask<?> step(long limitNanos) {
    enterDriving();
    try {
      return runNext(limitNanos);
    } finally {
      driving.unlock();
    }
  }

  /**
   * Runs tasks due by {@code limitNanos}, one after another, at most {@code maxTasks}; the drive
   * lock is taken once for the whole run.
   *
   * @return how many tasks ran
   */
  int drain(long limitNanos, int maxTasks) {
    enterDriving();
    try {
      int ran = 0;
      while (ran < maxTasks && runNext(limitNanos) != null) {
        ran++;
      }
      return ran;
    } finally {
      driving.unlock();
    }
  }

  private @Nullable VirtualTask<?> runNext(long limitNanos) {
    {
      VirtualTask<?> task;
      synchronized (lock) {
        task = queue.peek();
        if (task == null || task.dueNanos > limitNanos) {
          return null;
        }
        queue.poll();
        now = Math.max(now, task.dueNanos);
        runningTask = true;
      }
      try {
        task.run();
      } finally {
        synchronized (lock) {
          runningTask = false;
          reschedule(task);
          lock.notifyAll();
        }
      }
      return task;
    }
  }

  private void reschedule(VirtualTask<?> task) {
    if (!task.isPeriodic() || !task.isPending()) {
      return;
    }
    if (shutdown) {
      task.cancel(false);
      return;
    }
    long period = task.periodNanos();
    long base = period > 0 ? task.dueNanos : now;
    task.dueNanos = Durations.saturatedAdd(base, Math.abs(period));
    task.tiebreak = nextTiebreak();
    queue.add(task);
  }

  /** Moves the clock forward to {@code targetNanos} without running anything; never backwards. */
  void moveClockTo(long targetNanos) {
    synchronized (lock) {
      now = Math.max(now, targetNanos);
    }
  }

  /** Returns the due time of the next task, or {@link Long#MAX_VALUE} when none is pending. */
  long nextDueNanos() {
    synchronized (lock) {
      VirtualTask<?> next = queue.peek();
      return next == null ? Long.MAX_VALUE : next.dueNanos;
    }
  }

  /** Returns the pending tasks in the order they will run. */
  List<VirtualTask<?>> pendingInOrder() {
    synchronized (lock) {
      List<VirtualTask<?>> pending = new ArrayList<>(queue);
      pending.sort(EXECUTION_ORDER);
      return pending;
    }
  }

  private void enterDriving() {
    if (driving.isHeldByCurrentThread() && runningTaskOnThisThread()) {
      throw new IllegalStateException(
          "a virtual task cannot drive virtual time itself (advanceBy, runDue, runUntilIdle,"
              + " step or a wait inside a task); schedule the follow-up work instead");
    }
    driving.lock();
  }

  private boolean runningTaskOnThisThread() {
    synchronized (lock) {
      return runningTask;
    }
  }

  boolean isDriver(Thread thread) {
    return thread == owner || (driving.isHeldByCurrentThread() && thread == Thread.currentThread());
  }

  void refuseBlockingFromDriver(VirtualTask<?> task) {
    if (!task.isDone() && isDriver(Thread.currentThread())) {
      throw new IllegalStateException(
          "get() on unfinished virtual task '"
              + task.name()
              + "' from the thread that drives virtual time would wait forever: only this thread"
              + " can run it. Drive time first (runUntilIdle(), advanceBy(...)) or wait with"
              + " vigil.eventually(future::isDone).");
    }
  }

  // ---- helpers ---------------------------------------------------------------------------

  private static long delayNanos(long delay, TimeUnit unit) {
    Objects.requireNonNull(unit, "unit must not be null");
    // As in ScheduledThreadPoolExecutor, a negative delay means "now".
    return Math.max(0, unit.toNanos(delay));
  }

  private static long positivePeriod(String name, long value, TimeUnit unit) {
    Objects.requireNonNull(unit, "unit must not be null");
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value + " " + unit);
    }
    return unit.toNanos(value);
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "VirtualScheduler[now="
          + Duration.ofNanos(now)
          + ", pending="
          + queue.size()
          + (shutdown ? ", shut down" : "")
          + "]";
    }
  }
}
