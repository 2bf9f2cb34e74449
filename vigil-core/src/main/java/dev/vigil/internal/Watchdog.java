package dev.vigil.internal;

import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One daemon thread for the whole JVM that interrupts evaluations still running past their limit,
 * so that a blocked condition cannot hang a test; waits never start threads of their own.
 *
 * <p>Guards are checked every {@link #TICK_NANOS}; registering one is a set insertion. The thread
 * lingers for a second after the last guard so that a test doing many short waits does not pay a
 * wake-up per evaluation.
 */
public final class Watchdog {
  static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long LINGER_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final Watchdog SHARED = new Watchdog();

  private final Set<Guard> guards = ConcurrentHashMap.newKeySet();
  private volatile boolean idle = true;
  private volatile Thread thread;

  private Watchdog() {
    thread = start();
  }

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
    if (idle) {
      LockSupport.unpark(thread);
    }
    return guard;
  }

  private Thread start() {
    Thread t = new Thread(this::run, "vigil-watchdog");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void run() {
    long lastBusy = System.nanoTime();
    while (true) {
      long now = System.nanoTime();
      if (guards.isEmpty()) {
        if (now - lastBusy > LINGER_NANOS) {
          idle = true;
          // Re-check after publishing idleness: a guard added meanwhile has unparked us or is seen.
          if (guards.isEmpty()) {
            LockSupport.park(this);
          }
          idle = false;
          // Woken by a guard: linger from now, or a run of short waits (each over before a tick
          // sees it) would pay an unpark every time.
          lastBusy = System.nanoTime();
          continue;
        }
      } else {
        lastBusy = now;
        for (Iterator<Guard> it = guards.iterator(); it.hasNext(); ) {
          Guard guard = it.next();
          if (now - guard.fireAtRealNanos >= 0) {
            guard.fire();
            it.remove();
          }
        }
      }
      LockSupport.parkNanos(this, TICK_NANOS);
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
