package dev.vigil.internal;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread for the whole JVM that interrupts evaluations still running past their limit,
 * so that a blocked condition cannot hang a test; waits never start threads of their own.
 *
 * <p>The thread sleeps until the earliest armed guard's limit, or for good when none is armed. It
 * never ticks: a wait polling every millisecond for minutes costs it nothing. Arming a guard is a
 * set insertion, plus an unpark only when the new limit comes before the thread's planned wake-up
 * (for a run of waits with the same timeout, about once per timeout).
 */
public final class Watchdog {
  private static final int SCANNING = 0;
  private static final int PARKED_UNTIL_PLANNED = 1;
  private static final int PARKED_FOR_GOOD = 2;
  private static final Watchdog SHARED = new Watchdog();

  private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
  // Written before state, read after it: a guard that sees PARKED_UNTIL_PLANNED sees its plan.
  private volatile long plannedWakeAt;
  private volatile int state = SCANNING;
  private final Thread thread;

  private Watchdog() {
    thread = new Thread(this::run, "vigil-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  /** Returns the JVM's one watchdog. */
  public static Watchdog shared() {
    return SHARED;
  }

  /**
   * Arms a guard that interrupts the calling thread once {@code System.nanoTime()} passes {@code
   * fireAtRealNanos}; close it when the evaluation returns.
   */
  public Guard guard(long fireAtRealNanos) {
    Guard guard = new Guard(Thread.currentThread(), fireAtRealNanos);
    guards.add(guard);
    int seen = state;
    if (seen != PARKED_UNTIL_PLANNED || fireAtRealNanos - plannedWakeAt < 0) {
      // Scanning (it may have missed this guard), asleep for good, or planned too late.
      LockSupport.unpark(thread);
    }
    return guard;
  }

  private void run() {
    while (true) {
      state = SCANNING;
      long now = System.nanoTime();
      boolean armed = false;
      long earliest = 0;
      for (Iterator<Guard> it = guards.iterator(); it.hasNext(); ) {
        Guard guard = it.next();
        if (now - guard.fireAtRealNanos >= 0) {
          guard.fire();
          it.remove();
        } else if (!armed || guard.fireAtRealNanos - earliest < 0) {
          earliest = guard.fireAtRealNanos;
          armed = true;
        }
      }
      if (armed) {
        plannedWakeAt = earliest;
        state = PARKED_UNTIL_PLANNED;
        LockSupport.parkNanos(this, earliest - System.nanoTime());
      } else {
        state = PARKED_FOR_GOOD;
        LockSupport.park(this);
      }
    }
  }

  /**
   * One armed evaluation; {@link #close()} disarms it and clears an interrupt it caused, never one
   * the caller received from elsewhere.
   */
  public final class Guard implements AutoCloseable {
    private final Thread target;
    private final long fireAtRealNanos;
    private boolean fired;
    private boolean callerInterrupted;
    private boolean closed;

    private Guard(Thread target, long fireAtRealNanos) {
      this.target = target;
      this.fireAtRealNanos = fireAtRealNanos;
    }

    private synchronized void fire() {
      if (closed) {
        return;
      }
      fired = true;
      // An interrupt already pending is the caller's (a test's timeout, a cancelled task): leave
      // it, so that it ends the wait as an interrupt rather than being mistaken for ours.
      callerInterrupted = target.isInterrupted();
      if (!callerInterrupted) {
        target.interrupt();
      }
    }

    /** Tells whether the deadline passed while the evaluation ran. */
    public synchronized boolean fired() {
      return fired;
    }

    /**
     * Tells whether, when the deadline passed, the thread had already been interrupted by others.
     */
    public synchronized boolean callerInterrupted() {
      return callerInterrupted;
    }

    @Override
    public synchronized void close() {
      if (!closed) {
        closed = true;
        guards.remove(this);
        if (fired && !callerInterrupted) {
          // The interrupt was ours, not the test's: do not leak it into the caller.
          Thread.interrupted();
        }
      }
    }
  }
}
