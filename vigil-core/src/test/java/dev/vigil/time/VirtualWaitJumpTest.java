package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.Vigil;
import dev.vigil.WaitResult;
import dev.vigil.WaitTimeoutError;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Virtual waits jump: they look at the start, after each instant at which tasks ran, and at the
 * end.
 */
class VirtualWaitJumpTest {
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void never_over_an_hour_with_nothing_scheduled_evaluates_at_the_start_and_at_the_deadline() {
    AtomicInteger evaluations = new AtomicInteger();

    WaitResult<Boolean> result =
        vigil
            .never(() -> false)
            .onEvaluation(e -> evaluations.incrementAndGet())
            .tryWithin(Duration.ofHours(1));

    assertThat(result.satisfied()).isTrue();
    assertThat(result.elapsed()).isEqualTo(Duration.ofHours(1));
    assertThat(evaluations).hasValue(2);
  }

  @Test
  void a_periodic_task_costs_one_evaluation_per_run() {
    AtomicInteger ticks = new AtomicInteger();
    AtomicInteger evaluations = new AtomicInteger();
    vigil.scheduler().scheduleAtFixedRate(ticks::incrementAndGet, 100, 100, TimeUnit.MILLISECONDS);

    vigil
        .never(() -> ticks.get() > 1_000)
        .onEvaluation(e -> evaluations.incrementAndGet())
        .within(Duration.ofSeconds(30));

    // The start, one after each of the 300 runs (the last at the deadline itself is the final one).
    assertThat(ticks).hasValue(300);
    assertThat(evaluations).hasValue(301);
  }

  @Test
  void tasks_due_at_the_same_instant_cost_one_evaluation_together() {
    AtomicInteger done = new AtomicInteger();
    AtomicInteger evaluations = new AtomicInteger();
    for (int i = 0; i < 5; i++) {
      vigil.scheduler().schedule(done::incrementAndGet, 10, TimeUnit.SECONDS);
    }

    vigil
        .eventually(() -> done.get() == 5)
        .onEvaluation(e -> evaluations.incrementAndGet())
        .within(Duration.ofMinutes(1));

    assertThat(evaluations).hasValue(2);
    assertThat(vigil.virtualTime().instant())
        .isEqualTo(VirtualTimeSource.DEFAULT_ORIGIN.plusSeconds(10));
  }

  @Test
  void the_failure_counts_the_tasks_that_ran_during_that_wait_only() {
    vigil.scheduler().scheduleAtFixedRate(() -> {}, 0, 100, TimeUnit.MILLISECONDS);
    vigil.virtualTime().advanceBy(Duration.ofSeconds(1));

    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () ->
                vigil
                    .eventually(() -> false)
                    .describedAs("a reply")
                    .within(Duration.ofSeconds(10)));

    assertThat(error.getMessage())
        .contains("  virtual time: 100 tasks ran during this wait")
        .doesNotContain("no task ran")
        .contains(
            "(virtual time: at the start, at the deadline, and 100 after tasks ran or the signal"
                + " pulsed)");
  }
}
