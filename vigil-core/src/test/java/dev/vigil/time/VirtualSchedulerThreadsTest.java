package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A virtual context built on one thread and used on another, as JUnit does under parallel
 * execution: the thread that built the context is not special.
 */
class VirtualSchedulerThreadsTest {
  private final Vigil vigil = Vigil.withVirtualTime(); // built on this thread
  private final VirtualTimeSource time = vigil.virtualTime();
  private final VirtualScheduler scheduler = time.scheduler();
  private final ExecutorService testBody = Executors.newSingleThreadExecutor();

  @AfterEach
  void close() throws InterruptedException {
    vigil.close(); // cancels what is left, so no blocked thread outlives the test
    testBody.shutdownNow();
    assertThat(testBody.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  private <T> T onTestBodyThread(Callable<T> body) throws Exception {
    return testBody.submit(body).get(5, TimeUnit.SECONDS);
  }

  @Test
  void get_on_an_unfinished_task_fails_at_once_on_a_thread_other_than_the_builder()
      throws Exception {
    Throwable thrown =
        onTestBodyThread(
            () -> {
              Future<String> future = scheduler.schedule(() -> "late", 1, TimeUnit.HOURS);
              return catchThrowable(future::get);
            });

    assertThat(thrown)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "get() on unfinished virtual task 'dev.vigil.time.VirtualSchedulerThreadsTest lambda'"
                + " would wait forever: no other thread drives virtual time");
  }

  @Test
  void untimed_invoke_all_on_a_thread_other_than_the_builder_runs_the_tasks_itself()
      throws Exception {
    List<Callable<String>> tasks = List.of(() -> "x", () -> "y");

    List<String> results =
        onTestBodyThread(
            () -> {
              List<String> values = new java.util.ArrayList<>();
              for (Future<String> future : scheduler.invokeAll(tasks)) {
                values.add(future.get());
              }
              return values;
            });

    assertThat(results).containsExactly("x", "y");
  }

  @Test
  void a_context_driven_on_another_thread_behaves_as_on_the_building_thread() throws Exception {
    Throwable afterDriving =
        onTestBodyThread(
            () -> {
              Future<String> first = scheduler.schedule(() -> "first", 1, TimeUnit.HOURS);
              time.advanceBy(Duration.ofHours(1));
              assertThat(first.get()).isEqualTo("first");
              Future<String> second = scheduler.schedule(() -> "second", 1, TimeUnit.HOURS);
              return catchThrowable(() -> second.get(1, TimeUnit.SECONDS));
            });

    assertThat(afterDriving)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no other thread drives virtual time");
  }

  @Test
  void the_building_thread_waits_for_another_thread_that_drives() throws Exception {
    Future<String> future = scheduler.schedule(() -> "done", 10, TimeUnit.SECONDS);
    Thread building = Thread.currentThread();
    CountDownLatch driving = new CountDownLatch(1);
    Future<Integer> driver =
        testBody.submit(
            () -> {
              time.runDue(); // this thread now drives virtual time
              driving.countDown();
              try (Vigil real = Vigil.create()) {
                real.eventually(() -> isWaitingInGet(building)).within(Duration.ofSeconds(5));
              }
              return time.advanceBy(Duration.ofSeconds(10));
            });
    assertThat(driving.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(future.get(1, TimeUnit.MINUTES)).isEqualTo("done");
    assertThat(driver.get(5, TimeUnit.SECONDS)).isEqualTo(1);
  }

  private static boolean isWaitingInGet(Thread thread) {
    return thread.getState() == Thread.State.TIMED_WAITING
        && Arrays.stream(thread.getStackTrace())
            .anyMatch(
                frame ->
                    frame.getClassName().equals(VirtualTask.class.getName())
                        && frame.getMethodName().equals("get"));
  }

  @Test
  void get_fails_at_once_when_the_thread_that_drove_last_has_ended() throws Exception {
    Thread formerDriver = new Thread(time::runDue);
    formerDriver.start();
    formerDriver.join(5_000);
    assertThat(formerDriver.isAlive()).isFalse();
    Future<String> future = scheduler.schedule(() -> "late", 1, TimeUnit.HOURS);

    assertThat(catchThrowable(future::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no other thread drives virtual time");
  }
}
