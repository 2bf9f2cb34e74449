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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code vigil.completes(future)} returns the value once done, and fails clearly otherwise. */
class CompletesTest {
  private static final String NL = System.lineSeparator();
  private static final Instant ORIGIN = VirtualTimeSource.DEFAULT_ORIGIN;
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void returns_the_value_at_the_virtual_instant_the_future_completes() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    vigil.scheduler().schedule(() -> reply.complete("pong"), 2, TimeUnit.SECONDS);

    String value = vigil.completes(reply).within(Duration.ofSeconds(5));

    assertThat(value).isEqualTo("pong");
    assertThat(vigil.clock().instant()).isEqualTo(ORIGIN.plusSeconds(2));
  }

  @Test
  void waits_on_a_plain_future_and_on_a_completion_stage() {
    Future<String> scheduled = vigil.scheduler().schedule(() -> "plain", 1, TimeUnit.SECONDS);
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletionStage<Integer> length = source.thenApply(String::length);
    vigil.scheduler().schedule(() -> source.complete("four"), 3, TimeUnit.SECONDS);

    assertThat(vigil.completes(scheduled).get()).isEqualTo("plain");
    assertThat(vigil.completes(length).get()).isEqualTo(4);
    assertThat(vigil.clock().instant()).isEqualTo(ORIGIN.plusSeconds(3));
  }

  @Test
  void a_future_already_done_returns_at_once_without_moving_the_clock() {
    assertThat(vigil.completes(CompletableFuture.completedFuture(7)).get()).isEqualTo(7);
    assertThat(vigil.clock().instant()).isEqualTo(ORIGIN);
  }

  @Test
  void a_future_completed_by_another_thread_is_seen_on_real_time() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Vigil real = Vigil.create()) {
      CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> "from a thread", pool);
      Future<String> plain = pool.submit(() -> "plain");

      assertThat(real.completes(reply).within(Duration.ofSeconds(5))).isEqualTo("from a thread");
      assertThat(real.completes(plain).within(Duration.ofSeconds(5))).isEqualTo("plain");
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void a_failed_future_fails_at_once_naming_the_failure_and_when() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    IOException timeout = new IOException("API timeout");
    vigil.scheduler().schedule(() -> reply.completeExceptionally(timeout), 2, TimeUnit.SECONDS);

    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class, () -> vigil.completes(reply).within(Duration.ofMinutes(1)));

    assertThat(error)
        .hasMessage(
            "Expecting the future to complete, but it failed at 2026-01-01T00:00:02Z with:"
                + NL
                + "  java.io.IOException: API timeout");
    assertThat(error.getCause()).isSameAs(timeout);
    assertThat(vigil.clock().instant()).isEqualTo(ORIGIN.plusSeconds(2));
  }

  @Test
  void the_failure_of_a_dependent_stage_is_unwrapped_from_its_completion_exception() {
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<Integer> length = source.thenApply(String::length);
    IllegalStateException declined = new IllegalStateException("payment declined");
    source.completeExceptionally(declined);

    AsyncAssertionError error =
        catchThrowableOfType(AsyncAssertionError.class, () -> vigil.completes(length).get());

    assertThat(error.getCause()).isSameAs(declined);
    assertThat(error).hasMessageEndingWith("java.lang.IllegalStateException: payment declined");
  }

  @Test
  void a_cancelled_future_fails_saying_so() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    vigil.scheduler().schedule(() -> reply.cancel(true), 1, TimeUnit.SECONDS);

    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class,
            () -> vigil.completes(reply).describedAs("the reply to arrive").get());

    assertThat(error)
        .hasMessage("Expecting the reply to arrive, but it was cancelled at 2026-01-01T00:00:01Z");
    assertThat(error.getCause()).isInstanceOf(CancellationException.class);
  }

  @Test
  void a_multi_line_failure_message_continues_under_its_first_line() {
    CompletableFuture<String> reply =
        CompletableFuture.failedFuture(new IllegalStateException("two" + NL + "lines"));

    AsyncAssertionError error =
        catchThrowableOfType(AsyncAssertionError.class, () -> vigil.completes(reply).get());

    assertThat(error)
        .hasMessage(
            "Expecting the future to complete, but it failed at 2026-01-01T00:00:00Z with:"
                + NL
                + "  java.lang.IllegalStateException: two"
                + NL
                + "  lines");
  }

  @Test
  void a_future_not_done_in_time_fails_with_the_wait_timeout_text() {
    CompletableFuture<String> never = new CompletableFuture<>();

    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class, () -> vigil.completes(never).within(Duration.ofSeconds(5)));

    assertThat(error)
        .hasMessage(
            "Timed out after 5s waiting for the future to complete."
                + NL
                + "  attempts:     2 in 5s (virtual time: at the start, at the deadline, and 0"
                + " after tasks ran or the signal pulsed)"
                + NL
                + "  last value:   not done"
                + NL
                + "  virtual time: no task ran during this wait, so the clock jumped to the"
                + " deadline; a condition that depends on a real thread or real I/O cannot be"
                + " reached by virtual time (run that work on vigil.scheduler(), or use a"
                + " real-time context)"
                + NL
                + "  virtual time without a seed: same-instant tasks ran in submission order");
  }

  @Test
  void get_waits_for_the_context_default_timeout() {
    try (Vigil patient = Vigil.builder().virtualTime().timeout(Duration.ofSeconds(3)).build()) {
      WaitTimeoutError error =
          catchThrowableOfType(
              WaitTimeoutError.class,
              () ->
                  patient.completes(new CompletableFuture<String>()).describedAs("a reply").get());

      assertThat(error).hasMessageStartingWith("Timed out after 3s waiting for a reply.");
    }
  }

  @Test
  void the_completion_goes_on_the_timeline_at_its_own_instant() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    vigil.scheduler().schedule(() -> reply.complete("pong"), 2, TimeUnit.SECONDS);

    var unused = vigil.completes(reply).get();

    List<TimelineEntry> entries = vigil.timeline().entries();
    assertThat(entries).hasSize(1);
    TimelineEntry entry = entries.get(0);
    assertThat(entry.source()).isEqualTo("future");
    assertThat(entry.type()).isEqualTo("succeeded");
    assertThat(entry.summary()).isEqualTo("\"pong\"");
    assertThat(entry.attributes()).containsEntry("index", "0");
    assertThat(entry.at()).isEqualTo(ORIGIN.plusSeconds(2));
  }
}
