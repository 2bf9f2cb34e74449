package dev.vigil.http;

import dev.vigil.time.TimeSource;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Holds responses back on the context's time source: the connection's thread blocks until the
 * context's scheduler fires, so under virtual time a delayed response goes out when the test's
 * clock reaches it. As the virtual scheduler's own blocking calls do, a hold is bounded by as much
 * real time, so a sender that runs inside a virtual task (and so keeps the clock from moving) still
 * gets its answer. Closing the server releases every held response at once.
 */
final class ResponseDelays {
  private final TimeSource time;
  private final Set<CompletableFuture<Void>> held = ConcurrentHashMap.newKeySet();

  ResponseDelays(TimeSource time) {
    this.time = time;
  }

  void await(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    CompletableFuture<Void> release = new CompletableFuture<>();
    held.add(release);
    try {
      time.scheduler()
          .schedule(() -> release.complete(null), delay.toNanos(), TimeUnit.NANOSECONDS);
      release.get(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
      // The context was closed (nothing will fire) or the real-time bound passed: answer now.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      held.remove(release);
    }
  }

  void releaseAll() {
    held.forEach(release -> release.complete(null));
  }
}
