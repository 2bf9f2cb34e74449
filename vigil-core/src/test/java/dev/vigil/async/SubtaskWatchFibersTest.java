package dev.vigil.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.Vigil;
import dev.vigil.async.FailFastGroup.Bug;
import dev.vigil.async.FailFastGroup.GroupFailure;
import dev.vigil.time.Fiber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A fail-fast group whose subtasks are fibers: siblings are really running (parked mid-work) when
 * the first one fails, on virtual time, so the group's rules are checked at exact instants.
 */
class SubtaskWatchFibersTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final SubtaskWatch watch =
      vigil.watchSubtasks(vigil.virtualTime().fiberExecutor("subtask"));

  @AfterEach
  void close() {
    vigil.close();
  }

  private static Callable<String> worksFor(Duration duration) {
    return () -> {
      Fiber.sleep(duration);
      return "worked " + duration;
    };
  }

  private static Callable<String> failsAfter(Duration duration) {
    return () -> {
      Fiber.sleep(duration);
      throw new IllegalStateException("failed after " + duration);
    };
  }

  @Test
  void the_first_failure_interrupts_the_running_siblings_at_its_instant() {
    var group =
        FailFastGroup.run(
            watch,
            List.of(
                worksFor(Duration.ofSeconds(5)),
                failsAfter(Duration.ofSeconds(1)),
                worksFor(Duration.ofSeconds(9))),
            Bug.NONE);

    GroupFailure failure = vigil.fails(group).with(GroupFailure.class).get();

    watch.firstFailureCancelledSiblings().allFailuresReportedIn(failure).nothingLeftRunning();
    assertThat(vigil.virtualTime().instant())
        .as("the group ended when the failure interrupted the others, not at 9 s")
        .isEqualTo(dev.vigil.time.VirtualTimeSource.DEFAULT_ORIGIN.plusSeconds(1));
  }

  @Test
  void a_group_that_leaves_its_siblings_running_is_caught() {
    var group =
        FailFastGroup.run(
            watch,
            List.of(worksFor(Duration.ofSeconds(5)), failsAfter(Duration.ofSeconds(1))),
            Bug.LEAVES_SIBLINGS_RUNNING);

    var unused = vigil.fails(group).get();

    assertThat(
            catchThrowableOfType(AsyncAssertionError.class, watch::firstFailureCancelledSiblings))
        .isNotNull();
    assertThat(catchThrowableOfType(AsyncAssertionError.class, watch::nothingLeftRunning))
        .isNotNull();
  }
}
