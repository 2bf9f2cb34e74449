package dev.vigil.http;

import dev.vigil.time.TimeSource;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Holds responses back on the context's time source: the connection's thread blocks until the
 * context's scheduler fires, so under virtual time a delayed response goes out when the test's
 * clock reaches it. As the virtual scheduler's own blocking calls do, a hold is bounded by as much
 * real time, so a sender that runs inside a virtual task (and so keeps the clock from moving) still
 * gets its answer. Closing the server releases every held response at once and takes its task off
 * the scheduler.
 */
final class ResponseDelays {
  private final TimeSource time;
  private final Set<Hold> held = ConcurrentHashMap.newKeySet();

  /**
   * One held response: what releases it, and the scheduled task that will (compared by identity).
   */
  private static final class Hold {
    final CompletableFuture<@Nullable Void> release = new CompletableFuture<>();
    volatile @Nullable Future<?> task;

    void end() {
      release.complete(null);
      Future<?> scheduled = task;
      if (scheduled != null) {
        scheduled.cancel(false);
      }
    }
  }

  ResponseDelays(TimeSource time) {
    this.time = time;
  }

  void await(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    Hold hold = new Hold();
    held.add(hold);
    try {
      hold.task =
          time.scheduler()
              .schedule(() -> hold.release.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
      hold.release.get(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
      // The context was closed (nothing will fire) or the real-time bound passed: answer now.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      held.remove(hold);
      hold.end();
    }
  }

  void releaseAll() {
    held.forEach(Hold::end);
  }
}
