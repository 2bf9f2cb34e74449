package dev.vigil.time;

/**
 * The turn a {@link Fiber} shares with the thread that drives time: exactly one of them runs. Every
 * method is called while holding this object's monitor, which the waits release.
 *
 * <p>The waits do not end on interruption: a turn cannot be taken back halfway through. An
 * interrupt that arrives meanwhile is kept and set again once the turn comes.
 */
final class FiberTurn {
  private boolean fiberHasTurn;

  /** On the driver: gives the fiber the turn and waits until it parks or ends. */
  void handToFiber() {
    fiberHasTurn = true;
    notifyAll();
    boolean interrupted = false;
    while (fiberHasTurn) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    restore(interrupted);
  }

  /**
   * On a closing thread: gives a parked fiber the turn and waits at most {@code maxWaitNanos} of
   * real time for it to end, so that a body that never ends cannot hang the close.
   */
  void handToFiberAtMost(long maxWaitNanos) {
    fiberHasTurn = true;
    notifyAll();
    long deadline = System.nanoTime() + maxWaitNanos;
    boolean interrupted = false;
    long left;
    while (fiberHasTurn && (left = deadline - System.nanoTime()) > 0) {
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    restore(interrupted);
  }

  /** On the fiber: gives the turn back to the driver. */
  void handToDriver() {
    fiberHasTurn = false;
    notifyAll();
  }

  /** On the fiber: waits until the driver hands it the turn. */
  void awaitFiberTurn() {
    boolean interrupted = false;
    while (!fiberHasTurn) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    restore(interrupted);
  }

  private static void restore(boolean interrupted) {
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
