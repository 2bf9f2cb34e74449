package dev.vigil.time;

import dev.vigil.internal.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Virtual time: a clock that moves only when the test drives it, and a {@link VirtualScheduler}
 * whose tasks run on the driving thread at their due instants.
 *
 * <p>Waits in a virtual-time context never sleep: where they would, they run the next scheduled
 * task and move the clock to it, so a 30-second window costs milliseconds. Code under test sees
 * virtual time only if it takes its {@link Clock} and {@link java.util.concurrent
 * .ScheduledExecutorService} from the context; a real thread, real I/O or {@code
 * System.currentTimeMillis()} stay in real time.
 *
 * <pre>{@code
 * Vigil vigil = Vigil.withVirtualTime();
 * VirtualTimeSource time = vigil.virtualTime();
 * vigil.scheduler().schedule(() -> flag.set(true), 30, TimeUnit.SECONDS);
 * time.advanceBy(Duration.ofSeconds(30));   // runs the task, instantly
 * }</pre>
 *
 * @since 0.1
 */
public final class VirtualTimeSource implements TimeSource {
  /** Where virtual clocks start unless told otherwise. */
  public static final Instant DEFAULT_ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

  /** The bound of {@link #runUntilIdle()}. */
  public static final int DEFAULT_MAX_TASKS = 100_000;

  private final Instant origin;
  private final @Nullable Long seed;
  private final VirtualScheduler scheduler;
  private final Clock clock;
  private final AtomicLong tasksRun = new AtomicLong();

  private VirtualTimeSource(Instant origin, @Nullable Long seed) {
    this.origin = Objects.requireNonNull(origin, "origin must not be null");
    this.seed = seed;
    this.scheduler = new VirtualScheduler(seed);
    this.clock = new VirtualClock(ZoneOffset.UTC);
  }

  /**
   * Creates virtual time starting at {@code origin}; same-instant tasks run in submission order.
   *
   * @param origin the instant the clock reads at first
   * @return the source
   */
  public static VirtualTimeSource startingAt(Instant origin) {
    return new VirtualTimeSource(origin, null);
  }

  /**
   * Creates virtual time starting at {@code origin} whose same-instant tasks run in an order
   * shuffled by {@code seed}; the same seed gives the same order, step by step.
   *
   * @param origin the instant the clock reads at first
   * @param seed the seed of the shuffle
   * @return the source
   */
  public static VirtualTimeSource seeded(Instant origin, long seed) {
    return new VirtualTimeSource(origin, seed);
  }

  // ---- TimeSource ------------------------------------------------------------------------

  @Override
  public long nanoTime() {
    return scheduler.nowNanos();
  }

  @Override
  public Instant instant() {
    return origin.plusNanos(scheduler.nowNanos());
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public VirtualScheduler scheduler() {
    return scheduler;
  }

  @Override
  public boolean isVirtual() {
    return true;
  }

  /**
   * Runs what is due now; if nothing was, moves the clock to the next task (if it is due by {@code
   * wakeAtNanos}) and runs everything due at that instant; otherwise moves the clock to {@code
   * wakeAtNanos}. Returns as soon as tasks ran or the signal moved, so a waiting condition is
   * evaluated once after each instant at which something happened, and never in between; never
   * parks.
   *
   * @return {@code true} when a task ran or the signal moved; {@code false} when the clock jumped
   *     to {@code wakeAtNanos} with nothing to run
   */
  @Override
  public boolean awaitChange(Signal signal, long seenVersion, long wakeAtNanos)
      throws InterruptedException {
    Fiber<?> fiber = Fiber.current();
    if (fiber != null && fiber.scheduler() == scheduler) {
      return parkForChange(fiber, signal, seenVersion, wakeAtNanos);
    }
    boolean ran = false;
    while (signal.version() == seenVersion) {
      if (scheduler.step(nanoTime()) != null) {
        tasksRun.incrementAndGet();
        ran = true;
        continue;
      }
      if (ran) {
        return true;
      }
      long next = scheduler.nextDueNanos();
      if (next > wakeAtNanos) {
        scheduler.moveClockTo(wakeAtNanos);
        return signal.version() != seenVersion;
      }
      if (scheduler.step(next) != null) { // a task's failure lives in its own future
        tasksRun.incrementAndGet();
        ran = true;
      }
    }
    return true;
  }

  /**
   * A wait inside a fiber parks it until the signal moves, another task runs (which may have
   * changed what the wait looks at) or the wake-up instant comes.
   */
  private boolean parkForChange(Fiber<?> fiber, Signal signal, long seenVersion, long wakeAtNanos)
      throws InterruptedException {
    Runnable wake = fiber::wake;
    Runnable wakeAfterOtherTask = fiber::wakeUnlessItsOwnTurnEnded;
    signal.addListener(wake);
    scheduler.addTaskListener(wakeAfterOtherTask);
    try {
      if (signal.version() == seenVersion) {
        fiber.parkUntilDeadline("a Vigil wait", wakeAtNanos);
      }
      return true;
    } finally {
      signal.removeListener(wake);
      scheduler.removeTaskListener(wakeAfterOtherTask);
    }
  }

  /**
   * Counts the tasks this source has run so far, by any of its controls or waits; compare two
   * readings to learn whether anything ran in between.
   *
   * @return a counter that grows by one per task run
   */
  public long tasksRun() {
    return tasksRun.get();
  }

  /**
   * Tells how to rerun with the same task order.
   *
   * @return a one-line hint naming the seed, or a note that there is none
   */
  public String replayHint() {
    return seed == null
        ? "virtual time without a seed: same-instant tasks ran in submission order"
        : "virtual time seed "
            + seed
            + ": replay with Vigil.builder().virtualTime().seed("
            + seed
            + "L).build() or RaceExplorer.replay("
            + seed
            + "L, scenario)";
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  // ---- controls --------------------------------------------------------------------------

  /**
   * Returns the seed that orders same-instant tasks, if any.
   *
   * @return the seed, or {@code null} for submission order
   */
  public @Nullable Long seed() {
    return seed;
  }

  /**
   * Moves the clock forward by {@code duration}, running every task that falls due on the way at
   * its own instant.
   *
   * @param duration zero or positive
   * @return how many tasks ran
   */
  public int advanceBy(Duration duration) {
    long nanos = Durations.nonNegativeNanos("duration", duration);
    return advanceToNanos(Durations.saturatedAdd(nanoTime(), nanos));
  }

  /**
   * Moves the clock forward to {@code target}, running every task due until then.
   *
   * @param target not before the current virtual instant
   * @return how many tasks ran
   */
  public int advanceTo(Instant target) {
    Objects.requireNonNull(target, "target must not be null");
    Instant now = instant();
    if (target.isBefore(now)) {
      throw new IllegalArgumentException(
          "target must not be before the virtual clock's " + now + ", was " + target);
    }
    long nanos = Durations.nonNegativeNanos("target - now", Duration.between(origin, target));
    return advanceToNanos(nanos);
  }

  private int advanceToNanos(long target) {
    int ran = counted(scheduler.drain(target, Integer.MAX_VALUE));
    scheduler.moveClockTo(target);
    return ran;
  }

  /**
   * Runs every task due now, including tasks they schedule for now; the clock does not move.
   *
   * @return how many tasks ran
   */
  public int runDue() {
    return counted(scheduler.drain(nanoTime(), Integer.MAX_VALUE));
  }

  /**
   * Runs tasks, moving the clock as needed, until none is pending; at most {@link
   * #DEFAULT_MAX_TASKS} tasks.
   *
   * @return how many tasks ran
   * @throws StillBusyError when the bound is reached, naming the task that kept it busy
   */
  public int runUntilIdle() {
    return runUntilIdle(DEFAULT_MAX_TASKS, null);
  }

  /**
   * Runs tasks until none is pending, within bounds.
   *
   * @param maxTasks the most tasks to run, positive
   * @param maxAdvance the most virtual time to move, or {@code null} for no bound
   * @return how many tasks ran
   * @throws StillBusyError when a bound is reached, naming the task that kept it busy
   */
  public int runUntilIdle(int maxTasks, @Nullable Duration maxAdvance) {
    if (maxTasks <= 0) {
      throw new IllegalArgumentException("maxTasks must be positive, was " + maxTasks);
    }
    long start = nanoTime();
    long limit =
        maxAdvance == null
            ? Long.MAX_VALUE
            : Durations.saturatedAdd(start, Durations.nonNegativeNanos("maxAdvance", maxAdvance));
    int ran = counted(scheduler.drain(limit, maxTasks));
    if (scheduler.nextDueNanos() == Long.MAX_VALUE) {
      return ran;
    }
    String bound =
        ran < maxTasks ? "moving virtual time by " + maxAdvance : "running " + maxTasks + " tasks";
    throw new StillBusyError(busyMessage(bound, ran, start));
  }

  private String busyMessage(String bound, int ran, long start) {
    // Only a task still pending can be what keeps the scheduler busy.
    VirtualTask<?> busiest =
        scheduler.pendingInOrder().stream()
            .max(Comparator.comparingInt((VirtualTask<?> t) -> t.runs))
            .filter(t -> t.runs > 0)
            .orElse(null);
    List<PendingTask> pending = pending();
    StringBuilder text =
        new StringBuilder("runUntilIdle() stopped after ")
            .append(bound)
            .append(" (")
            .append(ran)
            .append(" ran over ")
            .append(Durations.formatNanos(nanoTime() - start))
            .append(" of virtual time) with ")
            .append(pending.size())
            .append(" still pending.");
    if (busiest != null) {
      text.append(" Busiest: '")
          .append(busiest.name())
          .append("' ran ")
          .append(busiest.runs)
          .append(" times");
      if (busiest.isPeriodic()) {
        text.append(" and is periodic (every ")
            .append(Durations.formatNanos(Math.abs(busiest.periodNanos())))
            .append("): a periodic task never lets the scheduler go idle; use")
            .append(" advanceBy(...) or cancel it first");
      }
      text.append('.');
    }
    text.append(System.lineSeparator()).append("  ").append(replayHint());
    return text.toString();
  }

  /**
   * Runs the next pending task, moving the clock to its due time if it is in the future.
   *
   * @return the task that ran, as it was before running
   * @throws IllegalStateException when nothing is pending
   */
  public PendingTask step() {
    List<PendingTask> pending = pending();
    if (pending.isEmpty()) {
      throw new IllegalStateException("step(): no task is pending on the virtual scheduler");
    }
    VirtualTask<?> ran = scheduler.step(Long.MAX_VALUE);
    if (ran == null) {
      throw new IllegalStateException("step(): the pending task was cancelled meanwhile");
    }
    tasksRun.incrementAndGet();
    return pending.get(0);
  }

  /**
   * Starts a {@link Fiber}: a task that may block on virtual time, parking at each blocking call.
   * Its first turn is a task due now, so it begins when time is next driven.
   *
   * @param name a name for {@code pending()}, failures and its thread; not blank
   * @param body the body; its result is the fiber's
   * @param <V> the result type
   * @return the fiber, a {@link java.util.concurrent.Future} of the body's result
   */
  public <V extends @Nullable Object> Fiber<V> startFiber(String name, Callable<V> body) {
    Objects.requireNonNull(body, "body must not be null");
    return Fiber.startOn(scheduler, fiberName(name), body);
  }

  /**
   * Starts a {@link Fiber} whose body returns nothing.
   *
   * @param name a name for {@code pending()}, failures and its thread; not blank
   * @param body the body
   * @return the fiber
   */
  public Fiber<@Nullable Void> startFiber(String name, Fiber.Action body) {
    Objects.requireNonNull(body, "body must not be null");
    return Fiber.<@Nullable Void>startOn(
        scheduler,
        fiberName(name),
        () -> {
          body.run();
          return null;
        });
  }

  private static String fiberName(String name) {
    Objects.requireNonNull(name, "name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, was '" + name + "'");
    }
    return name;
  }

  /**
   * Returns an {@link ExecutorService} that runs every task as a {@link Fiber} named {@code
   * name-1}, {@code name-2}, …, for code under test that takes an executor and whose tasks block:
   * they park on virtual time instead. Its futures are the fibers; {@code invokeAll}, {@code
   * invokeAny} and {@code awaitTermination} park inside a fiber and drive time elsewhere; {@code
   * shutdownNow()} cancels every task with interruption.
   *
   * @param name the prefix of its fibers' names; not blank
   * @return a new executor
   */
  public ExecutorService fiberExecutor(String name) {
    return new FiberExecutor(scheduler, fiberName(name));
  }

  /**
   * Lists the fibers that have begun and not ended (running or parked), in the order they began.
   *
   * @return an immutable snapshot
   */
  public List<Fiber<?>> liveFibers() {
    return scheduler.fibers.live();
  }

  /**
   * Lists the pending tasks in the order they will run.
   *
   * @return an immutable snapshot
   */
  public List<PendingTask> pending() {
    long now = nanoTime();
    return scheduler.pendingInOrder().stream()
        .map(task -> PendingTask.of(task, origin, now))
        .toList();
  }

  private int counted(int ran) {
    tasksRun.addAndGet(ran);
    return ran;
  }

  @Override
  public String toString() {
    return "virtual time at " + instant() + (seed == null ? "" : " (seed " + seed + ")");
  }

  /** A {@link Clock} that reads this source. */
  private final class VirtualClock extends Clock {
    private final ZoneId zone;

    VirtualClock(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
      return new VirtualClock(newZone);
    }

    @Override
    public Instant instant() {
      return VirtualTimeSource.this.instant();
    }

    @Override
    public String toString() {
      return "VirtualClock[" + VirtualTimeSource.this.instant() + ", " + zone + "]";
    }
  }
}
