package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventuallyTest {
  private final SteppingTimeSource time = new SteppingTimeSource();
  private final Vigil vigil =
      Vigil.builder().timeSource(time).timeScale(1).pollStrategy(fixed(100)).build();

  @AfterEach
  void close() {
    vigil.close();
  }

  private static PollStrategy fixed(long millis) {
    return PollStrategy.fixed(Duration.ofMillis(millis));
  }

  @Test
  void returns_value_as_soon_as_condition_holds_on_first_evaluation() {
    AtomicInteger calls = new AtomicInteger();

    String value =
        vigil
            .eventually(() -> calls.incrementAndGet() > 0 ? "ready" : null)
            .within(Duration.ofSeconds(1));

    assertThat(value).isEqualTo("ready");
    assertThat(calls).hasValue(1);
    assertThat(time.nanoTime()).isZero();
  }

  @Test
  void evaluates_first_in_the_callers_thread_so_thread_locals_stay_visible() {
    ThreadLocal<String> transaction = ThreadLocal.withInitial(() -> "tx-42");
    AtomicReference<Thread> evaluatedOn = new AtomicReference<>();

    String seen =
        vigil
            .eventually(
                () -> {
                  evaluatedOn.set(Thread.currentThread());
                  return transaction.get();
                })
            .within(Duration.ofSeconds(1));

    assertThat(seen).isEqualTo("tx-42");
    assertThat(evaluatedOn.get()).isSameAs(Thread.currentThread());
  }

  @Test
  void treats_null_false_empty_optional_and_empty_collection_as_not_yet() {
    AtomicInteger attempt = new AtomicInteger();
    List<Object> answers = List.of(false, Optional.empty(), List.of(), "", new int[0], "done");

    Object value =
        vigil
            .eventually(() -> answers.get(attempt.getAndIncrement()))
            .within(Duration.ofSeconds(1));

    assertThat(value).isEqualTo("done");
    assertThat(attempt).hasValue(6);
  }

  @Test
  void matching_waits_until_the_predicate_holds_and_returns_that_value() {
    AtomicInteger counter = new AtomicInteger();

    int value =
        vigil
            .eventually(counter::incrementAndGet)
            .matching(n -> n >= 3)
            .within(Duration.ofSeconds(1));

    assertThat(value).isEqualTo(3);
  }

  @Test
  void assertion_block_holds_once_it_stops_throwing() {
    AtomicInteger counter = new AtomicInteger();

    vigil
        .eventually(() -> assertThat(counter.incrementAndGet()).isEqualTo(4))
        .within(Duration.ofSeconds(1));

    assertThat(counter).hasValue(4);
  }

  @Test
  void block_form_with_void_body_is_an_assertion_block() {
    List<String> inbox = new ArrayList<>();
    time.onPark(() -> inbox.add("message"));

    vigil
        .eventually(
            () -> {
              assertThat(inbox).hasSize(2);
            })
        .within(Duration.ofSeconds(1));

    assertThat(inbox).hasSize(2);
  }

  @Test
  void a_pulse_of_the_signal_wakes_the_wait_before_the_poll_interval() {
    AtomicInteger state = new AtomicInteger();
    List<Evaluation> seen = new ArrayList<>();
    time.onPark(
        () -> {
          state.set(1);
          vigil.signal().pulse();
        });

    vigil.eventually(() -> state.get() == 1).onEvaluation(seen::add).within(Duration.ofSeconds(1));

    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).wokenBySignal()).isTrue();
    assertThat(seen.get(1).elapsed()).isZero();
  }

  @Test
  void evaluates_once_more_at_the_deadline_so_a_last_moment_success_counts() {
    long deadline = Duration.ofMillis(250).toNanos();

    boolean held =
        vigil.eventually(() -> time.nanoTime() >= deadline).within(Duration.ofMillis(250));

    assertThat(held).isTrue();
    assertThat(time.nanoTime()).isEqualTo(deadline);
  }

  @Test
  void initial_delay_postpones_the_first_evaluation() {
    List<Evaluation> seen = new ArrayList<>();

    vigil
        .eventually(() -> true)
        .initialDelay(Duration.ofMillis(300))
        .onEvaluation(seen::add)
        .within(Duration.ofSeconds(1));

    assertThat(seen)
        .singleElement()
        .extracting(Evaluation::elapsed)
        .isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void listener_hears_every_evaluation_with_value_and_failure() {
    AtomicInteger counter = new AtomicInteger();
    List<Evaluation> seen = new ArrayList<>();

    vigil
        .eventually(
            () -> {
              if (counter.incrementAndGet() == 1) {
                throw new IllegalStateException("not ready");
              }
              return counter.get() == 3;
            })
        .onEvaluation(seen::add)
        .within(Duration.ofSeconds(1));

    assertThat(seen).extracting(Evaluation::attempt).containsExactly(1, 2, 3);
    assertThat(seen.get(0).failure()).hasMessage("not ready");
    assertThat(seen.get(1).value()).isEqualTo(false);
    assertThat(seen.get(2).satisfied()).isTrue();
    assertThat(seen)
        .extracting(Evaluation::elapsed)
        .containsExactly(Duration.ZERO, Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void get_uses_the_contexts_default_timeout() {
    Vigil patient =
        Vigil.builder()
            .timeSource(new SteppingTimeSource())
            .timeout(Duration.ofMillis(700))
            .build();

    WaitTimeoutError error = catchTimeout(() -> patient.eventually(() -> false).get());

    assertThat(error.elapsed()).isEqualTo(Duration.ofMillis(700));
  }

  @Test
  void time_scale_multiplies_the_timeout() {
    SteppingTimeSource slow = new SteppingTimeSource();
    Vigil scaled = Vigil.builder().timeSource(slow).timeScale(3).build();

    WaitTimeoutError error =
        catchTimeout(() -> scaled.eventually(() -> false).within(Duration.ofSeconds(2)));

    assertThat(error.elapsed()).isEqualTo(Duration.ofSeconds(6));
    assertThat(error).hasMessageStartingWith("Timed out after 2s (x3 time scale = 6s) waiting for");
  }

  @Test
  void fail_fast_condition_ends_the_wait_at_once() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                vigil
                    .eventually(() -> attempts.incrementAndGet() > 100)
                    .failFastWhen("the order was rejected", () -> attempts.get() == 2)
                    .within(Duration.ofSeconds(10)))
        .isInstanceOf(WaitAbortedError.class)
        .hasMessageStartingWith(
            "Gave up waiting for the condition (name it with describedAs) after 100ms: the order was rejected.");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void errors_other_than_assertion_errors_end_the_wait_unchanged() {
    StackOverflowError fatal = new StackOverflowError("deep");

    assertThatThrownBy(
            () ->
                vigil
                    .eventually(
                        () -> {
                          throw fatal;
                        })
                    .within(Duration.ofSeconds(1)))
        .isSameAs(fatal);
  }

  @Test
  void exceptions_outside_not_yet_types_end_the_wait_unchanged() {
    java.io.IOException broken = new java.io.IOException("disk gone");

    assertThatThrownBy(
            () ->
                vigil
                    .eventually(
                        () -> {
                          throw broken;
                        })
                    .notYetOn(IllegalStateException.class)
                    .within(Duration.ofSeconds(1)))
        .isSameAs(broken);
  }

  @Test
  void try_within_returns_the_failure_instead_of_throwing() {
    WaitResult<Boolean> result = vigil.eventually(() -> false).tryWithin(Duration.ofMillis(300));

    assertThat(result.satisfied()).isFalse();
    assertThat(result.value()).isFalse();
    assertThat(result.attempts()).isEqualTo(4);
    assertThat(result.failure()).isInstanceOf(WaitTimeoutError.class);
    assertThatThrownBy(result::orThrow).isSameAs(result.failure());
  }

  @Test
  void try_within_reports_success_with_the_value() {
    WaitResult<String> result = vigil.eventually(() -> "ok").tryWithin(Duration.ofMillis(300));

    assertThat(result.satisfied()).isTrue();
    assertThat(result.valueIfAny()).contains("ok");
    assertThat(result.failure()).isNull();
  }

  @Test
  void static_shortcuts_wait_on_the_default_context() {
    assertThat(Waits.eventually(() -> "now").within(Duration.ofSeconds(1))).isEqualTo("now");
    assertThat(Vigil.defaultContext().time().isVirtual()).isFalse();
  }

  static WaitTimeoutError catchTimeout(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(thrown).isInstanceOf(WaitTimeoutError.class);
    return (WaitTimeoutError) thrown;
  }
}
