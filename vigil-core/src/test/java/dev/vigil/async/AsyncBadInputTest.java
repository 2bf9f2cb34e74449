package dev.vigil.async;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad input to the async checks fails at once, naming the parameter and the value. */
class AsyncBadInputTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final CompletableFuture<String> future = new CompletableFuture<>();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void null_futures_are_named() {
    assertThatThrownBy(() -> vigil.completes((Future<String>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("future must not be null");
    assertThatThrownBy(() -> vigil.completes((CompletionStage<String>) null))
        .hasMessage("stage must not be null");
    assertThatThrownBy(() -> vigil.completes((CompletableFuture<String>) null))
        .hasMessage("stage must not be null");
    assertThatThrownBy(() -> vigil.fails((Future<?>) null)).hasMessage("future must not be null");
    assertThatThrownBy(() -> vigil.fails((CompletionStage<?>) null))
        .hasMessage("stage must not be null");
    assertThatThrownBy(() -> Completes.of(null, future)).hasMessage("vigil must not be null");
  }

  @Test
  void bad_lists_to_gather_are_named() {
    assertThatThrownBy(() -> vigil.gather(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("futures must not be null");
    assertThatThrownBy(() -> vigil.gather(Arrays.asList(future, null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("futures must not hold null, was null at index 1");
    assertThatThrownBy(() -> vigil.gatherStages(Arrays.asList((CompletionStage<String>) null)))
        .hasMessage("stages must not hold null, was null at index 0");
  }

  @Test
  void bad_options_are_named_with_their_value() {
    assertThatThrownBy(() -> vigil.completes(future).describedAs(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("description must not be blank, was ' '");
    assertThatThrownBy(() -> vigil.gather(List.of(future)).describedAs(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("description must not be null");
    assertThatThrownBy(() -> vigil.fails(future).with(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type must not be null");
    assertThatThrownBy(() -> vigil.fails(future).withMessageContaining(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("part must not be empty, was ''");
  }

  @Test
  void bad_timeouts_are_named_with_their_value() {
    assertThatThrownBy(() -> vigil.completes(future).within(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive, was PT0S");
    assertThatThrownBy(() -> vigil.fails(future).within(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must not be negative, was PT-1S");
    assertThatThrownBy(() -> vigil.gather(List.of(future)).within(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("timeout must not be null");
  }

  @Test
  void bad_input_to_the_timeout_check_is_named() {
    assertThatThrownBy(() -> vigil.timesOut(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("operation must not be null");
    assertThatThrownBy(() -> vigil.timesOut(() -> future).at(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("deadline must be positive, was PT0S");
    assertThatThrownBy(() -> vigil.timesOut(() -> future).with(null))
        .hasMessage("type must not be null");
    Supplier<Future<?>> returnsNull = () -> null;
    assertThatThrownBy(() -> vigil.timesOut(returnsNull).at(Duration.ofSeconds(1)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("operation must return a future, returned null");
  }

  @Test
  void bad_input_to_the_cleanup_checks_is_named() {
    ScheduledExecutorService scheduler = vigil.scheduler();
    TimedOut timedOut =
        vigil
            .timesOut(() -> Timeouts.failAfter(future, Duration.ofSeconds(1), scheduler))
            .at(Duration.ofSeconds(1));

    assertThatThrownBy(() -> timedOut.and(" ", () -> true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invariant must not be blank, was ' '");
    assertThatThrownBy(() -> timedOut.and("listener removed", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("holds must not be null");
  }

  @Test
  void bad_input_to_fail_after_is_named() {
    ScheduledExecutorService scheduler = vigil.scheduler();
    assertThatThrownBy(() -> Timeouts.failAfter(null, Duration.ofSeconds(1), scheduler))
        .hasMessage("future must not be null");
    assertThatThrownBy(() -> Timeouts.failAfter(future, Duration.ofMillis(-5), scheduler))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must not be negative, was PT-0.005S");
    assertThatThrownBy(() -> Timeouts.failAfter(future, Duration.ofSeconds(1), null))
        .hasMessage("scheduler must not be null");
  }

  @Test
  void bad_input_to_the_subtask_watch_is_named() {
    assertThatThrownBy(() -> vigil.watchSubtasks(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("executor must not be null");
    ExecutorService watch = vigil.watchSubtasks(vigil.scheduler());
    assertThatThrownBy(() -> watch.submit((Runnable) null)).hasMessage("task must not be null");
    assertThatThrownBy(() -> watch.invokeAll(Arrays.asList(() -> "a", null)))
        .hasMessage("tasks must not hold null, was null at index 1");
    assertThatThrownBy(() -> ((SubtaskWatch) watch).allFailuresReportedIn(null))
        .hasMessage("groupFailure must not be null");
  }
}
