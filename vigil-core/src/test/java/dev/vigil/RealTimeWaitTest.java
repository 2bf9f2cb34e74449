package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Behaviour that only real time and real threads can show. */
class RealTimeWaitTest {
  private final Vigil vigil = Vigil.builder().timeScale(1).build();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void a_pulse_from_another_thread_wakes_a_wait_whose_next_poll_is_far_away() {
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger evaluations = new AtomicInteger();

    WaitResult<Boolean> result =
        vigil
            .eventually(done::get)
            .pollingWith(PollStrategy.fixed(Duration.ofSeconds(30)))
            .onEvaluation(
                e -> {
                  if (evaluations.incrementAndGet() == 1) {
                    Thread producer =
                        new Thread(
                            () -> {
                              done.set(true);
                              vigil.signal().pulse();
                            });
                    producer.start();
                  }
                })
            .tryWithin(Duration.ofSeconds(60));

    assertThat(result.satisfied()).isTrue();
    assertThat(result.attempts()).isEqualTo(2);
    // Woken by the pulse, not by the 30 s poll: far less than one poll interval passed.
    assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void a_blocked_evaluation_is_interrupted_at_the_deadline_and_the_failure_says_so() {
    CountDownLatch never = new CountDownLatch(1);

    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () ->
                vigil
                    .eventually(
                        () -> {
                          never.await();
                          return true;
                        })
                    .describedAs("the latch")
                    .within(Duration.ofMillis(200)));

    assertThat(error)
        .hasMessageStartingWith("Timed out after 200ms waiting for the latch: the evaluation")
        .hasMessageContaining("was still running at the deadline and was interrupted.");
    assertThat(error.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(Thread.currentThread().isInterrupted())
        .as("the watchdog's interrupt must not leak into the test")
        .isFalse();
  }

  @Test
  void an_interrupted_wait_ends_with_an_aborted_error_and_keeps_the_interrupt() {
    Thread.currentThread().interrupt();
    try {
      WaitAbortedError error =
          catchThrowableOfType(
              WaitAbortedError.class,
              () -> vigil.eventually(() -> false).describedAs("x").within(Duration.ofSeconds(5)));

      assertThat(error).hasMessageStartingWith("Interrupted while waiting for x, ");
      assertThat(error.getCause()).isInstanceOf(InterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void waits_create_no_threads() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // The first wait may start the JVM-wide watchdog; after that no wait starts a thread.
    vigil.eventually(() -> true).within(Duration.ofSeconds(1));
    long before = threads.getTotalStartedThreadCount();

    for (int i = 0; i < 50; i++) {
      AtomicInteger polls = new AtomicInteger();
      vigil.eventually(() -> polls.incrementAndGet() == 3).within(Duration.ofSeconds(5));
    }

    assertThat(threads.getTotalStartedThreadCount() - before).isZero();
  }

  @Test
  void a_real_timeout_lasts_at_least_the_timeout() {
    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () -> vigil.eventually(() -> false).within(Duration.ofMillis(50)));

    assertThat(error.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    assertThat(error.attempts()).isGreaterThan(1);
  }

  @Test
  void an_evaluation_that_starts_just_before_the_deadline_is_not_cut_off_at_it() {
    // The zone before the deadline in which an evaluation straddles it is 150 ms wide, inside the
    // 200 ms grace: with 1 ms polls, a loaded machine still starts one there (a 20 ms zone was
    // missed under load, and the test failed without the engine being wrong).
    long window = Duration.ofSeconds(1).toNanos();
    long deadline = System.nanoTime() + window; // at or just before the wait's own deadline
    AtomicInteger straddled = new AtomicInteger();

    WaitResult<?> result =
        vigil
            .never(
                () -> {
                  long now = System.nanoTime();
                  if (now < deadline
                      && deadline - now < Duration.ofMillis(150).toNanos()
                      && straddled.get() == 0) {
                    // A CPU-bound evaluation (AssertJ formatting its message, say) that runs a
                    // few milliseconds past the deadline.
                    straddled.incrementAndGet();
                    long until = deadline + Duration.ofMillis(10).toNanos();
                    while (System.nanoTime() < until) {
                      Thread.onSpinWait();
                    }
                  }
                  throw new AssertionError("the list is still empty");
                })
            .pollingWith(PollStrategy.fixed(Duration.ofMillis(1)))
            .tryWithin(Duration.ofNanos(window));

    assertThat(straddled).hasPositiveValue();
    assertThat(result.failure()).isNull();
  }
}
