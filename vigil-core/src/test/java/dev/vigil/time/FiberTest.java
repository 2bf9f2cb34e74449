package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Fibers: tasks on virtual time that park where they would block. */
class FiberTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final VirtualTimeSource time = vigil.virtualTime();
  private final List<String> log = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    vigil.close();
  }

  private String at() {
    return Duration.between(VirtualTimeSource.DEFAULT_ORIGIN, time.instant()).toMillis() + "ms";
  }

  @Test
  void fibers_sleep_on_virtual_time_and_interleave_at_exact_instants() {
    time.startFiber(
        "a",
        () -> {
          for (int i = 0; i < 3; i++) {
            Fiber.sleep(Duration.ofMillis(100));
            log.add("a@" + at());
          }
        });
    time.startFiber(
        "b",
        () -> {
          Fiber.sleep(Duration.ofMillis(150));
          log.add("b@" + at());
        });

    time.runUntilIdle();

    assertThat(log).containsExactly("a@100ms", "b@150ms", "a@200ms", "a@300ms");
    assertThat(time.liveFibers()).isEmpty();
  }

  @Test
  void a_wake_meant_for_an_earlier_wait_does_not_cut_a_sleep_short() throws Exception {
    Fiber<String> sleeper =
        time.startFiber(
            "sleeper",
            () -> {
              // A real thread's latch or queue may wake a fiber the moment after it stopped
              // waiting.
              java.util.Objects.requireNonNull(Fiber.current()).wake();
              Fiber.sleep(Duration.ofSeconds(1));
              return at();
            });

    assertThat(sleeper.get()).isEqualTo("1000ms");
  }

  @Test
  void each_step_moves_a_fiber_from_one_await_point_to_the_next() {
    Fiber<?> fiber =
        time.startFiber(
            "worker",
            () -> {
              log.add("start");
              Fiber.sleep(Duration.ofSeconds(1));
              log.add("after sleep");
            });
    assertThat(time.pending())
        .extracting(PendingTask::name)
        .containsExactly("fiber 'worker' starts");

    time.step();
    assertThat(log).containsExactly("start");
    assertThat(fiber.state()).isEqualTo(Fiber.State.PARKED);
    assertThat(fiber.parkedIn()).isEqualTo("sleep(1s)");
    assertThat(time.pending())
        .extracting(PendingTask::name)
        .containsExactly("fiber 'worker' wakes after sleep(1s)");

    time.step();
    assertThat(log).containsExactly("start", "after sleep");
    assertThat(fiber.state()).isEqualTo(Fiber.State.DONE);
    assertThat(time.pending()).isEmpty();
  }

  @Test
  void cancel_with_interrupt_resumes_a_parked_fiber_with_InterruptedException_and_runs_its_cleanup()
      throws Exception {
    AtomicBoolean cleaned = new AtomicBoolean();
    Fiber<?> fiber =
        time.startFiber(
            "sleeper",
            () -> {
              try {
                Fiber.sleep(Duration.ofSeconds(10));
              } finally {
                cleaned.set(true);
              }
            });
    time.advanceBy(Duration.ofMillis(10));

    assertThat(fiber.cancel(true)).isTrue();
    assertThat(fiber.isDone()).isTrue();
    assertThat(cleaned).isFalse(); // the cleanup runs on virtual time, at the next step
    time.runDue();

    assertThat(cleaned).isTrue();
    assertThat(fiber.state()).isEqualTo(Fiber.State.CANCELLED);
    assertThat(time.pending()).as("the sleep's wake-up is cancelled too").isEmpty();
    assertThatThrownBy(fiber::get).isInstanceOf(CancellationException.class);
  }

  @Test
  void cancel_before_the_first_turn_means_the_body_never_runs() {
    Fiber<?> fiber = time.startFiber("never", () -> log.add("ran"));

    assertThat(fiber.cancel(true)).isTrue();
    time.runUntilIdle();

    assertThat(log).isEmpty();
    assertThat(fiber.state()).isEqualTo(Fiber.State.CANCELLED);
    assertThat(fiber.cancel(true)).isFalse();
  }

  @Test
  void cancel_without_interrupt_leaves_a_parked_fiber_parked() {
    Fiber<?> fiber = time.startFiber("stubborn", () -> Fiber.sleep(Duration.ofSeconds(1)));
    time.runDue();

    assertThat(fiber.cancel(false)).isTrue();
    time.runDue();

    assertThat(fiber.isCancelled()).isTrue();
    assertThat(fiber.state()).isEqualTo(Fiber.State.PARKED);
    time.runUntilIdle();
    assertThat(fiber.state()).isEqualTo(Fiber.State.CANCELLED);
  }

  @Test
  void cancel_with_interrupt_interrupts_a_running_inline_task_and_not_the_driver_afterwards() {
    AtomicBoolean sawInterrupt = new AtomicBoolean();
    Future<?>[] self = new Future<?>[1];
    self[0] =
        vigil
            .scheduler()
            .schedule(
                () -> {
                  self[0].cancel(true);
                  sawInterrupt.set(Thread.currentThread().isInterrupted());
                },
                1,
                TimeUnit.SECONDS);

    time.advanceBy(Duration.ofSeconds(1));

    assertThat(sawInterrupt).isTrue();
    assertThat(self[0].isCancelled()).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void a_fiber_gets_its_result_and_its_failure_through_get() throws Exception {
    Fiber<Integer> answer = time.startFiber("answer", () -> 42);
    Fiber<Integer> broken =
        time.startFiber(
            "broken",
            () -> {
              throw new IllegalStateException("no");
            });

    assertThat(answer.get()).isEqualTo(42);
    assertThatThrownBy(broken::get)
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("no");
    assertThat(broken.state()).isEqualTo(Fiber.State.FAILED);
  }

  @Test
  void get_inside_a_fiber_parks_until_a_virtual_task_or_another_fiber_is_done() throws Exception {
    Future<String> later = vigil.scheduler().schedule(() -> "late", 2, TimeUnit.SECONDS);
    Fiber<String> inner =
        time.startFiber(
            "inner",
            () -> {
              Fiber.sleep(Duration.ofSeconds(3));
              return "inner";
            });
    Fiber<String> outer =
        time.startFiber("outer", () -> later.get() + "+" + inner.get() + "@" + at());

    assertThat(outer.get()).isEqualTo("late+inner@3000ms");
  }

  @Test
  void a_timed_get_inside_a_fiber_gives_up_at_its_virtual_deadline() throws Exception {
    Fiber<?> slow = time.startFiber("slow", () -> Fiber.sleep(Duration.ofSeconds(10)));
    Fiber<String> impatient =
        time.startFiber(
            "impatient",
            () -> {
              try {
                slow.get(1, TimeUnit.SECONDS);
                return "finished";
              } catch (TimeoutException e) {
                return "gave up at " + at();
              }
            });

    assertThat(impatient.get()).isEqualTo("gave up at 1000ms");
  }

  @Test
  void a_vigil_wait_inside_a_fiber_parks_until_the_condition_holds() throws Exception {
    AtomicBoolean ready = new AtomicBoolean();
    vigil.scheduler().schedule(() -> ready.set(true), 700, TimeUnit.MILLISECONDS);
    Fiber<String> waiter =
        time.startFiber(
            "waiter",
            () -> {
              vigil.eventually(ready::get).within(Duration.ofSeconds(5));
              return at();
            });

    assertThat(waiter.get()).isEqualTo("700ms");
  }

  @Test
  void a_fiber_may_not_drive_time_itself() {
    Fiber<?> fiber = time.startFiber("driver", () -> time.advanceBy(Duration.ofSeconds(1)));
    time.runUntilIdle();

    assertThatThrownBy(fiber::get)
        .hasCauseInstanceOf(IllegalStateException.class)
        .cause()
        .hasMessageStartingWith("fiber 'driver' cannot drive virtual time");
  }

  @Test
  void sleep_outside_a_fiber_says_how_to_start_one() {
    assertThatThrownBy(() -> Fiber.sleep(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Fiber.sleep(1s) called outside a fiber; start one with"
                + " vigil.virtualTime().startFiber(name, body), or move time with advanceBy");
  }

  @Test
  void closing_virtual_time_ends_a_parked_fiber_and_runs_its_finally_blocks() throws Exception {
    Vigil other = Vigil.withVirtualTime();
    AtomicBoolean cleaned = new AtomicBoolean();
    Fiber<?> fiber =
        other
            .virtualTime()
            .startFiber(
                "forever",
                () -> {
                  try {
                    Fiber.sleep(Duration.ofDays(1));
                  } finally {
                    cleaned.set(true);
                  }
                });
    other.virtualTime().runDue();

    other.close();

    assertThat(cleaned).isTrue();
    assertThat(fiber.state()).isEqualTo(Fiber.State.FAILED);
    assertThat(other.virtualTime().liveFibers()).isEmpty();
  }

  @Test
  void fibers_name_their_state_and_park() {
    Fiber<?> fiber = time.startFiber("named", () -> Fiber.sleep(Duration.ofSeconds(1)));
    assertThat(fiber).hasToString("fiber 'named' new");
    time.runDue();
    assertThat(fiber).hasToString("fiber 'named' parked in sleep(1s)");
    assertThat(time.liveFibers()).containsExactly(fiber);
  }

  @Test
  void bad_names_and_bodies_are_refused() {
    assertThatThrownBy(() -> time.startFiber(" ", () -> 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank, was ' '");
    assertThatThrownBy(() -> time.startFiber("x", (Fiber.Action) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("body must not be null");
    assertThatThrownBy(() -> Fiber.sleep(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("duration must not be negative");
  }
}
