package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualTimeControlsTest {
  private static final Instant ORIGIN = VirtualTimeSource.DEFAULT_ORIGIN;
  private final VirtualTimeSource time = VirtualTimeSource.startingAt(ORIGIN);
  private final VirtualScheduler scheduler = time.scheduler();
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void close() {
    time.close();
  }

  @Test
  void the_clock_starts_at_the_origin_and_moves_only_when_driven() {
    assertThat(time.instant()).isEqualTo(ORIGIN);
    assertThat(time.nanoTime()).isZero();

    time.advanceBy(Duration.ofMinutes(90));

    assertThat(time.clock().instant()).isEqualTo(ORIGIN.plus(Duration.ofMinutes(90)));
    assertThat(time.clock().withZone(ZoneId.of("Europe/Paris")).instant())
        .isEqualTo(time.instant());
    assertThat(time.nanoTime()).isEqualTo(Duration.ofMinutes(90).toNanos());
  }

  @Test
  void advance_to_runs_what_is_due_until_the_target() {
    scheduler.schedule(() -> log.add("a"), 1, TimeUnit.HOURS);
    scheduler.schedule(() -> log.add("b"), 3, TimeUnit.HOURS);

    int ran = time.advanceTo(ORIGIN.plus(Duration.ofHours(2)));

    assertThat(ran).isEqualTo(1);
    assertThat(log).containsExactly("a");
    assertThat(time.instant()).isEqualTo(ORIGIN.plus(Duration.ofHours(2)));
  }

  @Test
  void run_due_runs_what_is_due_now_including_follow_ups_but_never_moves_the_clock() {
    scheduler.execute(
        () -> {
          log.add("first");
          scheduler.execute(() -> log.add("follow-up"));
          scheduler.schedule(() -> log.add("later"), 1, TimeUnit.NANOSECONDS);
        });

    assertThat(time.runDue()).isEqualTo(2);
    assertThat(log).containsExactly("first", "follow-up");
    assertThat(time.nanoTime()).isZero();
  }

  @Test
  void run_until_idle_runs_everything_moving_the_clock_as_needed() {
    scheduler.schedule(() -> log.add("a"), 5, TimeUnit.SECONDS);
    scheduler.schedule(
        () -> scheduler.schedule(() -> log.add("b"), 5, TimeUnit.SECONDS), 10, TimeUnit.SECONDS);

    assertThat(time.runUntilIdle()).isEqualTo(3);
    assertThat(log).containsExactly("a", "b");
    assertThat(time.instant()).isEqualTo(ORIGIN.plusSeconds(15));
  }

  @Test
  void run_until_idle_with_a_periodic_task_fails_naming_it_instead_of_looping_forever() {
    Runnable heartbeat =
        new Runnable() {
          @Override
          public void run() {}

          @Override
          public String toString() {
            return "heartbeat";
          }
        };
    scheduler.scheduleAtFixedRate(heartbeat, 0, 100, TimeUnit.MILLISECONDS);

    assertThatThrownBy(() -> time.runUntilIdle(50, null))
        .isInstanceOf(StillBusyError.class)
        .hasMessage(
            "runUntilIdle() stopped after running 50 tasks (50 ran over 4.9s of virtual time)"
                + " with 1 still pending. Busiest: 'heartbeat' ran 50 times and is periodic"
                + " (every 100ms): a periodic task never lets the scheduler go idle; use"
                + " advanceBy(...) or cancel it first."
                + System.lineSeparator()
                + "  virtual time without a seed: same-instant tasks ran in submission order");
  }

  @Test
  void run_until_idle_can_be_bounded_by_virtual_time() {
    scheduler.schedule(() -> log.add("soon"), 1, TimeUnit.SECONDS);
    scheduler.schedule(() -> log.add("much later"), 1, TimeUnit.DAYS);

    assertThatThrownBy(() -> time.runUntilIdle(1_000, Duration.ofMinutes(1)))
        .isInstanceOf(StillBusyError.class)
        .hasMessageStartingWith(
            "runUntilIdle() stopped after moving virtual time by PT1M (1 ran over 1s of virtual"
                + " time) with 1 still pending.");
    assertThat(log).containsExactly("soon");
  }

  @Test
  void step_runs_one_task_at_a_time_and_pending_shows_what_comes_next() {
    scheduler.schedule(() -> log.add("second"), 20, TimeUnit.MILLISECONDS);
    scheduler.schedule(() -> log.add("first"), 10, TimeUnit.MILLISECONDS);

    assertThat(time.pending())
        .extracting(PendingTask::dueIn)
        .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));

    PendingTask ran = time.step();

    assertThat(ran.due()).isEqualTo(ORIGIN.plusMillis(10));
    assertThat(log).containsExactly("first");
    assertThat(time.pending()).singleElement().extracting(PendingTask::sequence).isEqualTo(1L);
    time.step();
    assertThat(log).containsExactly("first", "second");
    assertThatThrownBy(time::step)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("step(): no task is pending on the virtual scheduler");
  }

  @Test
  void the_same_seed_gives_the_same_order_step_by_step_and_seeds_differ() {
    List<String> first = orderUnderSeed(7);
    List<String> again = orderUnderSeed(7);

    assertThat(again).isEqualTo(first);
    List<List<String>> orders = new ArrayList<>();
    for (long seed = 1; seed <= 10; seed++) {
      orders.add(orderUnderSeed(seed));
    }
    assertThat(orders.stream().distinct().count()).isGreaterThan(1);
  }

  private static List<String> orderUnderSeed(long seed) {
    VirtualTimeSource seeded = VirtualTimeSource.seeded(ORIGIN, seed);
    List<String> order = new ArrayList<>();
    for (String name : List.of("a", "b", "c", "d", "e", "f")) {
      seeded.scheduler().schedule(() -> order.add(name), 1, TimeUnit.SECONDS);
    }
    while (!seeded.pending().isEmpty()) {
      seeded.step();
    }
    seeded.close();
    return order;
  }

  @Test
  void negative_and_overflowing_advances_are_rejected() {
    assertThatThrownBy(() -> time.advanceBy(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duration must not be negative, was PT-1S");
    assertThatThrownBy(() -> time.advanceBy(Duration.ofDays(365L * 1000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("duration is too long to measure in nanoseconds");
    assertThatThrownBy(() -> time.advanceBy(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("duration must not be null");
  }

  @Test
  void advancing_backwards_is_rejected() {
    time.advanceBy(Duration.ofHours(1));

    assertThatThrownBy(() -> time.advanceTo(ORIGIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "target must not be before the virtual clock's 2026-01-01T01:00:00Z, was"
                + " 2026-01-01T00:00:00Z");
  }

  @Test
  void run_until_idle_rejects_a_non_positive_bound() {
    assertThatThrownBy(() -> time.runUntilIdle(0, null))
        .hasMessage("maxTasks must be positive, was 0");
  }
}
