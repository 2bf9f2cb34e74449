package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {
  private static final Instant ORIGIN = Instant.parse("2030-05-01T10:00:00Z");
  private final VirtualTimeSource time = VirtualTimeSource.startingAt(ORIGIN);
  private final VirtualScheduler scheduler = time.scheduler();
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    time.close();
  }

  private Runnable note(String what) {
    return () -> log.add(what + "@" + Duration.between(ORIGIN, time.instant()).toMillis());
  }

  @Test
  void a_delayed_task_runs_at_its_due_instant_with_the_clock_reading_that_instant() {
    scheduler.schedule(note("ping"), 30, TimeUnit.SECONDS);

    assertThat(time.advanceBy(Duration.ofSeconds(29))).isZero();
    assertThat(log).isEmpty();
    assertThat(time.advanceBy(Duration.ofSeconds(1))).isEqualTo(1);
    assertThat(log).containsExactly("ping@30000");
    assertThat(time.clock().instant()).isEqualTo(ORIGIN.plusSeconds(30));
  }

  @Test
  void tasks_due_at_the_same_instant_run_in_submission_order() {
    for (String name : List.of("a", "b", "c", "d")) {
      scheduler.schedule(note(name), 5, TimeUnit.MILLISECONDS);
    }

    time.advanceBy(Duration.ofMillis(5));

    assertThat(log).containsExactly("a@5", "b@5", "c@5", "d@5");
  }

  @Test
  void resolution_is_one_nanosecond() {
    scheduler.schedule(() -> log.add("2ns:" + time.nanoTime()), 2, TimeUnit.NANOSECONDS);
    scheduler.schedule(() -> log.add("1ns:" + time.nanoTime()), 1, TimeUnit.NANOSECONDS);

    time.advanceBy(Duration.ofNanos(2));

    assertThat(log).containsExactly("1ns:1", "2ns:2");
  }

  @Test
  void fixed_rate_runs_at_first_plus_n_periods_each_at_its_own_instant() {
    scheduler.scheduleAtFixedRate(note("tick"), 50, 100, TimeUnit.MILLISECONDS);

    time.advanceBy(Duration.ofMillis(350));

    assertThat(log).containsExactly("tick@50", "tick@150", "tick@250", "tick@350");
  }

  @Test
  void fixed_delay_runs_the_delay_after_the_previous_run() {
    scheduler.scheduleWithFixedDelay(note("poll"), 0, 40, TimeUnit.MILLISECONDS);

    time.advanceBy(Duration.ofMillis(100));

    assertThat(log).containsExactly("poll@0", "poll@40", "poll@80");
  }

  @Test
  void a_cancelled_task_never_runs_and_its_future_says_so() {
    ScheduledFuture<?> future = scheduler.schedule(note("never"), 1, TimeUnit.SECONDS);

    assertThat(future.cancel(false)).isTrue();
    time.advanceBy(Duration.ofSeconds(2));

    assertThat(log).isEmpty();
    assertThat(future.isCancelled()).isTrue();
    assertThat(future.isDone()).isTrue();
    assertThatThrownBy(future::get).isInstanceOf(CancellationException.class);
  }

  @Test
  void a_failing_task_hands_its_exception_to_the_future() {
    Future<String> future =
        scheduler.submit(
            () -> {
              throw new IllegalStateException("boom");
            });

    time.runDue();

    assertThatThrownBy(future::get)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage("boom");
  }

  @Test
  void a_failing_periodic_task_stops_and_keeps_its_failure() {
    int[] runs = {0};
    ScheduledFuture<?> future =
        scheduler.scheduleAtFixedRate(
            () -> {
              if (++runs[0] == 2) {
                throw new IllegalStateException("second run fails");
              }
            },
            0,
            10,
            TimeUnit.MILLISECONDS);

    time.advanceBy(Duration.ofMillis(100));

    assertThat(runs[0]).isEqualTo(2);
    assertThatThrownBy(future::get).hasRootCauseMessage("second run fails");
    assertThat(time.pending()).isEmpty();
  }

  @Test
  void submitted_callables_return_their_value_once_run() throws Exception {
    Future<Integer> future = scheduler.submit(() -> 6 * 7);

    time.runDue();

    assertThat(future.get()).isEqualTo(42);
    assertThat(future.isDone()).isTrue();
  }

  @Test
  void invoke_all_from_the_driving_thread_runs_the_tasks_itself() throws Exception {
    List<Callable<String>> tasks = List.of(() -> "x", () -> "y");

    List<Future<String>> futures = scheduler.invokeAll(tasks);

    assertThat(futures).allMatch(Future::isDone);
    assertThat(futures.get(1).get()).isEqualTo("y");
  }

  @Test
  void invoke_any_returns_the_first_task_that_succeeds() throws Exception {
    List<Callable<String>> tasks =
        List.of(
            () -> {
              throw new IllegalStateException("first fails");
            },
            () -> "second");

    assertThat(scheduler.invokeAny(tasks)).isEqualTo("second");
  }

  @Test
  void shutdown_rejects_new_tasks_cancels_periodic_ones_and_lets_delayed_ones_run()
      throws Exception {
    ScheduledFuture<?> periodic =
        scheduler.scheduleAtFixedRate(note("tick"), 10, 10, TimeUnit.MILLISECONDS);
    scheduler.schedule(note("last"), 50, TimeUnit.MILLISECONDS);

    scheduler.shutdown();

    assertThat(periodic.isCancelled()).isTrue();
    assertThat(scheduler.isShutdown()).isTrue();
    assertThat(scheduler.isTerminated()).isFalse();
    assertThatThrownBy(() -> scheduler.execute(note("late")))
        .isInstanceOf(RejectedExecutionException.class)
        .hasMessageStartingWith("virtual scheduler is shut down; task '");
    assertThat(scheduler.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    assertThat(log).containsExactly("last@50");
  }

  @Test
  void shutdown_now_returns_the_tasks_that_never_started() {
    Runnable first = note("first");
    Runnable second = note("second");
    scheduler.schedule(second, 2, TimeUnit.SECONDS);
    scheduler.schedule(first, 1, TimeUnit.SECONDS);

    List<Runnable> dropped = scheduler.shutdownNow();

    assertThat(dropped).hasSize(2);
    assertThat(scheduler.isTerminated()).isTrue();
    time.advanceBy(Duration.ofSeconds(5));
    assertThat(log).isEmpty();
  }

  @Test
  void get_on_an_unfinished_task_fails_at_once_when_no_other_thread_drives() {
    Future<String> future = scheduler.schedule(() -> "late", 1, TimeUnit.HOURS);

    assertThatThrownBy(future::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "get() on unfinished virtual task 'dev.vigil.time.VirtualSchedulerTest lambda' would"
                + " wait forever: no other thread drives virtual time, so only this thread could"
                + " run it. Drive time first (vigil.virtualTime().runUntilIdle() or"
                + " advanceBy(...)) or wait with vigil.eventually(future::isDone).");
    assertThatThrownBy(() -> future.get(1, TimeUnit.SECONDS))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void get_inside_a_task_on_an_unfinished_task_fails_at_once() {
    Future<String> late = scheduler.schedule(() -> "late", 1, TimeUnit.HOURS);
    Future<?> blocking = scheduler.submit(() -> late.get());

    time.runDue();

    assertThatThrownBy(blocking::get)
        .hasRootCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage(
            "get() on unfinished virtual task 'dev.vigil.time.VirtualSchedulerTest lambda' inside"
                + " a virtual task would wait forever: tasks run one at a time on the thread that"
                + " drives time, so the awaited work cannot run before this task ends; schedule"
                + " the follow-up work instead");
  }

  @Test
  void another_thread_may_block_on_a_future_until_the_driver_runs_the_task() throws Exception {
    time.runDue(); // this thread drives virtual time
    Future<String> future = scheduler.schedule(() -> "done", 10, TimeUnit.SECONDS);
    AtomicReference<Object> seen = new AtomicReference<>();
    Thread other =
        new Thread(
            () -> {
              try {
                seen.set(future.get());
              } catch (Exception e) {
                seen.set(e);
              }
            });
    other.start();
    try (Vigil real = Vigil.create()) {
      real.eventually(() -> other.getState() == Thread.State.TIMED_WAITING)
          .within(Duration.ofSeconds(5));
    }

    time.advanceBy(Duration.ofSeconds(10));
    other.join(5_000);

    assertThat(seen.get()).isEqualTo("done");
  }

  @Test
  void get_delay_reports_virtual_time_left() {
    ScheduledFuture<?> future = scheduler.schedule(note("x"), 3, TimeUnit.SECONDS);
    time.advanceBy(Duration.ofSeconds(1));

    assertThat(future.getDelay(TimeUnit.MILLISECONDS)).isEqualTo(2000);
  }

  @Test
  void a_task_cannot_drive_virtual_time_itself() throws Exception {
    Future<?> future = scheduler.submit(() -> time.advanceBy(Duration.ofSeconds(1)));

    time.runDue();

    assertThatThrownBy(future::get)
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasRootCauseMessage(
            "a virtual task cannot drive virtual time itself (advanceBy, runDue, runUntilIdle,"
                + " step or a wait inside a task); schedule the follow-up work instead");
  }

  @Test
  void bad_periods_and_null_tasks_are_rejected() {
    assertThatThrownBy(() -> scheduler.scheduleAtFixedRate(note("x"), 0, 0, TimeUnit.MILLISECONDS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("period must be positive, was 0 MILLISECONDS");
    assertThatThrownBy(() -> scheduler.scheduleWithFixedDelay(note("x"), 0, -5, TimeUnit.SECONDS))
        .hasMessage("delay must be positive, was -5 SECONDS");
    assertThatThrownBy(() -> scheduler.schedule((Runnable) null, 1, TimeUnit.SECONDS))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("command must not be null");
  }
}
