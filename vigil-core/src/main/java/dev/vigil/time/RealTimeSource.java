package dev.vigil.time;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** Real time: the system clocks, parking, and a lazily started daemon scheduler. */
final class RealTimeSource implements TimeSource {
  private static final AtomicInteger SCHEDULER_THREADS = new AtomicInteger();

  private final Clock clock = Clock.systemUTC();
  private final Object lock = new Object();
  private @Nullable ScheduledThreadPoolExecutor scheduler;
  private boolean closed;

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Instant instant() {
    return clock.instant();
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public ScheduledExecutorService scheduler() {
    synchronized (lock) {
      if (scheduler == null) {
        // Threads only when a test asks for a scheduler: waits themselves never start one.
        ThreadFactory threads =
            task -> {
              Thread t = new Thread(task, "vigil-scheduler-" + SCHEDULER_THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            };
        scheduler = new ScheduledThreadPoolExecutor(2, threads);
        scheduler.setRemoveOnCancelPolicy(true);
        if (closed) {
          scheduler.shutdown();
        }
      }
      return scheduler;
    }
  }

  @Override
  public boolean isVirtual() {
    return false;
  }

  @Override
  public boolean awaitChange(Signal signal, long seenVersion, long wakeAtNanos)
      throws InterruptedException {
    return signal.awaitPulse(seenVersion, wakeAtNanos - System.nanoTime());
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      if (scheduler != null) {
        scheduler.shutdownNow();
      }
    }
  }

  @Override
  public String toString() {
    return "real time";
  }
}
