package dev.vigil.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.time.VirtualTimeSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Timeouts#failAfter} times out on the scheduler it is given; the JDK's own does not. */
class TimeoutsTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final VirtualTimeSource time = vigil.virtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void fails_the_future_at_exactly_the_timeout_on_virtual_time() {
    CompletableFuture<String> reply =
        Timeouts.failAfter(new CompletableFuture<>(), Duration.ofSeconds(5), vigil.scheduler());

    time.advanceBy(Duration.ofSeconds(5).minusNanos(1));
    assertThat(reply).isNotDone();
    time.advanceBy(Duration.ofNanos(1));

    assertThat(reply)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(TimeoutException.class)
        .withMessage("timed out after 5s");
  }

  @Test
  void a_future_that_completes_first_cancels_its_timer() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    CompletableFuture<String> bounded =
        Timeouts.failAfter(reply, Duration.ofSeconds(5), vigil.scheduler());
    vigil.scheduler().schedule(() -> reply.complete("pong"), 1, TimeUnit.SECONDS);

    time.advanceBy(Duration.ofSeconds(1));

    assertThat(bounded).isSameAs(reply).isCompletedWithValue("pong");
    assertThat(time.pending()).isEmpty();
  }

  @Test
  void a_future_already_done_is_returned_with_nothing_scheduled() {
    CompletableFuture<String> done = CompletableFuture.completedFuture("x");

    assertThat(Timeouts.failAfter(done, Duration.ofSeconds(1), vigil.scheduler())).isSameAs(done);
    assertThat(time.pending()).isEmpty();
  }

  @Test
  void the_jdk_or_timeout_counts_real_time_on_its_own_thread_not_the_virtual_clock() {
    CompletableFuture<String> reply = new CompletableFuture<String>().orTimeout(1, TimeUnit.HOURS);

    time.advanceBy(Duration.ofHours(2));

    assertThat(reply).isNotDone();
    assertThat(time.pending()).isEmpty();
    // JDK 9 to 24 name the thread CompletableFutureDelayScheduler; JDK 25 moved the delays into
    // the common pool's own delay scheduler.
    assertThat(Thread.getAllStackTraces().keySet())
        .extracting(Thread::getName)
        .containsAnyOf("CompletableFutureDelayScheduler", "ForkJoinPool.commonPool-delayScheduler");
  }
}
