package dev.vigil.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.Vigil;
import dev.vigil.WaitTimeoutError;
import dev.vigil.time.VirtualTimeSource;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code vigil.fails(future)} returns the unwrapped failure and checks its type and message. */
class FailsTest {
  private static final String NL = System.lineSeparator();
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void returns_the_failure_of_a_plain_future_unwrapped_from_its_execution_exception() {
    Future<String> call =
        vigil
            .scheduler()
            .schedule(
                () -> {
                  throw new IOException("API timeout after 5s");
                },
                1,
                TimeUnit.SECONDS);

    IOException failure =
        vigil
            .fails(call)
            .with(IOException.class)
            .withMessageContaining("API timeout")
            .within(Duration.ofSeconds(5));

    assertThat(failure).hasMessage("API timeout after 5s");
    assertThat(vigil.clock().instant()).isEqualTo(VirtualTimeSource.DEFAULT_ORIGIN.plusSeconds(1));
  }

  @Test
  void returns_the_failure_of_a_dependent_stage_unwrapped_from_its_completion_exception() {
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletionStage<Integer> length = source.thenApply(String::length);
    IllegalStateException declined = new IllegalStateException("declined");
    vigil.scheduler().schedule(() -> source.completeExceptionally(declined), 1, TimeUnit.SECONDS);

    assertThat(vigil.fails(length).get()).isSameAs(declined);
  }

  @Test
  void a_cancelled_future_fails_with_a_cancellation_exception() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    reply.cancel(true);

    assertThat(vigil.fails(reply).with(CancellationException.class).get())
        .isInstanceOf(CancellationException.class);
  }

  @Test
  void a_future_that_succeeds_fails_the_check_naming_its_value() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    vigil.scheduler().schedule(() -> reply.complete("done"), 2, TimeUnit.SECONDS);

    AsyncAssertionError error =
        catchThrowableOfType(AsyncAssertionError.class, () -> vigil.fails(reply).get());

    assertThat(error)
        .hasMessage(
            "Expecting the future to fail, but it succeeded at 2026-01-01T00:00:02Z with:"
                + NL
                + "  \"done\"");
    assertThat(error.getCause()).isNull();
  }

  @Test
  void a_failure_of_another_type_fails_the_check_with_both_types() {
    IllegalStateException nope = new IllegalStateException("nope");

    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class,
            () ->
                vigil
                    .fails(CompletableFuture.failedFuture(nope))
                    .describedAs("the login to be refused")
                    .with(IOException.class)
                    .get());

    assertThat(error)
        .hasMessage(
            "Expecting the login to be refused with an instance of:"
                + NL
                + "  java.io.IOException"
                + NL
                + "but it failed at 2026-01-01T00:00:00Z with:"
                + NL
                + "  java.lang.IllegalStateException: nope");
    assertThat(error.getCause()).isSameAs(nope);
  }

  @Test
  void a_failure_without_the_expected_message_fails_the_check_with_both_messages() {
    CompletableFuture<String> reply =
        CompletableFuture.failedFuture(new IOException("connection reset"));

    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class,
            () -> vigil.fails(reply).withMessageContaining("API timeout").get());

    assertThat(error)
        .hasMessage(
            "Expecting the future to fail with a message containing:"
                + NL
                + "  \"API timeout\""
                + NL
                + "but it failed at 2026-01-01T00:00:00Z with:"
                + NL
                + "  java.io.IOException: connection reset");
  }

  @Test
  void a_failure_without_a_message_does_not_contain_the_expected_part() {
    CompletableFuture<String> reply = CompletableFuture.failedFuture(new IOException());

    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class,
            () -> vigil.fails(reply).withMessageContaining("API timeout").get());

    assertThat(error).hasMessageEndingWith("with:" + NL + "  java.io.IOException");
  }

  @Test
  void a_cancellation_when_another_type_is_expected_fails_saying_it_was_cancelled() {
    CompletableFuture<String> reply = new CompletableFuture<>();
    reply.cancel(false);

    AsyncAssertionError error =
        catchThrowableOfType(
            AsyncAssertionError.class, () -> vigil.fails(reply).with(IOException.class).get());

    assertThat(error)
        .hasMessage(
            "Expecting the future to fail with an instance of:"
                + NL
                + "  java.io.IOException"
                + NL
                + "but it was cancelled at 2026-01-01T00:00:00Z");
  }

  @Test
  void a_future_not_done_in_time_fails_with_the_wait_timeout_text() {
    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () -> vigil.fails(new CompletableFuture<String>()).within(Duration.ofSeconds(1)));

    assertThat(error).hasMessageStartingWith("Timed out after 1s waiting for the future to fail.");
  }

  @Test
  void each_option_returns_a_new_wait_and_leaves_the_first_unchanged() {
    CompletableFuture<String> reply = CompletableFuture.failedFuture(new IOException("reset"));
    Fails<Throwable> any = vigil.fails(reply);

    var narrowed = any.with(IllegalStateException.class);

    assertThat(any.get()).isInstanceOf(IOException.class);
    assertThat(catchThrowableOfType(AsyncAssertionError.class, narrowed::get)).isNotNull();
  }
}
