package dev.vigil.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.time.VirtualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 ("Basic Async Testing": {@code test_simple_async_function}, {@code
 * test_concurrent_operations}) and seed 003 ("Basic Async Tests": {@code
 * test_async_context_manager}) in Java: futures awaited on virtual time, so {@code
 * asyncio.sleep(0.1)} costs no wall time and its timing is exact.
 */
class SeedFuturesTest {
  private static final Instant ORIGIN = VirtualTimeSource.DEFAULT_ORIGIN;
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  /** {@code await asyncio.sleep(delay); return value}, on the context's scheduler. */
  private <T> CompletableFuture<T> after(Duration delay, T value) {
    CompletableFuture<T> result = new CompletableFuture<>();
    vigil.scheduler().schedule(() -> result.complete(value), delay.toNanos(), TimeUnit.NANOSECONDS);
    return result;
  }

  @Test
  void simple_async_function() {
    CompletableFuture<Map<String, String>> fetchData =
        after(Duration.ofMillis(100), Map.of("status", "success"));

    Map<String, String> result = vigil.completes(fetchData).get();

    assertThat(result).containsEntry("status", "success");
    assertThat(vigil.clock().instant()).isEqualTo(ORIGIN.plusMillis(100));
  }

  @Test
  void concurrent_operations() {
    List<CompletableFuture<String>> tasks =
        List.of(
            after(Duration.ofMillis(100), "worker-1"),
            after(Duration.ofMillis(50), "worker-2"),
            after(Duration.ofMillis(150), "worker-3"));

    Gathered<String> results = vigil.gather(tasks).get().allSucceeded();

    assertThat(results.values()).hasSize(3).allMatch(result -> result.contains("worker-"));
    assertThat(results.completionOrder()).containsExactly(1, 0, 2);
    // Concurrent: the slowest worker's 150 ms, not the 300 ms of the three in a row.
    assertThat(vigil.clock().instant()).isEqualTo(ORIGIN.plusMillis(150));
  }

  /** A resource whose {@code get()} answers later and which keeps a heartbeat until closed. */
  static final class AsyncResource implements AutoCloseable {
    private final ScheduledExecutorService scheduler;
    private final ScheduledFuture<?> heartbeat;
    private volatile boolean closed;

    AsyncResource(ScheduledExecutorService scheduler) {
      this.scheduler = scheduler;
      this.heartbeat = scheduler.scheduleAtFixedRate(() -> {}, 1, 1, TimeUnit.SECONDS);
    }

    CompletableFuture<String> get() {
      CompletableFuture<String> result = new CompletableFuture<>();
      scheduler.schedule(() -> result.complete("data"), 10, TimeUnit.MILLISECONDS);
      return result;
    }

    boolean isClosed() {
      return closed;
    }

    @Override
    public void close() {
      heartbeat.cancel(false);
      closed = true;
    }
  }

  @Test
  void async_context_manager() {
    AsyncResource held;
    try (AsyncResource resource = new AsyncResource(vigil.scheduler())) {
      held = resource;
      String result = vigil.completes(resource.get()).get();
      assertThat(result).isNotNull();
    }

    assertThat(held.isClosed()).isTrue();
    assertThat(vigil.virtualTime().pending()).isEmpty();
  }
}
