package dev.vigil.time;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One task on a {@link VirtualScheduler}: its due time, its order among tasks due at the same
 * instant, and the future the submitter holds.
 */
final class VirtualTask<V extends @Nullable Object> implements RunnableScheduledFuture<V> {
  private enum State {
    PENDING,
    RUNNING,
    DONE,
    FAILED,
    CANCELLED
  }

  final long sequence;

  /** What the submitter passed; its name is worked out only when someone asks. */
  private final Object source;

  private final VirtualScheduler scheduler;
  private final Callable<V> body;

  /** Positive: fixed rate; negative: fixed delay; zero: runs once. */
  private final long periodNanos;

  long dueNanos;
  long tiebreak;

  /** How many times the body ran; read by the driver only, to name a busy task. */
  int runs;

  /** The virtual instant the body last started; the clock stands still while it runs. */
  volatile long ranAtNanos = Long.MIN_VALUE;

  private State state = State.PENDING;
  private @Nullable V result;
  private @Nullable Throwable failure;

  /** The thread running the body, while it runs; {@code cancel(true)} interrupts it. */
  private @Nullable Thread runner;

  /** Whether {@code cancel(true)} interrupted the runner, whose flag is then cleared after. */
  private boolean interruptedByCancel;

  /** Called once when the task is done; fibers blocked in {@code get()} wake this way. */
  private final List<Runnable> doneHooks = new ArrayList<>(1);

  VirtualTask(
      VirtualScheduler scheduler,
      Object source,
      Callable<V> body,
      long dueNanos,
      long periodNanos,
      long sequence,
      long tiebreak) {
    this.scheduler = scheduler;
    this.source = source;
    this.body = body;
    this.dueNanos = dueNanos;
    this.periodNanos = periodNanos;
    this.sequence = sequence;
    this.tiebreak = tiebreak;
  }

  /** The submitted task's {@code toString()}, shortened for lambdas. */
  String name() {
    String text = source.toString();
    // Lambdas print as Outer$$Lambda$12/0x…@hash: keep the readable part.
    int lambda = text.indexOf("$$Lambda");
    return lambda < 0 ? text : text.substring(0, lambda) + " lambda";
  }

  @Override
  public boolean isPeriodic() {
    return periodNanos != 0;
  }

  long periodNanos() {
    return periodNanos;
  }

  /**
   * Runs the body once on the driving thread; a periodic task is then due again. A {@code
   * cancel(true)} while it runs interrupts this thread; the flag is cleared when the body returns,
   * so the interrupt reaches the task and not the code that drives time.
   */
  @Override
  public void run() {
    synchronized (this) {
      if (state != State.PENDING) {
        return;
      }
      state = State.RUNNING;
      runner = Thread.currentThread();
    }
    runs++;
    try {
      V value = body.call();
      synchronized (this) {
        if (state == State.RUNNING) {
          if (isPeriodic()) {
            state = State.PENDING;
          } else {
            result = value;
            state = State.DONE;
          }
        }
      }
    } catch (Throwable thrown) {
      // As with ScheduledThreadPoolExecutor: a failure ends a periodic task and is kept in its
      // future; nothing is thrown into the driving thread.
      synchronized (this) {
        if (state == State.RUNNING) {
          failure = thrown;
          state = State.FAILED;
        }
      }
      if (thrown instanceof Error error && !(thrown instanceof AssertionError)) {
        throw error;
      }
    } finally {
      endRun();
    }
  }

  private void endRun() {
    List<Runnable> hooks;
    synchronized (this) {
      runner = null;
      if (interruptedByCancel) {
        interruptedByCancel = false;
        var unused = Thread.interrupted();
      }
      hooks = isDone() ? takeDoneHooks() : List.of();
    }
    hooks.forEach(Runnable::run);
  }

  /** Calls {@code hook} once when this task is done: at once if it already is. */
  void whenDone(Runnable hook) {
    synchronized (this) {
      if (!isDone()) {
        doneHooks.add(hook);
        return;
      }
    }
    hook.run();
  }

  private void runDoneHooks() {
    List<Runnable> hooks;
    synchronized (this) {
      hooks = takeDoneHooks();
    }
    hooks.forEach(Runnable::run);
  }

  /** Empties the hooks; most tasks have none, and then nothing is copied. */
  private List<Runnable> takeDoneHooks() {
    if (doneHooks.isEmpty()) {
      return List.of();
    }
    List<Runnable> hooks = List.copyOf(doneHooks);
    doneHooks.clear();
    return hooks;
  }

  synchronized boolean isPending() {
    return state == State.PENDING;
  }

  /**
   * Cancels the task; with {@code mayInterruptIfRunning}, a body running now is interrupted (the
   * driving thread's flag is cleared again when the body returns).
   */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    Thread running;
    synchronized (this) {
      if (state != State.PENDING && state != State.RUNNING) {
        return false;
      }
      state = State.CANCELLED;
      running = runner;
      if (mayInterruptIfRunning && running != null) {
        // Under this task's lock, so run() cannot clear the flag before it is set.
        interruptedByCancel = true;
        running.interrupt();
      }
    }
    scheduler.remove(this);
    if (running == null) {
      runDoneHooks(); // a running body calls them itself when it returns
    }
    return true;
  }

  @Override
  public synchronized boolean isCancelled() {
    return state == State.CANCELLED;
  }

  @Override
  public synchronized boolean isDone() {
    return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
  }

  /** Tells whether this task ended by {@code limitNanos}: it ran by then, or was cancelled. */
  boolean finishedBy(long limitNanos) {
    return isCancelled() || ranAtNanos <= limitNanos;
  }

  /**
   * Waits for the outcome by the blocking rules of {@link VirtualScheduler}: fails at once when no
   * other thread drives virtual time.
   */
  @Override
  public V get() throws InterruptedException, ExecutionException {
    // Untimed, the wait ends only when the task is done.
    var unused = scheduler.awaitTask(this, Long.MAX_VALUE);
    return outcome();
  }

  /**
   * Waits up to {@code timeout} of virtual time for the outcome, by the blocking rules of {@link
   * VirtualScheduler}.
   */
  @Override
  public V get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (!scheduler.awaitTask(this, TimeArguments.timeoutNanos(timeout, unit))) {
      throw new TimeoutException(
          "virtual task '"
              + name()
              + "' did not finish within "
              + timeout
              + " "
              + unit
              + " of virtual time");
    }
    return outcome();
  }

  @SuppressWarnings("NullAway") // result is exactly what the callable returned
  private synchronized V outcome() throws ExecutionException {
    return switch (state) {
      case DONE -> result;
      case FAILED -> throw new ExecutionException(failure);
      case CANCELLED ->
          throw new CancellationException("virtual task '" + name() + "' was cancelled");
      default -> throw new IllegalStateException("virtual task '" + name() + "' is not done");
    };
  }

  @Override
  public long getDelay(TimeUnit unit) {
    return unit.convert(dueNanos - scheduler.nowNanos(), TimeUnit.NANOSECONDS);
  }

  @Override
  public int compareTo(Delayed other) {
    if (other instanceof VirtualTask<?> task) {
      return VirtualScheduler.EXECUTION_ORDER.compare(this, task);
    }
    return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
  }

  @Override
  public String toString() {
    return name();
  }
}
