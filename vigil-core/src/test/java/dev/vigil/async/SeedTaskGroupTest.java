package dev.vigil.async;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.async.FailFastGroup.Bug;
import dev.vigil.async.FailFastGroup.GroupFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003 ("Testing TaskGroup (Python 3.11+)": {@code test_task_group}, {@code
 * test_task_group_exception}) in Java 17, which has no {@code StructuredTaskScope}: a small
 * fail-fast group ({@link FailFastGroup}) runs on the context's virtual scheduler through a {@link
 * SubtaskWatch}, and the watch checks the group's rules.
 */
class SeedTaskGroupTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final SubtaskWatch watch = vigil.watchSubtasks(vigil.scheduler());

  @AfterEach
  void close() {
    vigil.close();
  }

  private static Callable<Integer> appendResult(List<Integer> results, int value) {
    return () -> {
      results.add(value);
      return value;
    };
  }

  @Test
  void task_group() {
    List<Integer> results = Collections.synchronizedList(new ArrayList<>());

    var unused =
        vigil
            .completes(
                FailFastGroup.run(
                    watch,
                    List.of(
                        appendResult(results, 1),
                        appendResult(results, 2),
                        appendResult(results, 3)),
                    Bug.NONE))
            .get();

    assertThat(results).containsExactlyInAnyOrder(1, 2, 3);
    watch.nothingLeftRunning();
  }

  @Test
  void task_group_exception() {
    Callable<String> successfulTask = () -> "ok";
    Callable<String> failingTask =
        () -> {
          throw new IllegalStateException("task failed");
        };

    GroupFailure failure =
        vigil
            .fails(FailFastGroup.run(watch, List.of(successfulTask, failingTask), Bug.NONE))
            .with(GroupFailure.class)
            .get();

    assertThat(failure.getSuppressed()).hasSize(1);
    watch.firstFailureCancelledSiblings().allFailuresReportedIn(failure).nothingLeftRunning();
  }
}
