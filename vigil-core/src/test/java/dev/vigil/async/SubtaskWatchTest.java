package dev.vigil.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.Vigil;
import dev.vigil.async.FailFastGroup.Bug;
import dev.vigil.async.FailFastGroup.GroupFailure;
import dev.vigil.time.VirtualTimeSource;
import dev.vigil.timeline.TimelineEntry;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The subtask watch on a virtual scheduler: what it records, and every check's failure text. */
class SubtaskWatchTest {
  private static final String NL = System.lineSeparator();
  private static final Instant ORIGIN = VirtualTimeSource.DEFAULT_ORIGIN;
  private final Vigil vigil = Vigil.withVirtualTime();
  private final VirtualTimeSource time = vigil.virtualTime();
  private final SubtaskWatch watch = vigil.watchSubtasks(vigil.scheduler());

  @AfterEach
  void close() {
    vigil.close();
  }

  private static NamedTask<String> ok(String name) {
    return new NamedTask<>(name, () -> name);
  }

  private static NamedTask<String> failing(String name, Exception failure) {
    return new NamedTask<>(
        name,
        () -> {
          throw failure;
        });
  }

  private CompletableFuture<List<String>> group(Bug bug, List<NamedTask<String>> subtasks) {
    return FailFastGroup.run(watch, subtasks, bug);
  }

  @Test
  void records_each_step_on_the_context_clock_and_on_the_timeline() {
    time.advanceBy(Duration.ofSeconds(1));
    Future<String> a = watch.submit(ok("a"));
    time.advanceBy(Duration.ofSeconds(1));

    assertThat(a).isDone();
    Instant at = ORIGIN.plusSeconds(1);
    assertThat(watch.subtasks())
        .containsExactly(new Subtask(0, "a", Subtask.State.SUCCEEDED, null, at, at, at, null));
    assertThat(vigil.timeline().entries())
        .extracting(TimelineEntry::source, TimelineEntry::type, TimelineEntry::summary)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("subtask", "submitted", "#0 'a'"),
            org.assertj.core.groups.Tuple.tuple("subtask", "started", "#0 'a'"),
            org.assertj.core.groups.Tuple.tuple("subtask", "succeeded", "#0 'a'"));
  }

  @Test
  void a_subtask_cancelled_before_it_starts_never_runs() {
    AtomicBoolean ran = new AtomicBoolean();
    Future<?> future = watch.submit(() -> ran.set(true));

    assertThat(future.cancel(true)).isTrue();
    time.runUntilIdle();

    assertThat(ran).isFalse();
    Subtask subtask = watch.subtasks().get(0);
    assertThat(subtask.state()).isEqualTo(Subtask.State.CANCELLED);
    assertThat(subtask.name()).isEmpty();
    assertThat(subtask.startedAt()).isNull();
    assertThat(subtask.cancelRequestedAt()).isEqualTo(ORIGIN);
    assertThat(subtask).hasToString("#0 was cancelled at 2026-01-01T00:00:00Z before it started");
  }

  @Test
  void a_body_stopped_by_an_interrupt_is_interrupted_and_any_other_throw_is_failed() {
    List<Callable<String>> bodies =
        List.of(
            failing("io", new IOException("disk full")),
            failing("interrupted", new InterruptedException("sleep interrupted")),
            failing("wrapped", new IllegalStateException(new InterruptedException())),
            failing("channel", new ClosedByInterruptException()));
    bodies.forEach(watch::submit);

    time.runUntilIdle();

    assertThat(watch.subtasks())
        .extracting(Subtask::state)
        .containsExactly(
            Subtask.State.FAILED,
            Subtask.State.INTERRUPTED,
            Subtask.State.INTERRUPTED,
            Subtask.State.INTERRUPTED);
    assertThat(watch.subtasks().get(1))
        .hasToString(
            "#1 'interrupted' was interrupted at 2026-01-01T00:00:00Z"
                + " (java.lang.InterruptedException: sleep interrupted)");
  }

  @Test
  void a_future_task_handed_to_execute_is_read_after_it_ran() {
    FutureTask<String> failingTask =
        new FutureTask<>(
            () -> {
              throw new IOException("from inside a FutureTask");
            });
    FutureTask<String> cancelledTask = new FutureTask<>(() -> "never");
    watch.execute(failingTask);
    watch.execute(cancelledTask);
    cancelledTask.cancel(false);

    time.runUntilIdle();

    assertThat(watch.subtasks())
        .extracting(Subtask::state)
        .containsExactly(Subtask.State.FAILED, Subtask.State.CANCELLED);
    assertThat(watch.subtasks().get(0).failure()).hasMessage("from inside a FutureTask");
    assertThat(watch.subtasks().get(0).name()).isEmpty(); // Object's own text names nothing
  }

  @Test
  void invoke_all_and_invoke_any_are_recorded_too() throws Exception {
    List<Future<String>> all = watch.invokeAll(List.of(ok("a"), ok("b")));
    String any = watch.invokeAny(List.of(failing("x", new IOException("no")), ok("y"), ok("z")));

    assertThat(all).allMatch(Future::isDone);
    assertThat(any).isEqualTo("y");
    assertThat(watch.subtasks())
        .extracting(Subtask::state)
        .containsExactly(
            Subtask.State.SUCCEEDED,
            Subtask.State.SUCCEEDED,
            Subtask.State.FAILED,
            Subtask.State.SUCCEEDED,
            Subtask.State.CANCELLED);
  }

  @Test
  void shutdown_now_cancels_what_is_queued() {
    watch.submit(ok("a"));

    watch.shutdownNow();

    assertThat(watch.subtasks().get(0).state()).isEqualTo(Subtask.State.CANCELLED);
    assertThat(watch.isShutdown()).isTrue();
  }

  @Test
  void a_correct_group_passes_every_check() {
    IOException boom = new IOException("boom");
    CompletableFuture<List<String>> group =
        group(Bug.NONE, List.of(ok("a"), failing("b", boom), ok("c")));

    GroupFailure failure = vigil.fails(group).with(GroupFailure.class).get();

    assertThat(failure.getSuppressed()).containsExactly(boom);
    assertThat(watch.firstFailureCancelledSiblings().allFailuresReportedIn(failure))
        .isSameAs(watch.nothingLeftRunning());
    assertThat(watch.subtasks())
        .extracting(Subtask::state)
        .containsExactly(Subtask.State.SUCCEEDED, Subtask.State.FAILED, Subtask.State.CANCELLED);
  }

  @Test
  void siblings_left_queued_at_the_first_failure_break_the_rule() {
    CompletableFuture<List<String>> group =
        group(
            Bug.LEAVES_SIBLINGS_RUNNING,
            List.of(ok("a"), failing("b", new IOException("boom")), ok("c"), ok("d")));
    var unused = vigil.fails(group).get();

    assertThatThrownBy(watch::firstFailureCancelledSiblings)
        .isInstanceOf(AsyncAssertionError.class)
        .hasMessage(
            "Expecting the subtasks still running or queued when the first one failed:"
                + NL
                + "  #1 'b' failed at 2026-01-01T00:00:00Z with java.io.IOException: boom"
                + NL
                + "to end cancelled or interrupted, none starting afterwards, but 2 did not:"
                + NL
                + "  #2 'c' is still queued (submitted at 2026-01-01T00:00:00Z)"
                + NL
                + "  #3 'd' is still queued (submitted at 2026-01-01T00:00:00Z)");
    assertThatThrownBy(watch::nothingLeftRunning)
        .isInstanceOf(AsyncAssertionError.class)
        .hasMessage(
            "Expecting no subtask to be running or queued at 2026-01-01T00:00:00Z, but 2 are:"
                + NL
                + "  #2 'c' is still queued (submitted at 2026-01-01T00:00:00Z)"
                + NL
                + "  #3 'd' is still queued (submitted at 2026-01-01T00:00:00Z)");
  }

  @Test
  void siblings_that_started_after_the_first_failure_break_the_rule() {
    CompletableFuture<List<String>> group =
        group(Bug.LEAVES_SIBLINGS_RUNNING, List.of(failing("a", new IOException("boom")), ok("b")));
    var unused = vigil.fails(group).get();
    time.advanceBy(Duration.ofMillis(5));

    AsyncAssertionError error =
        catchThrowableOfType(AsyncAssertionError.class, watch::firstFailureCancelledSiblings);

    assertThat(error)
        .hasMessage(
            "Expecting the subtasks still running or queued when the first one failed:"
                + NL
                + "  #0 'a' failed at 2026-01-01T00:00:00Z with java.io.IOException: boom"
                + NL
                + "to end cancelled or interrupted, none starting afterwards, but 1 did not:"
                + NL
                + "  #1 'b' succeeded at 2026-01-01T00:00:00Z; it started after the first"
                + " failure, at 2026-01-01T00:00:00Z");
    assertThat(error.getCause()).hasMessage("boom");
  }

  @Test
  void no_failure_means_nothing_to_cancel_and_says_so() {
    watch.submit(ok("a"));
    time.runUntilIdle();

    assertThatThrownBy(watch::firstFailureCancelledSiblings)
        .isInstanceOf(AsyncAssertionError.class)
        .hasMessage(
            "Expecting a subtask to have failed, for its siblings to be cancelled, but none did:"
                + NL
                + "  #0 'a' succeeded at 2026-01-01T00:00:00Z");
    SubtaskWatch empty = vigil.watchSubtasks(vigil.scheduler());
    assertThatThrownBy(empty::firstFailureCancelledSiblings)
        .hasMessage(
            "Expecting a subtask to have failed, for its siblings to be cancelled, but none was"
                + " submitted");
  }

  @Test
  void a_failure_missing_from_the_group_failure_is_named() {
    IOException first = new IOException("first");
    IOException second = new IOException("second");
    watch.submit(failing("a", first));
    watch.submit(failing("b", second));
    time.runUntilIdle();

    assertThatThrownBy(() -> watch.allFailuresReportedIn(first))
        .isInstanceOf(AsyncAssertionError.class)
        .hasMessage(
            "Expecting the group's failure:"
                + NL
                + "  java.io.IOException: first"
                + NL
                + "to report every subtask failure (as itself, a cause or a suppressed exception),"
                + " but 1 of 2 is missing:"
                + NL
                + "  #1 'b' failed at 2026-01-01T00:00:00Z with java.io.IOException: second");
  }

  @Test
  void failures_count_as_reported_as_the_failure_its_causes_or_their_suppressed() {
    IOException first = new IOException("first");
    IOException second = new IOException("second");
    watch.submit(failing("a", first));
    watch.submit(failing("b", second));
    time.runUntilIdle();
    IllegalStateException wrapper = new IllegalStateException("group failed", first);
    first.addSuppressed(second);

    assertThat(watch.allFailuresReportedIn(wrapper)).isSameAs(watch);
  }
}
