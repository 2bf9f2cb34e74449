package dev.vigil.time;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CountDownLatch} on virtual time, for code under test that takes a latch: {@code await}
 * parks a {@link Fiber}, and a timed {@code await} gives up when the virtual clock passes its
 * timeout. Elsewhere it blocks by the rules of {@link VirtualScheduler}: the test's thread drives
 * time until the latch opens, and fails at once when nothing scheduled could open it.
 *
 * <pre>{@code
 * VirtualLatch ready = VirtualLatch.create(vigil.virtualTime(), 2);
 * vigil.scheduler().schedule(ready::countDown, 1, TimeUnit.SECONDS);
 * vigil.scheduler().schedule(ready::countDown, 3, TimeUnit.SECONDS);
 * ready.await(); // returns at +3 s of virtual time
 * }</pre>
 *
 * @since 0.1
 */
public final class VirtualLatch extends CountDownLatch {
  private final VirtualScheduler scheduler;
  private final FiberWaiters waiters;
  private long count;

  private VirtualLatch(VirtualScheduler scheduler, int count) {
    super(0);
    this.scheduler = scheduler;
    this.waiters = new FiberWaiters(scheduler);
    this.count = count;
  }

  /**
   * Makes a latch that opens after {@code count} calls to {@link #countDown()}.
   *
   * @param time the virtual time it blocks on
   * @param count zero or positive
   * @return the latch
   */
  public static VirtualLatch create(VirtualTimeSource time, int count) {
    Objects.requireNonNull(time, "time must not be null");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    return new VirtualLatch(time.scheduler(), count);
  }

  /** Blocks until the count reaches zero: a fiber parks; see the class description. */
  @Override
  public void await() throws InterruptedException {
    VirtualBlocking.await(scheduler, waiters, this::isOpen, Long.MAX_VALUE, "VirtualLatch.await()");
  }

  /** Blocks until the count reaches zero or {@code timeout} of virtual time passes. */
  @Override
  public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = TimeArguments.timeoutNanos(timeout, unit);
    return VirtualBlocking.await(
        scheduler,
        waiters,
        this::isOpen,
        nanos,
        "VirtualLatch.await(" + timeout + " " + unit + ")");
  }

  @Override
  public void countDown() {
    synchronized (this) {
      if (count == 0 || --count > 0) {
        return;
      }
    }
    waiters.changed();
  }

  @Override
  public synchronized long getCount() {
    return count;
  }

  private synchronized boolean isOpen() {
    return count == 0;
  }

  @Override
  public String toString() {
    return "VirtualLatch[count=" + getCount() + ", parked fibers=" + waiters.size() + "]";
  }
}
