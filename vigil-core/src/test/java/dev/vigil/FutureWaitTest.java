package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A condition that returns a future is waited on until the future completes. */
class FutureWaitTest {
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void an_unfinished_future_is_not_there_yet() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    vigil.scheduler().schedule(() -> reply.complete("pong"), 2, TimeUnit.SECONDS);

    CompletableFuture<String> done = vigil.eventually(() -> reply).within(Duration.ofSeconds(5));

    assertThat(done).isCompletedWithValue("pong");
    assertThat(vigil.virtualTime().instant())
        .isEqualTo(dev.vigil.time.VirtualTimeSource.DEFAULT_ORIGIN.plusSeconds(2));
  }

  @Test
  void a_future_that_never_completes_times_out() {
    CompletableFuture<String> reply = new CompletableFuture<>();

    WaitResult<CompletableFuture<String>> result =
        vigil.eventually(() -> reply).tryWithin(Duration.ofSeconds(5));

    assertThat(result.satisfied()).isFalse();
    assertThat(result.failure()).isInstanceOf(WaitTimeoutError.class);
  }

  @Test
  void a_completion_stage_and_a_scheduled_future_are_waited_on_too() {
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletionStage<Integer> length = source.thenApply(String::length);
    Future<?> scheduled =
        vigil.scheduler().schedule(() -> source.complete("four"), 1, TimeUnit.SECONDS);

    assertThat(vigil.eventually(() -> scheduled).within(Duration.ofSeconds(5))).isDone();
    assertThat(vigil.eventually(() -> length).within(Duration.ofSeconds(5)).toCompletableFuture())
        .isCompletedWithValue(4);
  }

  @Test
  void a_failed_future_ends_the_wait_at_once_with_its_cause() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    vigil
        .scheduler()
        .schedule(
            () -> reply.completeExceptionally(new IllegalStateException("payment declined")),
            2,
            TimeUnit.SECONDS);

    WaitAbortedError error =
        catchThrowableOfType(
            WaitAbortedError.class,
            () ->
                vigil
                    .eventually(() -> reply)
                    .describedAs("the payment")
                    .within(Duration.ofMinutes(1)));

    assertThat(error.getMessage())
        .startsWith(
            "The future awaited as the payment failed 2s in, at attempt 2; a failed future cannot"
                + " complete later, so the wait ended (to retry a failing call, make the condition"
                + " call it and join its future).")
        .contains("  last failure: java.lang.IllegalStateException: payment declined");
    assertThat(error).hasCauseInstanceOf(IllegalStateException.class);
    assertThat(error.elapsed()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void a_cancelled_future_ends_the_wait_with_a_cancellation() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    reply.cancel(true);

    WaitAbortedError error =
        catchThrowableOfType(
            WaitAbortedError.class,
            () -> vigil.eventually(() -> reply).within(Duration.ofSeconds(1)));

    assertThat(error).hasCauseInstanceOf(java.util.concurrent.CancellationException.class);
  }

  @Test
  void never_fails_when_the_future_completes() {
    CompletableFuture<String> shutdown = new CompletableFuture<>();
    vigil.scheduler().schedule(() -> shutdown.complete("bye"), 3, TimeUnit.SECONDS);

    ConditionViolatedError error =
        catchThrowableOfType(
            ConditionViolatedError.class,
            () ->
                vigil
                    .never(() -> shutdown)
                    .describedAs("a shutdown")
                    .within(Duration.ofSeconds(5)));

    assertThat(error)
        .hasMessageStartingWith(
            "Expected a shutdown never to happen within 5s, but it happened 3s in");
  }
}
