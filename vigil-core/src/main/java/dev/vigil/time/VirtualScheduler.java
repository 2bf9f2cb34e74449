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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
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
 * <p>Any thread may submit. Only a thread that drives time runs tasks, so a call that blocks until
 * tasks finish ({@code get()} on a future, {@code invokeAll}, {@code invokeAny}, {@code
 * awaitTermination}) needs a driver. The scheduler remembers the thread that drove time last; the
 * thread that built it is not special, so a context built in a {@code @BeforeEach} on one thread
 * and used in the test body on another behaves exactly as on a single thread. A blocking call:
 *
 * <ul>
 *   <li>inside a task fails at once: tasks run one at a time, so the awaited work cannot run before
 *       the calling task ends;
 *   <li>when another thread drives time now, or drove it last and is still alive, waits for that
 *       thread to run the work. A timeout is virtual: the call gives up once the virtual clock
 *       passes it, or once the same span of real time has passed, so an idle driver cannot hang the
 *       caller;
 *   <li>otherwise (no thread has driven yet, or this one drove last) the caller is the only thread
 *       that could drive: {@code get()} fails at once saying how to run time ({@code advanceBy},
 *       {@code runUntilIdle}, or {@code vigil.eventually(future::isDone)}); {@code invokeAll},
 *       {@code invokeAny} and {@code awaitTermination} drive time themselves, up to their timeout
 *       of virtual time.
 * </ul>
 *
 * <p>So code under test on a real thread may block on a virtual future once the test's thread has
 * driven time at least once (a {@code runDue()} is enough); the test then keeps driving it.
 *
 * <p>A {@link Fiber} is the exception to all of this: it may block, because it parks. Inside a
 * fiber, {@code get()} on a task or fiber, {@link Fiber#sleep}, a Vigil wait and the {@link
 * VirtualLatch}, {@link VirtualSemaphore} and {@link VirtualBlockingQueue} park it until it may go
 * on. Outside a fiber those three types, and {@code get()} on a fiber, follow the rules above, with
 * the third case driving time as {@code invokeAll} does (and failing at once when nothing scheduled
 * could end the wait). {@code invokeAll}, {@code invokeAny} and {@code awaitTermination} are
 * refused inside a fiber.
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
  private final CopyOnWriteArrayList<Runnable> taskListeners = new CopyOnWriteArrayList<>();

  /** The thread that drove time last (outside a task); {@code null} until one does. */
  private volatile @Nullable Thread lastDriver;

  private final @Nullable SplittableRandom shuffle;
  private long now;
  private long sequence;
  private boolean shutdown;
  private boolean runningTask;

  VirtualScheduler(@Nullable Long seed) {
    this.shuffle = seed == null ? null : new SplittableRandom(seed);
  }

  long nowNanos() {
    synchronized (lock) {
      return now;
    }
  }

  /**
   * Calls {@code listener} after every task this scheduler runs, in the thread that ran it, so that
   * state a task changed is seen before the next task runs: value histories record this way.
   *
   * @param listener called after each task
   */
  public void addTaskListener(Runnable listener) {
    taskListeners.add(Objects.requireNonNull(listener, "listener must not be null"));
  }

  /**
   * Stops calling a listener added with {@link #addTaskListener}.
   *
   * @param listener the listener
   * @return whether it was listening
   */
  public boolean removeTaskListener(Runnable listener) {
    return taskListeners.remove(listener);
  }

  // ---- submission ------------------------------------------------------------------------

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Objects.requireNonNull(command, "command must not be null");
    return enqueue(command, Executors.callable(command), TimeArguments.delayNanos(delay, unit), 0);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    Objects.requireNonNull(callable, "callable must not be null");
    return enqueue(callable, callable, TimeArguments.delayNanos(delay, unit), 0);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    Objects.requireNonNull(command, "command must not be null");
    long periodNanos = TimeArguments.positivePeriod("period", period, unit);
    return enqueue(
        command,
        Executors.callable(command),
        TimeArguments.delayNanos(initialDelay, unit),
        periodNanos);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    Objects.requireNonNull(command, "command must not be null");
    long delayNanos = TimeArguments.positivePeriod("delay", delay, unit);
    return enqueue(
        command,
        Executors.callable(command),
        TimeArguments.delayNanos(initialDelay, unit),
        -delayNanos);
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

  // ---- invokeAll / invokeAny: by the blocking rules of the class Javadoc ------------------

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks)
      throws InterruptedException {
    return VirtualInvocations.invokeAll(this, tasks, Long.MAX_VALUE);
  }

  /** Returns once every task finished or the timeout passed; unfinished tasks are cancelled. */
  @Override
  public <T> List<Future<T>> invokeAll(
      Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException {
    return VirtualInvocations.invokeAll(this, tasks, TimeArguments.timeoutNanos(timeout, unit));
  }

  /** Returns the result of the task that succeeded first in execution order. */
  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
      throws InterruptedException, ExecutionException {
    try {
      return VirtualInvocations.invokeAny(this, tasks, Long.MAX_VALUE, "ever");
    } catch (TimeoutException impossible) {
      throw new ExecutionException(impossible);
    }
  }

  /** Returns the result of the task that succeeded first in execution order. */
  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    return VirtualInvocations.invokeAny(
        this, tasks, TimeArguments.timeoutNanos(timeout, unit), "within " + timeout + " " + unit);
  }

  /** Submits {@code body} under the name of {@code source}, to run now. */
  <V> VirtualTask<V> submitAs(Object source, Callable<V> body) {
    return enqueue(source, body, 0, 0);
  }

  /** Submits {@code body} under the name of {@code source}, to run at {@code dueNanos}. */
  <V> VirtualTask<V> enqueueAt(long dueNanos, Object source, Callable<V> body) {
    return enqueue(source, body, Math.max(0, dueNanos - nowNanos()), 0);
  }

  // ---- fibers ----------------------------------------------------------------------------

  /** The fibers of this scheduler that have begun and not ended. */
  final FiberRegistry fibers = new FiberRegistry();

  /** Wakes threads waiting for the driver: state that a blocking call awaits has changed. */
  void stateChanged() {
    synchronized (lock) {
      lock.notifyAll();
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
    fibers.abandonAll();
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

  /** Waits, by the blocking rules of the class Javadoc, for the last tasks to finish. */
  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return awaitWork(
        this::isTerminated, TimeArguments.timeoutNanos(timeout, unit), "awaitTermination(...)");
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
        task.ranAtNanos = now;
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
      for (Runnable listener : taskListeners) {
        listener.run();
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
      lock.notifyAll(); // a timed wait for the driver may have run out of virtual time
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
    Fiber<?> fiber = Fiber.current();
    if (fiber != null) {
      throw new IllegalStateException(
          "fiber '"
              + fiber.name()
              + "' cannot drive virtual time (advanceBy, runDue, runUntilIdle or step); park"
              + " with Fiber.sleep(...) or a virtual latch, queue or semaphore instead");
    }
    if (driving.isHeldByCurrentThread() && runningTaskOnThisThread()) {
      throw new IllegalStateException(
          "a virtual task cannot drive virtual time itself (advanceBy, runDue, runUntilIdle,"
              + " step or a wait inside a task); schedule the follow-up work instead");
    }
    driving.lock();
    lastDriver = Thread.currentThread();
  }

  private boolean runningTaskOnThisThread() {
    synchronized (lock) {
      return runningTask;
    }
  }

  // ---- blocking calls: drive time, or wait for the thread that drives --------------------

  /** How a wait for another thread's driving ended. */
  private enum Waited {
    DONE,
    TIMED_OUT,
    NO_DRIVER
  }

  /** How often a waiting thread looks again whether its driver is still alive. */
  private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  /**
   * Blocks until {@code task} is done, by the rules of the class Javadoc.
   *
   * @return whether it finished within {@code timeoutNanos} of virtual time
   */
  boolean awaitTask(VirtualTask<?> task, long timeoutNanos) throws InterruptedException {
    if (task.isDone()) {
      return true;
    }
    String call = "get() on unfinished virtual task '" + task.name() + "'";
    if (Fiber.current() != null) {
      FiberWaiters waiters = new FiberWaiters(this);
      task.whenDone(waiters::changed);
      return VirtualBlocking.await(this, waiters, task::isDone, timeoutNanos, call);
    }
    refuseInsideTask(call);
    long limit = Durations.saturatedAdd(nowNanos(), timeoutNanos);
    Waited waited =
        anotherThreadDrives() ? waitForDriver(task::isDone, limit, timeoutNanos) : Waited.NO_DRIVER;
    return switch (waited) {
      case DONE -> task.finishedBy(limit);
      case TIMED_OUT -> false;
      case NO_DRIVER ->
          throw new IllegalStateException(
              call
                  + " would wait forever: no other thread drives virtual time, so only this"
                  + " thread could run it. Drive time first (vigil.virtualTime().runUntilIdle()"
                  + " or advanceBy(...)) or wait with vigil.eventually(future::isDone).");
    };
  }

  /**
   * Blocks until {@code done} holds, by the rules of the class Javadoc: drives time itself while no
   * other thread drives, and otherwise waits for the thread that does.
   *
   * @return whether {@code done} holds
   */
  boolean awaitWork(BooleanSupplier done, long timeoutNanos, String call)
      throws InterruptedException {
    refuseInsideTask(call);
    long limit = Durations.saturatedAdd(nowNanos(), timeoutNanos);
    long realStart = System.nanoTime();
    while (true) {
      if (!anotherThreadDrives()) {
        return driveUntil(done, limit);
      }
      long realLeft =
          timeoutNanos == Long.MAX_VALUE
              ? Long.MAX_VALUE
              : timeoutNanos - (System.nanoTime() - realStart);
      Waited waited = waitForDriver(done, limit, realLeft);
      if (waited != Waited.NO_DRIVER) {
        return waited == Waited.DONE;
      }
    }
  }

  /** Fails when called from inside a task, where waiting for other tasks can never end. */
  void refuseInsideTask(String call) {
    Fiber<?> fiber = Fiber.current();
    if (fiber != null) {
      throw new IllegalStateException(
          call
              + " inside fiber '"
              + fiber.name()
              + "' is not supported: submit the tasks and call get() on each, which parks");
    }
    // Only a task runs foreign code while this thread holds the drive lock.
    if (driving.isHeldByCurrentThread()) {
      throw new IllegalStateException(
          call
              + " inside a virtual task would wait forever: tasks run one at a time on the"
              + " thread that drives time, so the awaited work cannot run before this task ends;"
              + " schedule the follow-up work instead");
    }
  }

  private boolean anotherThreadDrives() {
    if (driving.isLocked() && !driving.isHeldByCurrentThread()) {
      return true;
    }
    Thread last = lastDriver;
    return last != null && last != Thread.currentThread() && last.isAlive();
  }

  /** Runs tasks due by {@code limitNanos} until {@code done} holds; a timeout moves the clock. */
  private boolean driveUntil(BooleanSupplier done, long limitNanos) {
    enterDriving();
    try {
      while (!done.getAsBoolean()) {
        if (runNext(limitNanos) == null) {
          if (limitNanos != Long.MAX_VALUE) {
            moveClockTo(limitNanos); // the caller has waited its whole timeout
          }
          return done.getAsBoolean();
        }
      }
      return true;
    } finally {
      driving.unlock();
    }
  }

  private Waited waitForDriver(BooleanSupplier done, long limitNanos, long realCapNanos)
      throws InterruptedException {
    long start = System.nanoTime();
    synchronized (lock) {
      while (!done.getAsBoolean()) {
        long realLeft = realCapNanos - (System.nanoTime() - start);
        if (now > limitNanos || realLeft <= 0) {
          return Waited.TIMED_OUT;
        }
        if (!anotherThreadDrives()) {
          return Waited.NO_DRIVER;
        }
        // Finished tasks, cancellations and clock moves notify; looking again now and then
        // notices a driver thread that has ended.
        TimeUnit.NANOSECONDS.timedWait(lock, Math.min(realLeft, RECHECK_NANOS));
      }
      return Waited.DONE;
    }
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
