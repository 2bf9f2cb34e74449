package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The "unsafe increment" race of the async-testing seed, found deterministically: each worker reads
 * the counter, yields (its write is a separate task due at the same instant), then writes.
 */
class RaceExplorerTest {
  private static final int WORKERS = 5;

  /** A counter whose increment is a read and a later write, like {@code await sleep(0)}. */
  static final class Counter {
    int value;
    final List<String> trace = new ArrayList<>();

    void unsafeIncrement(ScheduledExecutorService scheduler, int worker) {
      scheduler.execute(
          () -> {
            int read = value;
            trace.add("read" + worker + "=" + read);
            scheduler.schedule(
                () -> {
                  value = read + 1;
                  trace.add("write" + worker + "=" + value);
                },
                0,
                TimeUnit.NANOSECONDS);
          });
    }

    void safeIncrement(ScheduledExecutorService scheduler, int worker) {
      // Read and write in one task: no other task can run in between.
      scheduler.execute(
          () -> {
            value++;
            trace.add("inc" + worker);
          });
    }
  }

  private static void unsafeScenario(Vigil vigil, List<String> traceOut) {
    Counter counter = new Counter();
    for (int worker = 1; worker <= WORKERS; worker++) {
      counter.unsafeIncrement(vigil.scheduler(), worker);
    }
    vigil.virtualTime().runUntilIdle();
    traceOut.addAll(counter.trace);
    assertThat(counter.value).as("counter after %d increments", WORKERS).isEqualTo(WORKERS);
  }

  @Test
  void finds_the_seed_under_which_the_unsafe_increment_loses_updates() {
    RaceFoundError found =
        catchThrowableOfType(
            RaceFoundError.class,
            () ->
                RaceExplorer.seeds(1, 100)
                    .explore(vigil -> unsafeScenario(vigil, new ArrayList<>())));

    assertThat(found.getMessage())
        .startsWith("Scenario failed under seed " + found.seed() + " (seed ")
        .contains("replay it with RaceExplorer.replay(" + found.seed() + "L, scenario)");
    assertThat(found.getCause()).isInstanceOf(AssertionError.class);
  }

  @Test
  void replaying_the_seed_reproduces_the_same_interleaving_step_by_step() {
    long seed =
        catchThrowableOfType(
                RaceFoundError.class,
                () ->
                    RaceExplorer.seeds(1, 100)
                        .explore(vigil -> unsafeScenario(vigil, new ArrayList<>())))
            .seed();
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();

    assertThatThrownBy(() -> RaceExplorer.replay(seed, vigil -> unsafeScenario(vigil, first)))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> RaceExplorer.replay(seed, vigil -> unsafeScenario(vigil, second)))
        .isInstanceOf(AssertionError.class);

    assertThat(second).isEqualTo(first).hasSize(2 * WORKERS);
  }

  @Test
  void without_a_seed_submission_order_hides_the_race_in_a_way_that_is_always_the_same() {
    List<String> trace = new ArrayList<>();
    try (Vigil vigil = Vigil.withVirtualTime()) {
      // All reads are submitted before any write, so every read sees 0: always 1, never random.
      assertThatThrownBy(() -> unsafeScenario(vigil, trace)).hasMessageContaining("1");
    }
    assertThat(trace).startsWith("read1=0", "read2=0", "read3=0");
  }

  @Test
  void the_safe_increment_passes_under_every_seed() {
    int passed =
        RaceExplorer.seeds(1, 200)
            .explore(
                vigil -> {
                  Counter counter = new Counter();
                  for (int worker = 1; worker <= WORKERS; worker++) {
                    counter.safeIncrement(vigil.scheduler(), worker);
                  }
                  vigil.virtualTime().runUntilIdle();
                  assertThat(counter.value).isEqualTo(WORKERS);
                });

    assertThat(passed).isEqualTo(200);
  }

  @Test
  void bad_arguments_are_rejected() {
    assertThatThrownBy(() -> RaceExplorer.seeds(1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count must be positive, was 0");
    assertThatThrownBy(() -> RaceExplorer.seeds(1, 5).explore(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("scenario must not be null");
  }
}
