package dev.vigil.time;

import dev.vigil.internal.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A task on virtual time that may block: it runs on a thread of its own, but only while the thread
 * that drives time hands it the turn, so it never runs at the same time as a task or another fiber.
 * Where it would block — {@link #sleep}, a {@link VirtualLatch}, {@link VirtualSemaphore} or {@link
 * VirtualBlockingQueue}, {@code get()} on a virtual task or fiber, a Vigil wait — it parks, and
 * virtual time goes on; it resumes as a scheduled task at the instant it may go on. Each stretch it
 * runs between two parks is one task of the scheduler, so {@link VirtualTimeSource#step()} moves a
 * fiber from one await point to the next, and a seed shuffles fibers like any other task.
 *
 * <pre>{@code
 * VirtualBlockingQueue<Integer> queue = VirtualBlockingQueue.create(vigil.virtualTime(), 5);
 * Fiber<?> producer = vigil.virtualTime().startFiber("producer", () -> {
 *   for (int i = 0; i < 100; i++) {
 *     queue.put(i); // parks while the queue is full
 *   }
 * });
 * vigil.virtualTime().runUntilIdle();
 * assertThat(producer.state()).isEqualTo(Fiber.State.PARKED);
 * }</pre>
 *
 * <p>{@code cancel(true)} interrupts the fiber: a parked fiber resumes with an {@link
 * InterruptedException} from the call it was parked in, so its {@code finally} blocks run on
 * virtual time; a running one has its thread interrupted. As for any {@link Future}, the fiber
 * counts as done once cancelled; {@link #state()} tells when its body has really ended. Closing the
 * time source ends parked fibers by throwing an {@link Error} out of their park.
 *
 * @param <V> the result type
 * @since 0.1
 */
public final class Fiber<V extends @Nullable Object> implements Future<V> {

  /**
   * Where a fiber's body is.
   *
   * @since 0.1
   */
  public enum State {
    /** Started, but its first turn has not come yet. */
    NEW,
    /** Running now (it holds the turn). */
    RUNNING,
    /** Waiting at an await point for the instant it may go on. */
    PARKED,
    /** The body returned. */
    DONE,
    /** The body threw. */
    FAILED,
    /** Cancelled before its first turn, or its body ended after a cancel. */
    CANCELLED;

    /**
     * Tells whether the body has ended (or will never start).
     *
     * @return {@code true} for {@code DONE}, {@code FAILED} and {@code CANCELLED}
     */
    public boolean hasEnded() {
      return this == DONE || this == FAILED || this == CANCELLED;
    }
  }

  /**
   * A fiber's body that returns nothing; it may throw, {@link InterruptedException} included.
   *
   * @since 0.1
   */
  @FunctionalInterface
  public interface Action {
    /**
     * Runs the body.
     *
     * @throws Exception what the body throws; kept as the fiber's failure
     */
    void run() throws Exception;
  }

  private static final ThreadLocal<@Nullable Fiber<?>> CURRENT = new ThreadLocal<>();
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final VirtualScheduler scheduler;
  private final String name;
  private final Callable<V> body;
  private final FiberWaiters endWaiters;
  private final FiberTurn turn = new FiberTurn();

  // Guarded by turn.
  private State state = State.NEW;
  private String parkedIn = "";
  private boolean cancelled;
  private boolean interruptRequested;
  private boolean permit;
  private boolean abandoned;
  private @Nullable Thread carrier;
  private @Nullable VirtualTask<?> resumeTask;
  private boolean turnJustEnded;
  private @Nullable V result;
  private @Nullable Throwable failure;

  private Fiber(VirtualScheduler scheduler, String name, Callable<V> body) {
    this.scheduler = scheduler;
    this.name = name;
    this.body = body;
    this.endWaiters = new FiberWaiters(scheduler);
  }

  /** Makes a fiber and schedules its first turn for now. */
  static <V extends @Nullable Object> Fiber<V> startOn(
      VirtualScheduler scheduler, String name, Callable<V> body) {
    Fiber<V> fiber = new Fiber<>(scheduler, name, body);
    synchronized (fiber.turn) {
      fiber.resumeTask = scheduler.submitAs(new TaskName(fiber, "starts"), fiber::resume);
    }
    return fiber;
  }

  /**
   * Parks the calling fiber for {@code duration} of virtual time.
   *
   * @param duration zero or positive; zero still lets tasks due now run first
   * @throws InterruptedException when the fiber is cancelled with interruption while parked
   * @throws IllegalStateException when not called from a fiber
   */
  public static void sleep(Duration duration) throws InterruptedException {
    long nanos = Durations.nonNegativeNanos("duration", duration);
    Fiber<?> fiber = current();
    if (fiber == null) {
      throw new IllegalStateException(
          "Fiber.sleep("
              + Durations.format(duration)
              + ") called outside a fiber; start one"
              + " with vigil.virtualTime().startFiber(name, body), or move time with advanceBy");
    }
    fiber.checkInterrupt("sleep(" + Durations.format(duration) + ")");
    long deadline = Durations.saturatedAdd(fiber.scheduler.nowNanos(), nanos);
    String call = "sleep(" + Durations.format(duration) + ")";
    // A park may return early (a wake meant for an earlier wait); a sleep lasts its whole span.
    do {
      fiber.parkUntilDeadline(call, deadline);
    } while (fiber.scheduler.nowNanos() < deadline);
  }

  /** Returns the fiber whose body runs on this thread, or {@code null}. */
  static @Nullable Fiber<?> current() {
    return CURRENT.get();
  }

  VirtualScheduler scheduler() {
    return scheduler;
  }

  /**
   * Returns the name given at start.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns where the body is now.
   *
   * @return the state
   */
  public State state() {
    synchronized (turn) {
      return state;
    }
  }

  /**
   * Describes the call the fiber is parked in, such as {@code VirtualBlockingQueue.put(...)}.
   *
   * @return the call, or an empty string when not parked
   */
  public String parkedIn() {
    synchronized (turn) {
      return parkedIn;
    }
  }

  // ---- the turn: resume on the driving thread, park on the fiber's own -------------------

  /** The body of the scheduler task that gives this fiber its turn; runs on the driver. */
  private @Nullable Void resume() {
    synchronized (turn) {
      resumeTask = null;
      if (state != State.PARKED && state != State.NEW) {
        return null;
      }
      if (carrier == null) {
        carrier = startCarrier();
      }
      turn.handToFiber();
      turnJustEnded = true;
    }
    return null;
  }

  private Thread startCarrier() {
    Thread thread =
        new Thread(this::carry, "vigil-fiber-" + name + "-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    scheduler.fibers.started(this);
    thread.start();
    return thread;
  }

  /** The carrier thread: waits for the first turn, runs the body, hands the turn back. */
  private void carry() {
    CURRENT.set(this);
    synchronized (turn) {
      turn.awaitFiberTurn();
      state = State.RUNNING;
    }
    V value = null;
    Throwable thrown = null;
    try {
      value = body.call();
    } catch (Throwable t) {
      thrown = t;
    }
    end(value, thrown);
    CURRENT.remove();
  }

  private void end(@Nullable V value, @Nullable Throwable thrown) {
    synchronized (turn) {
      result = value;
      failure = thrown;
      state = cancelled ? State.CANCELLED : thrown == null ? State.DONE : State.FAILED;
    }
    scheduler.fibers.ended(this);
    // Before the turn goes back, so that fibers waiting for this one are woken in the same step.
    endWaiters.changed();
    synchronized (turn) {
      turn.handToDriver();
    }
  }

  /**
   * Parks the current fiber until woken or until {@code deadlineNanos}; the caller looks again
   * whether it may go on.
   */
  void parkUntilDeadline(String call, long deadlineNanos) throws InterruptedException {
    VirtualTask<?> timer = null;
    if (deadlineNanos != Long.MAX_VALUE) {
      timer =
          scheduler.enqueueAt(
              deadlineNanos, new TaskName(this, "wakes after " + call), this::resume);
    }
    try {
      park(call);
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }

  private void park(String call) throws InterruptedException {
    synchronized (turn) {
      if (!permit && !interruptRequested && !abandoned) {
        state = State.PARKED;
        parkedIn = call;
        turn.handToDriver();
        turn.awaitFiberTurn();
        state = State.RUNNING;
        parkedIn = "";
      }
      permit = false;
      if (abandoned) {
        throw new AbandonedError(this, call);
      }
      if (interruptRequested) {
        interruptRequested = false;
        throw new InterruptedException(call + " in fiber '" + name + "' was interrupted");
      }
    }
  }

  /** Throws if this fiber's thread was interrupted while it ran. */
  void checkInterrupt(String call) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException(call + " in fiber '" + name + "' was interrupted");
    }
  }

  /** Lets a parked fiber look again at the next step; a running one skips its next park. */
  void wake() {
    synchronized (turn) {
      if (state == State.RUNNING) {
        permit = true;
      } else if (state == State.PARKED && resumeTask == null) {
        try {
          resumeTask = scheduler.submitAs(new TaskName(this, "resumes"), this::resume);
        } catch (RejectedExecutionException closed) {
          // Closing the source abandons parked fibers itself.
        }
      }
    }
  }

  /**
   * Called after every task the scheduler runs: wakes this fiber unless the task was its own turn,
   * so that a wait inside it looks again after anything else happened.
   */
  void wakeUnlessItsOwnTurnEnded() {
    synchronized (turn) {
      if (turnJustEnded) {
        turnJustEnded = false;
        return;
      }
    }
    wake();
  }

  /** Called when the time source closes: ends a parked fiber by throwing out of its park. */
  void abandon(long maxWaitNanos) {
    synchronized (turn) {
      if (state.hasEnded()) {
        return;
      }
      abandoned = true;
      if (state == State.NEW) {
        cancelled = true;
        state = State.CANCELLED;
      } else if (state == State.PARKED) {
        turn.handToFiberAtMost(maxWaitNanos);
      }
    }
  }

  // ---- Future --------------------------------------------------------------------------

  /**
   * Cancels the fiber: one not yet started never runs; with {@code mayInterruptIfRunning}, a parked
   * fiber resumes with an {@link InterruptedException} and a running one is interrupted.
   */
  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    VirtualTask<?> start = null;
    synchronized (turn) {
      if (cancelled || state.hasEnded()) {
        return false;
      }
      cancelled = true;
      if (state == State.NEW) {
        state = State.CANCELLED;
        start = resumeTask;
        resumeTask = null;
      } else if (mayInterruptIfRunning && state == State.RUNNING) {
        Objects.requireNonNull(carrier).interrupt();
      } else if (mayInterruptIfRunning) {
        interruptRequested = true;
        wake();
      }
    }
    if (start != null) {
      start.cancel(false);
    }
    endWaiters.changed();
    return true;
  }

  @Override
  public boolean isCancelled() {
    synchronized (turn) {
      return cancelled;
    }
  }

  @Override
  public boolean isDone() {
    synchronized (turn) {
      return cancelled || state.hasEnded();
    }
  }

  /**
   * Waits for the outcome: inside another fiber it parks; elsewhere by the blocking rules of {@link
   * VirtualScheduler}, driving time itself when no other thread does.
   */
  @Override
  public V get() throws InterruptedException, ExecutionException {
    VirtualBlocking.await(scheduler, endWaiters, this::isDone, Long.MAX_VALUE, getCall());
    return outcome();
  }

  /** Waits up to {@code timeout} of virtual time for the outcome, as {@link #get()} does. */
  @Override
  public V get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    long nanos = TimeArguments.timeoutNanos(timeout, unit);
    if (!VirtualBlocking.await(scheduler, endWaiters, this::isDone, nanos, getCall())) {
      throw new TimeoutException(
          "fiber '"
              + name
              + "' did not finish within "
              + timeout
              + " "
              + unit
              + " of virtual time");
    }
    return outcome();
  }

  private String getCall() {
    return "get() on fiber '" + name + "'";
  }

  @SuppressWarnings("NullAway") // result is exactly what the body returned
  private V outcome() throws ExecutionException {
    synchronized (turn) {
      if (cancelled) {
        throw new CancellationException("fiber '" + name + "' was cancelled");
      }
      if (failure != null) {
        throw new ExecutionException(failure);
      }
      return result;
    }
  }

  @Override
  public String toString() {
    synchronized (turn) {
      String where = state == State.PARKED ? " in " + parkedIn : "";
      return "fiber '" + name + "' " + state.name().toLowerCase(java.util.Locale.ROOT) + where;
    }
  }

  /** Names the scheduler tasks that give this fiber its turn, as {@code pending()} lists them. */
  private record TaskName(Fiber<?> fiber, String what) {
    @Override
    public String toString() {
      return "fiber '" + fiber.name + "' " + what;
    }
  }

  /** Thrown out of a parked fiber's park when its time source closes. */
  static final class AbandonedError extends Error {
    private static final long serialVersionUID = 1L;

    AbandonedError(Fiber<?> fiber, String call) {
      super(
          "virtual time was closed while fiber '" + fiber.name + "' was parked in " + call,
          null,
          false,
          false);
    }
  }
}
