package dev.vigil.time;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Semaphore} on virtual time, for code under test that takes one: {@code acquire} parks a
 * {@link Fiber} until permits are released, and a timed {@code tryAcquire} gives up when the
 * virtual clock passes its timeout. Elsewhere it blocks by the rules of {@link VirtualScheduler}.
 * Not fair: parked fibers look again in the order they parked, and the first that fits goes on.
 *
 * <pre>{@code
 * VirtualSemaphore connections = VirtualSemaphore.create(vigil.virtualTime(), 2);
 * for (int i = 0; i < 5; i++) {
 *   vigil.virtualTime().startFiber("client-" + i, () -> {
 *     connections.acquire();
 *     try { Fiber.sleep(Duration.ofMillis(100)); } finally { connections.release(); }
 *   });
 * }
 * vigil.virtualTime().runUntilIdle(); // five clients, two at a time: ends at +300 ms
 * }</pre>
 *
 * @since 0.1
 */
public final class VirtualSemaphore extends Semaphore {
  private static final long serialVersionUID = 1L;

  private final transient VirtualScheduler scheduler;
  private final transient FiberWaiters waiters;

  /** The permits available now. */
  private int permits;

  /** How many callers are blocked in an acquire now. */
  private int blocked;

  private VirtualSemaphore(VirtualScheduler scheduler, int permits) {
    super(0);
    this.scheduler = scheduler;
    this.waiters = new FiberWaiters(scheduler);
    this.permits = permits;
  }

  /**
   * Makes a semaphore with {@code permits} permits.
   *
   * @param time the virtual time it blocks on
   * @param permits the initial permits, zero or positive
   * @return the semaphore
   */
  public static VirtualSemaphore create(VirtualTimeSource time, int permits) {
    Objects.requireNonNull(time, "time must not be null");
    if (permits < 0) {
      throw new IllegalArgumentException("permits must not be negative, was " + permits);
    }
    return new VirtualSemaphore(time.scheduler(), permits);
  }

  @Override
  public void acquire() throws InterruptedException {
    acquire(1);
  }

  @Override
  public void acquire(int wanted) throws InterruptedException {
    var unused = acquire(wanted, Long.MAX_VALUE, "VirtualSemaphore.acquire(" + wanted + ")");
  }

  @Override
  public void acquireUninterruptibly() {
    acquireUninterruptibly(1);
  }

  @Override
  public void acquireUninterruptibly(int wanted) {
    boolean interrupted = false;
    while (true) {
      try {
        acquire(wanted);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean tryAcquire() {
    return tryAcquire(1);
  }

  @Override
  public synchronized boolean tryAcquire(int wanted) {
    checkNotNegative(wanted);
    if (permits < wanted) {
      return false;
    }
    permits -= wanted;
    return true;
  }

  @Override
  public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
    return tryAcquire(1, timeout, unit);
  }

  @Override
  public boolean tryAcquire(int wanted, long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = TimeArguments.timeoutNanos(timeout, unit);
    return acquire(
        wanted, nanos, "VirtualSemaphore.tryAcquire(" + wanted + ", " + timeout + " " + unit + ")");
  }

  private boolean acquire(int wanted, long timeoutNanos, String call) throws InterruptedException {
    checkNotNegative(wanted);
    if (tryAcquire(wanted)) {
      return true;
    }
    synchronized (this) {
      blocked++;
    }
    try {
      // The condition takes the permits the moment it holds, so no one else takes them between.
      return VirtualBlocking.await(
          scheduler, waiters, () -> tryAcquire(wanted), timeoutNanos, call);
    } finally {
      synchronized (this) {
        blocked--;
      }
    }
  }

  @Override
  public void release() {
    release(1);
  }

  @Override
  public void release(int released) {
    checkNotNegative(released);
    synchronized (this) {
      permits += released;
    }
    waiters.changed();
  }

  @Override
  public synchronized int availablePermits() {
    return permits;
  }

  @Override
  public synchronized int drainPermits() {
    int drained = permits;
    permits = 0;
    return drained;
  }

  @Override
  protected synchronized void reducePermits(int reduction) {
    if (reduction < 0) {
      throw new IllegalArgumentException("reduction must not be negative, was " + reduction);
    }
    permits -= reduction;
  }

  @Override
  public boolean isFair() {
    return false;
  }

  /**
   * Counts the callers (fibers or threads) blocked in an acquire now. ({@code getQueueLength()} and
   * {@code hasQueuedThreads()} are final in {@link Semaphore} and always report none here.)
   *
   * @return how many callers wait for permits
   */
  public synchronized int blockedCallers() {
    return blocked;
  }

  /** Returns an empty list: callers blocked on virtual time are not tracked as threads. */
  @Override
  protected Collection<Thread> getQueuedThreads() {
    return List.of();
  }

  private static void checkNotNegative(int value) {
    // As Semaphore: zero permits is allowed, negative is not.
    if (value < 0) {
      throw new IllegalArgumentException("permits must not be negative, was " + value);
    }
  }

  @Override
  public String toString() {
    return "VirtualSemaphore[permits=" + availablePermits() + ", blocked=" + blockedCallers() + "]";
  }
}
