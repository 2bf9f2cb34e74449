package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An executor whose tasks are fibers: code that takes an executor blocks on virtual time. */
class FiberExecutorTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final VirtualTimeSource time = vigil.virtualTime();
  private final ExecutorService workers = time.fiberExecutor("worker");

  @AfterEach
  void close() {
    vigil.close();
  }

  private static Callable<String> after(long millis, String value) {
    return () -> {
      Fiber.sleep(Duration.ofMillis(millis));
      return value;
    };
  }

  @Test
  void tasks_are_fibers_named_after_the_executor() {
    Future<String> task = workers.submit(after(1000, "done"));
    time.runDue();

    assertThat(task).isInstanceOf(Fiber.class);
    assertThat(((Fiber<?>) task).name()).isEqualTo("worker-1");
    assertThat(time.liveFibers()).containsExactly((Fiber<?>) task);
  }

  @Test
  void invoke_all_returns_once_every_task_ended_on_virtual_time() throws Exception {
    List<Future<String>> results =
        workers.invokeAll(List.of(after(300, "slow"), after(100, "fast")));

    assertThat(results.get(0).get()).isEqualTo("slow");
    assertThat(results.get(1).get()).isEqualTo("fast");
    assertThat(time.instant()).isEqualTo(VirtualTimeSource.DEFAULT_ORIGIN.plusMillis(300));
  }

  @Test
  void invoke_any_returns_the_first_success_and_cancels_the_rest() throws Exception {
    List<String> cleaned = new CopyOnWriteArrayList<>();
    Callable<String> slow =
        () -> {
          try {
            Fiber.sleep(Duration.ofSeconds(5));
            return "slow";
          } finally {
            cleaned.add("slow");
          }
        };
    Callable<String> failing =
        () -> {
          throw new IllegalStateException("down");
        };

    String first = workers.invokeAny(List.of(slow, failing, after(200, "fast")));
    time.runDue();

    assertThat(first).isEqualTo("fast");
    assertThat(cleaned).containsExactly("slow");
    assertThat(time.liveFibers()).isEmpty();
  }

  @Test
  void a_timed_invoke_all_cancels_what_did_not_finish() throws Exception {
    List<Future<String>> results =
        workers.invokeAll(
            List.of(after(100, "in time"), after(900, "late")), 500, TimeUnit.MILLISECONDS);

    assertThat(results.get(0).get()).isEqualTo("in time");
    assertThat(results.get(1).isCancelled()).isTrue();
    assertThat(time.instant()).isEqualTo(VirtualTimeSource.DEFAULT_ORIGIN.plusMillis(500));
  }

  @Test
  void shutdown_now_interrupts_parked_tasks_and_await_termination_sees_them_end() throws Exception {
    VirtualLatch never = VirtualLatch.create(time, 1);
    workers.submit(
        () -> {
          never.await();
          return "opened";
        });
    time.runDue();

    workers.shutdownNow();

    assertThat(workers.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
    assertThat(time.liveFibers()).isEmpty();
    assertThatThrownBy(() -> workers.submit(() -> 1))
        .isInstanceOf(RejectedExecutionException.class)
        .hasMessage("fiber executor 'worker' is shut down");
  }
}
