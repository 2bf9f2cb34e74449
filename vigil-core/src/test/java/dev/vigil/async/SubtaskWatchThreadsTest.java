package dev.vigil.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.Vigil;
import dev.vigil.async.FailFastGroup.Bug;
import dev.vigil.async.FailFastGroup.GroupFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The subtask watch on a real thread pool of two, with Vigil waits: subtask "a" holds a thread
 * until interrupted, "b" fails once "a" runs, "c" waits in the queue.
 */
class SubtaskWatchThreadsTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private final Vigil vigil = Vigil.create();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final SubtaskWatch watch = vigil.watchSubtasks(pool);
  private final CountDownLatch aStarted = new CountDownLatch(1);
  private final CountDownLatch never = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void close() throws InterruptedException {
    release.countDown();
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    vigil.close();
  }

  /** Holds its thread until interrupted, then stops. */
  private NamedTask<String> blocksUntilInterrupted() {
    return new NamedTask<>(
        "a",
        () -> {
          aStarted.countDown();
          never.await();
          return "a";
        });
  }

  private NamedTask<String> failsOnceAStarted(String message) {
    return new NamedTask<>(
        "b",
        () -> {
          aStarted.await();
          throw new IOException(message);
        });
  }

  private CompletableFuture<List<String>> group(Bug bug, NamedTask<String> a) {
    return FailFastGroup.run(
        watch, List.of(a, failsOnceAStarted("boom"), new NamedTask<>("c", () -> "c")), bug);
  }

  @Test
  void the_first_failure_interrupts_the_running_sibling_and_cancels_the_queued_one() {
    CompletableFuture<List<String>> group = group(Bug.NONE, blocksUntilInterrupted());

    GroupFailure failure = vigil.fails(group).with(GroupFailure.class).within(PATIENCE);

    watch.firstFailureCancelledSiblings().allFailuresReportedIn(failure).nothingLeftRunning();
    assertThat(watch.subtasks())
        .extracting(Subtask::state)
        .containsExactly(Subtask.State.INTERRUPTED, Subtask.State.FAILED, Subtask.State.CANCELLED);
    assertThat(watch.subtasks().get(0).cancelRequestedAt()).isNotNull();
  }

  /** "a" fails on its own while stopping, after "b" failed first. */
  private Throwable twoFailures(Bug bug) {
    NamedTask<String> failsWhileStopping =
        new NamedTask<>(
            "a",
            () -> {
              aStarted.countDown();
              try {
                never.await();
              } catch (InterruptedException interrupted) {
                throw new IOException("second, while stopping");
              }
              return "a";
            });
    List<NamedTask<String>> subtasks = List.of(failsWhileStopping, failsOnceAStarted("first"));
    return vigil.fails(FailFastGroup.run(watch, subtasks, bug)).within(PATIENCE);
  }

  @Test
  void a_failure_that_came_while_stopping_must_be_reported_too() {
    Throwable failure = twoFailures(Bug.NONE);

    assertThat(failure).isInstanceOf(GroupFailure.class);
    watch.firstFailureCancelledSiblings().allFailuresReportedIn(failure).nothingLeftRunning();
    assertThat(watch.subtasks())
        .extracting(Subtask::state)
        .containsExactly(Subtask.State.FAILED, Subtask.State.FAILED);
  }

  @Test
  void a_group_that_drops_later_failures_misses_one() {
    Throwable failure = twoFailures(Bug.KEEPS_ONLY_THE_FIRST_FAILURE);

    AsyncAssertionError error =
        catchThrowableOfType(AsyncAssertionError.class, () -> watch.allFailuresReportedIn(failure));

    assertThat(failure).hasMessage("first");
    assertThat(error.getMessage())
        .contains("but 1 of 2 is missing:")
        .containsPattern(
            "  #0 'a' failed at \\S+ with java.io.IOException: second, while stopping, its"
                + " cancellation requested at \\S+$");
    assertThat(error.getCause()).isSameAs(failure);
  }

  @Test
  void a_sibling_that_ignores_its_interrupt_and_succeeds_breaks_the_rule() {
    NamedTask<String> ignoresInterrupt =
        new NamedTask<>(
            "a",
            () -> {
              aStarted.countDown();
              try {
                never.await();
              } catch (InterruptedException ignored) {
                // The planted mistake: it carries on as if nothing happened.
              }
              return "a";
            });
    var unused = vigil.fails(group(Bug.NONE, ignoresInterrupt)).within(PATIENCE);

    AsyncAssertionError error =
        catchThrowableOfType(AsyncAssertionError.class, watch::firstFailureCancelledSiblings);

    assertThat(error.getMessage())
        .contains("but 1 did not:")
        .containsPattern(
            "#0 'a' succeeded at \\S+, its cancellation requested at \\S+; it ran to its end although cancelled$");
  }

  @Test
  void a_group_that_does_not_cancel_leaves_the_sibling_running() {
    var unused =
        vigil.fails(group(Bug.LEAVES_SIBLINGS_RUNNING, blocksUntilInterrupted())).within(PATIENCE);

    AsyncAssertionError siblings =
        catchThrowableOfType(AsyncAssertionError.class, watch::firstFailureCancelledSiblings);
    AsyncAssertionError running =
        catchThrowableOfType(AsyncAssertionError.class, watch::nothingLeftRunning);

    assertThat(siblings.getMessage()).contains("  #0 'a' is still running (started at ");
    assertThat(running.getMessage())
        .contains("but 1 is:")
        .contains("  #0 'a' is still running (started at ");
  }

  @Test
  void a_sibling_left_to_finish_after_the_first_failure_was_never_cancelled() {
    var unused =
        vigil.fails(group(Bug.LEAVES_SIBLINGS_RUNNING, blocksUntilInterrupted())).within(PATIENCE);
    never.countDown();
    vigil
        .eventually(() -> watch.subtasks().get(0).state() == Subtask.State.SUCCEEDED)
        .within(PATIENCE);

    AsyncAssertionError error =
        catchThrowableOfType(AsyncAssertionError.class, watch::firstFailureCancelledSiblings);

    assertThat(error.getMessage())
        .containsPattern("  #0 'a' succeeded at \\S+; it was never cancelled");
  }

  @Test
  void a_group_that_ends_before_its_interrupted_sibling_stops_leaves_it_running() {
    NamedTask<String> slowToStop =
        new NamedTask<>(
            "a",
            () -> {
              aStarted.countDown();
              try {
                never.await();
              } catch (InterruptedException interrupted) {
                release.await(); // cleanup that takes until the test lets it finish
                throw interrupted;
              }
              return "a";
            });
    var unused = vigil.fails(group(Bug.ENDS_BEFORE_SIBLINGS_END, slowToStop)).within(PATIENCE);

    AsyncAssertionError error =
        catchThrowableOfType(AsyncAssertionError.class, watch::nothingLeftRunning);

    assertThat(error.getMessage())
        .containsPattern(
            "  #0 'a' is still running \\(started at \\S+\\), its cancellation requested at \\S+$");
  }
}
