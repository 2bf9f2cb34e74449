package dev.vigil.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.time.VirtualTimeSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 ("Testing Timeouts": {@code test_timeout}, {@code test_wait_for}) in Java: the timeout
 * runs on the context's scheduler, so on virtual time it fires at exactly 100 ms and the test waits
 * for nothing.
 */
class SeedTimeoutTest {
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  /** {@code asyncio.sleep}: done after {@code duration}; cancelled with its future. */
  private CompletableFuture<Void> sleep(Duration duration) {
    CompletableFuture<Void> sleep = new CompletableFuture<>();
    ScheduledFuture<?> wakeUp =
        vigil
            .scheduler()
            .schedule(() -> sleep.complete(null), duration.toNanos(), TimeUnit.NANOSECONDS);
    sleep.whenComplete((done, failure) -> wakeUp.cancel(false));
    return sleep;
  }

  @Test
  void timeout() {
    // async with asyncio.timeout(0.1): await asyncio.sleep(1.0)
    vigil
        .timesOut(
            () ->
                Timeouts.failAfter(
                    sleep(Duration.ofSeconds(1)), Duration.ofMillis(100), vigil.scheduler()))
        .at(Duration.ofMillis(100))
        .leavingNothingScheduled();
  }

  @Test
  void wait_for() {
    // await asyncio.wait_for(slow_operation(), timeout=0.1)
    CompletableFuture<Void> slowOperation = sleep(Duration.ofSeconds(10));

    TimeoutException failure =
        vigil
            .fails(Timeouts.failAfter(slowOperation, Duration.ofMillis(100), vigil.scheduler()))
            .with(TimeoutException.class)
            .get();

    assertThat(failure).hasMessage("timed out after 100ms");
    assertThat(vigil.clock().instant()).isEqualTo(VirtualTimeSource.DEFAULT_ORIGIN.plusMillis(100));
  }
}
