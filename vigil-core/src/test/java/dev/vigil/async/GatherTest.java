package dev.vigil.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.Vigil;
import dev.vigil.WaitTimeoutError;
import dev.vigil.time.VirtualTimeSource;
import dev.vigil.timeline.TimelineEntry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code vigil.gather(futures)} waits for all, keeping each outcome and the completion order. */
class GatherTest {
  private static final String NL = System.lineSeparator();
  private static final Instant ORIGIN = VirtualTimeSource.DEFAULT_ORIGIN;
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  private CompletableFuture<String> completingAfter(long millis, String value) {
    CompletableFuture<String> future = new CompletableFuture<>();
    vigil.scheduler().schedule(() -> future.complete(value), millis, TimeUnit.MILLISECONDS);
    return future;
  }

  private CompletableFuture<String> failingAfter(long millis, Exception failure) {
    CompletableFuture<String> future = new CompletableFuture<>();
    vigil
        .scheduler()
        .schedule(() -> future.completeExceptionally(failure), millis, TimeUnit.MILLISECONDS);
    return future;
  }

  @Test
  void keeps_every_outcome_by_index_with_its_instant() {
    IOException timeout = new IOException("API timeout");
    CompletableFuture<String> cancelled = new CompletableFuture<>();
    vigil.scheduler().schedule(() -> cancelled.cancel(true), 30, TimeUnit.MILLISECONDS);

    Gathered<String> results =
        vigil
            .gather(List.of(completingAfter(100, "a"), failingAfter(50, timeout), cancelled))
            .within(Duration.ofSeconds(1));

    assertThat(results.size()).isEqualTo(3);
    assertThat(results.outcome(0))
        .isEqualTo(
            new FutureOutcome<>(
                0, FutureOutcome.State.SUCCEEDED, "a", null, ORIGIN.plusMillis(100)));
    assertThat(results.outcome(1))
        .isEqualTo(
            new FutureOutcome<>(
                1, FutureOutcome.State.FAILED, null, timeout, ORIGIN.plusMillis(50)));
    assertThat(results.outcome(2).cancelled()).isTrue();
    assertThat(results.outcome(2).completedAt()).isEqualTo(ORIGIN.plusMillis(30));
    assertThat(results.values()).containsExactly("a");
    assertThat(results.failures()).extracting(FutureOutcome::index).containsExactly(1, 2);
    assertThat(results.completionOrder()).containsExactly(2, 1, 0);
  }

  @Test
  void the_completion_order_of_stages_is_exact_even_within_one_instant() {
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<String> second = new CompletableFuture<>();
    vigil
        .scheduler()
        .schedule(
            () -> {
              second.complete("b");
              first.complete("a");
            },
            10,
            TimeUnit.MILLISECONDS);

    Gathered<String> results = vigil.gather(List.of(first, second)).get();

    assertThat(results.completionOrder()).containsExactly(1, 0);
    assertThat(results.outcome(0).completedAt()).isEqualTo(ORIGIN.plusMillis(10));
  }

  @Test
  void plain_futures_are_ordered_by_when_the_wait_found_them_done() {
    Future<String> late = vigil.scheduler().schedule(() -> "late", 2, TimeUnit.SECONDS);
    Future<String> early = vigil.scheduler().schedule(() -> "early", 1, TimeUnit.SECONDS);

    Gathered<String> results = vigil.gather(List.of(late, early)).get();

    assertThat(results.completionOrder()).containsExactly(1, 0);
    assertThat(results.outcome(0).completedAt()).isEqualTo(ORIGIN.plusSeconds(2));
    assertThat(results.values()).containsExactly("late", "early");
  }

  @Test
  void gathers_completion_stages_too() {
    CompletableFuture<String> source = completingAfter(10, "four");
    List<CompletionStage<Integer>> stages =
        List.of(source.thenApply(String::length), source.thenApply(s -> s.length() * 2));

    assertThat(vigil.gatherStages(stages).get().values()).containsExactly(4, 8);
  }

  @Test
  void an_empty_group_is_done_at_once() {
    Gathered<String> results = vigil.<String>gather(List.of()).get();

    assertThat(results.outcomes()).isEmpty();
    assertThat(results.allSucceeded()).isSameAs(results);
  }

  @Test
  void all_succeeded_lists_every_failure_with_index_type_and_message() {
    IOException timeout = new IOException("API timeout");
    CompletableFuture<String> cancelled = new CompletableFuture<>();
    vigil.scheduler().schedule(() -> cancelled.cancel(true), 30, TimeUnit.MILLISECONDS);
    Gathered<String> results =
        vigil.gather(List.of(completingAfter(10, "a"), failingAfter(50, timeout), cancelled)).get();

    AsyncAssertionError error =
        catchThrowableOfType(AsyncAssertionError.class, results::allSucceeded);

    assertThat(error)
        .hasMessage(
            "Expecting all 3 futures to succeed, but 2 did not:"
                + NL
                + "  #1 failed at 2026-01-01T00:00:00.050Z with java.io.IOException: API timeout"
                + NL
                + "  #2 was cancelled at 2026-01-01T00:00:00.030Z");
    assertThat(error.getCause()).isSameAs(timeout);
  }

  @Test
  void a_group_not_done_in_time_times_out_naming_the_futures_still_running() {
    List<CompletableFuture<String>> futures =
        List.of(new CompletableFuture<>(), completingAfter(10, "b"), new CompletableFuture<>());

    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class, () -> vigil.gather(futures).within(Duration.ofSeconds(1)));

    assertThat(error.getMessage())
        .startsWith("Timed out after 1s waiting for all 3 futures to complete.")
        .contains(NL + "  last value:   1 of 3 done; not done yet: #0, #2" + NL);
  }

  @Test
  void each_completion_goes_on_the_timeline_in_completion_order() {
    var unused =
        vigil
            .gather(List.of(completingAfter(20, "a"), failingAfter(10, new IOException("boom"))))
            .get();

    List<TimelineEntry> entries = vigil.timeline().entries();
    assertThat(entries).extracting(TimelineEntry::source).containsOnly("future");
    assertThat(entries).extracting(TimelineEntry::type).containsExactly("failed", "succeeded");
    assertThat(entries)
        .extracting(TimelineEntry::summary)
        .containsExactly("java.io.IOException: boom", "\"a\"");
    assertThat(entries).extracting(e -> e.attributes().get("index")).containsExactly("1", "0");
  }
}
