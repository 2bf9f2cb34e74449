package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.Patience;
import dev.vigil.Vigil;
import dev.vigil.WaitResult;
import dev.vigil.WaitTimeoutError;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Waits in a virtual-time context advance the clock instead of sleeping. */
class VirtualTimeWaitTest {
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void never_over_thirty_virtual_seconds_runs_the_periodic_work_and_passes() {
    AtomicInteger ticks = new AtomicInteger();
    vigil.scheduler().scheduleAtFixedRate(ticks::incrementAndGet, 100, 100, TimeUnit.MILLISECONDS);

    WaitResult<Boolean> result =
        vigil.never(() -> ticks.get() > 1_000).tryWithin(Duration.ofSeconds(30));

    assertThat(result.satisfied()).isTrue();
    assertThat(result.elapsed()).isEqualTo(Duration.ofSeconds(30));
    assertThat(ticks).hasValue(300);
  }

  @Test
  void eventually_returns_when_a_scheduled_task_makes_the_condition_hold() {
    AtomicBoolean delivered = new AtomicBoolean();
    vigil.scheduler().schedule(() -> delivered.set(true), 20, TimeUnit.SECONDS);

    WaitResult<Boolean> result = vigil.eventually(delivered::get).tryWithin(Duration.ofMinutes(1));

    assertThat(result.satisfied()).isTrue();
    // Nothing pulsed, yet the wait looks again right after the task's instant: nothing is polled.
    assertThat(result.elapsed()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void a_task_that_pulses_the_signal_wakes_the_wait_at_its_own_instant() {
    AtomicBoolean delivered = new AtomicBoolean();
    vigil
        .scheduler()
        .schedule(
            () -> {
              delivered.set(true);
              vigil.signal().pulse();
            },
            1234,
            TimeUnit.MICROSECONDS);

    WaitResult<Boolean> result = vigil.eventually(delivered::get).tryWithin(Duration.ofMinutes(1));

    assertThat(result.elapsed()).isEqualTo(Duration.ofNanos(1_234_000));
  }

  @Test
  void the_timeout_is_virtual_and_the_failure_says_no_task_ran() {
    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () -> vigil.eventually(() -> false).describedAs("a reply").within(Duration.ofHours(1)));

    assertThat(error.elapsed()).isEqualTo(Duration.ofHours(1));
    assertThat(error.getMessage())
        .startsWith("Timed out after 1h waiting for a reply.")
        .contains(
            "  virtual time: no task ran during this wait, so the clock jumped to the deadline; a"
                + " condition that depends on a real thread or real I/O cannot be reached by"
                + " virtual time (run that work on vigil.scheduler(), or use a real-time"
                + " context)");
  }

  @Test
  void a_seeded_context_prints_its_seed_on_failure() {
    try (Vigil seeded = Vigil.builder().seed(99).build()) {
      seeded.scheduler().scheduleAtFixedRate(() -> {}, 0, 1, TimeUnit.SECONDS);

      WaitTimeoutError error =
          catchThrowableOfType(
              WaitTimeoutError.class,
              () -> seeded.eventually(() -> false).within(Duration.ofSeconds(3)));

      assertThat(error.getMessage())
          .contains(
              "  virtual time seed 99: replay with Vigil.builder().virtualTime().seed(99L).build()"
                  + " or RaceExplorer.replay(99L, scenario)");
    }
  }

  @Test
  void the_real_time_cap_stops_a_wait_that_virtual_time_cannot_finish() {
    Patience impatient = Patience.defaults().withRealTimeCap(Duration.ofMillis(100));
    try (Vigil capped = Vigil.builder().virtualTime().patience(impatient).build()) {
      // A task every nanosecond: virtual time crawls, so a day-long window never ends.
      capped.scheduler().scheduleAtFixedRate(() -> {}, 0, 1, TimeUnit.NANOSECONDS);

      WaitTimeoutError error =
          catchThrowableOfType(
              WaitTimeoutError.class,
              () -> capped.never(() -> false).describedAs("an alarm").within(Duration.ofDays(1)));

      assertThat(error.getMessage())
          .startsWith(
              "Stopped waiting for an alarm after 100ms of real time, with virtual time only ")
          .contains(
              " into the 24h window: the condition depends on something virtual time does not"
                  + " drive (a real thread, real I/O), or virtual time moves too slowly (a task"
                  + " every few nanoseconds). Run that work on the context's scheduler, or use a"
                  + " real-time context.");
    }
  }

  @Test
  void a_virtual_task_blocked_on_real_io_is_interrupted_at_the_real_time_cap() {
    Patience impatient = Patience.defaults().withRealTimeCap(Duration.ofMillis(100));
    java.util.concurrent.CountDownLatch realReply = new java.util.concurrent.CountDownLatch(1);
    try (Vigil capped = Vigil.builder().virtualTime().patience(impatient).build()) {
      java.util.concurrent.Future<?> blocked =
          capped
              .scheduler()
              .submit(
                  () -> {
                    realReply.await();
                    return null;
                  });

      WaitTimeoutError error =
          catchThrowableOfType(
              WaitTimeoutError.class,
              () ->
                  capped
                      .eventually(blocked::isDone)
                      .describedAs("the reply")
                      .within(Duration.ofSeconds(5)));

      assertThat(error)
          .hasMessageStartingWith("Stopped waiting for the reply after 100ms of real time");
      assertThat(blocked.isDone()).isTrue();
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
  }

  @Test
  void virtual_time_controls_are_refused_on_a_real_time_context() {
    try (Vigil real = Vigil.create()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(real::virtualTime)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("this context runs on real time; create it with Vigil.withVirtualTime()");
    }
  }
}
