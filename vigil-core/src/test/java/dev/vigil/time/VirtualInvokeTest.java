package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualInvokeTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final VirtualTimeSource time = vigil.virtualTime();
  private final VirtualScheduler scheduler = time.scheduler();
  private final ExecutorService other = Executors.newSingleThreadExecutor();

  @AfterEach
  void close() throws InterruptedException {
    vigil.close();
    other.shutdownNow();
    assertThat(other.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  private static List<Callable<String>> named(List<String> log, String... names) {
    List<Callable<String>> tasks = new ArrayList<>();
    for (String name : names) {
      tasks.add(
          () -> {
            log.add(name);
            return name;
          });
    }
    return tasks;
  }

  @Test
  void a_timed_invoke_all_on_a_thread_that_does_not_drive_runs_the_tasks_itself() {
    List<Callable<String>> tasks = named(Collections.synchronizedList(new ArrayList<>()), "a", "b");

    List<Future<String>> futures =
        assertTimeoutPreemptively(
            Duration.ofSeconds(3),
            () -> other.submit(() -> scheduler.invokeAll(tasks, 100, TimeUnit.MILLISECONDS)).get());

    assertThat(futures).allMatch(future -> future.isDone() && !future.isCancelled());
  }

  @Test
  void a_timed_invoke_any_on_a_thread_that_does_not_drive_runs_the_tasks_itself() {
    List<Callable<String>> tasks = named(Collections.synchronizedList(new ArrayList<>()), "a", "b");

    String result =
        assertTimeoutPreemptively(
            Duration.ofSeconds(3),
            () -> other.submit(() -> scheduler.invokeAny(tasks, 100, TimeUnit.MILLISECONDS)).get());

    assertThat(result).isEqualTo("a");
  }

  @Test
  void a_timed_invoke_all_waiting_for_an_idle_driver_gives_up_after_its_timeout() {
    time.runDue(); // this thread drives virtual time, then stays idle
    List<Callable<String>> tasks = named(Collections.synchronizedList(new ArrayList<>()), "a");

    List<Future<String>> futures =
        assertTimeoutPreemptively(
            Duration.ofSeconds(3),
            () -> other.submit(() -> scheduler.invokeAll(tasks, 100, TimeUnit.MILLISECONDS)).get());

    assertThat(futures).allMatch(Future::isCancelled);
    assertThat(time.pending()).isEmpty();
  }

  @Test
  void a_timed_invoke_any_waiting_for_an_idle_driver_times_out() {
    time.runDue();
    List<Callable<String>> tasks = named(Collections.synchronizedList(new ArrayList<>()), "a");

    Throwable thrown =
        assertTimeoutPreemptively(
            Duration.ofSeconds(3),
            () ->
                other
                    .submit(
                        () -> {
                          try {
                            scheduler.invokeAny(tasks, 100, TimeUnit.MILLISECONDS);
                            return null;
                          } catch (TimeoutException expected) {
                            return expected;
                          }
                        })
                    .get());

    assertThat(thrown).isInstanceOf(TimeoutException.class);
  }

  @Test
  void invoke_any_returns_the_task_that_ran_first_under_every_seed() throws Exception {
    for (long seed = 0; seed < 40; seed++) {
      try (Vigil seeded = Vigil.builder().seed(seed).build()) {
        List<String> ran = new ArrayList<>();

        String result = seeded.scheduler().invokeAny(named(ran, "a", "b", "c", "d"));

        assertThat(result).as("seed %d ran %s", seed, ran).isEqualTo(ran.get(0));
        assertThat(ran).as("seed %d", seed).hasSize(1);
      }
    }
  }

  @Test
  void invoke_any_skips_failures_and_returns_the_first_success_in_execution_order()
      throws Exception {
    List<String> ran = new ArrayList<>();
    List<Callable<String>> tasks = new ArrayList<>();
    tasks.add(
        () -> {
          ran.add("fails");
          throw new IllegalStateException("fails");
        });
    tasks.addAll(named(ran, "b", "c"));

    assertThat(scheduler.invokeAny(tasks)).isEqualTo("b");
    assertThat(ran).containsExactly("fails", "b");
  }

  @Test
  void invoke_any_rethrows_the_last_failure_when_every_task_fails() {
    List<Callable<String>> tasks =
        List.of(
            () -> {
              throw new IllegalStateException("first");
            },
            () -> {
              throw new IllegalStateException("last");
            });

    assertThatThrownBy(() -> scheduler.invokeAny(tasks)).hasRootCauseMessage("last");
  }

  @Test
  void a_timed_get_waiting_for_the_driver_times_out_in_virtual_time() throws Exception {
    time.runDue(); // this thread is the driver
    Future<String> late = scheduler.schedule(() -> "late", 1, TimeUnit.HOURS);
    AtomicReference<Thread> waiting = new AtomicReference<>();
    Future<Throwable> waiter =
        other.submit(
            () -> {
              waiting.set(Thread.currentThread());
              try {
                late.get(1, TimeUnit.MINUTES);
                return null;
              } catch (TimeoutException expected) {
                return expected;
              }
            });
    try (Vigil real = Vigil.create()) {
      real.eventually(() -> isBlocked(waiting.get())).within(Duration.ofSeconds(5));
    }

    time.advanceBy(Duration.ofHours(2));

    assertThat(waiter.get(5, TimeUnit.SECONDS))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("did not finish within 1 MINUTES of virtual time");
  }

  private static boolean isBlocked(@Nullable Thread thread) {
    return thread != null && thread.getState() == Thread.State.TIMED_WAITING;
  }
}
