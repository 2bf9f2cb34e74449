package dev.vigil.time;

import java.util.function.BooleanSupplier;

/**
 * A blocking call on virtual time, by the rules of {@link VirtualScheduler}: a fiber parks; a task
 * may not block; any other thread drives time itself when no other thread does, or waits for the
 * thread that does.
 */
final class VirtualBlocking {
  private VirtualBlocking() {}

  /**
   * Blocks until {@code ready} holds or {@code timeoutNanos} of virtual time pass.
   *
   * @param waiters where a parked fiber waits to be woken when the awaited state changes
   * @param call the call, for messages, such as {@code VirtualLatch.await()}
   * @return whether {@code ready} holds; an untimed call never returns {@code false}
   * @throws IllegalStateException when the call would block forever, or blocks inside a task
   */
  static boolean await(
      VirtualScheduler scheduler,
      FiberWaiters waiters,
      BooleanSupplier ready,
      long timeoutNanos,
      String call)
      throws InterruptedException {
    Fiber<?> fiber = Fiber.current();
    if (fiber != null) {
      fiber.checkInterrupt(call);
    } else if (Thread.interrupted()) {
      throw new InterruptedException(call + " was interrupted");
    }
    if (ready.getAsBoolean()) {
      return true;
    }
    if (fiber != null && fiber.scheduler() == scheduler) {
      return parkUntil(fiber, waiters, ready, timeoutNanos, call);
    }
    if (fiber != null) {
      throw new IllegalStateException(
          call + " in fiber '" + fiber.name() + "' belongs to another virtual time source");
    }
    scheduler.refuseInsideTask(call);
    boolean done = scheduler.awaitWork(ready, timeoutNanos, call);
    if (!done && timeoutNanos == Long.MAX_VALUE) {
      throw new IllegalStateException(
          call
              + " would block forever: virtual time is idle (no task or fiber is scheduled that"
              + " could let it go on)");
    }
    return done;
  }

  private static boolean parkUntil(
      Fiber<?> fiber, FiberWaiters waiters, BooleanSupplier ready, long timeoutNanos, String call)
      throws InterruptedException {
    long deadline =
        timeoutNanos == Long.MAX_VALUE
            ? Long.MAX_VALUE
            : dev.vigil.internal.Durations.saturatedAdd(
                fiber.scheduler().nowNanos(), Math.max(0, timeoutNanos));
    try {
      while (!ready.getAsBoolean()) {
        if (fiber.scheduler().nowNanos() >= deadline) {
          return false;
        }
        waiters.add(fiber);
        fiber.parkUntilDeadline(call, deadline);
      }
      return true;
    } finally {
      waiters.remove(fiber);
    }
  }
}
