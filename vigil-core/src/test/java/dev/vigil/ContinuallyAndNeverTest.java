package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContinuallyAndNeverTest {
  private final SteppingTimeSource time = new SteppingTimeSource();
  private final Vigil vigil =
      Vigil.builder()
          .timeSource(time)
          .timeScale(1)
          .pollStrategy(PollStrategy.fixed(Duration.ofMillis(100)))
          .build();

  @Test
  void continually_passes_when_the_condition_holds_for_the_whole_window() {
    List<Evaluation> seen = new ArrayList<>();

    int last =
        vigil.continually(() -> 7).onEvaluation(seen::add).throughout(Duration.ofMillis(500));

    assertThat(last).isEqualTo(7);
    assertThat(seen).hasSize(6);
    assertThat(seen.get(5).elapsed()).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void continually_fails_at_once_on_the_first_violation_naming_when() {
    AtomicInteger load = new AtomicInteger();

    ConditionViolatedError error =
        catchThrowableOfType(
            ConditionViolatedError.class,
            () ->
                vigil
                    .continually(load::incrementAndGet)
                    .matching(n -> n <= 3)
                    .describedAs("load to stay at most 3")
                    .throughout(Duration.ofSeconds(10)));

    assertThat(error.attempts()).isEqualTo(4);
    assertThat(error.elapsed()).isEqualTo(Duration.ofMillis(300));
    assertThat(time.nanoTime()).isEqualTo(Duration.ofMillis(300).toNanos());
    assertThat(error).hasMessageContaining("last value:   4");
  }

  @Test
  void continually_with_an_assertion_block_fails_with_the_assertion_as_cause() {
    AtomicInteger size = new AtomicInteger();

    ConditionViolatedError error =
        catchThrowableOfType(
            ConditionViolatedError.class,
            () ->
                vigil
                    .continually(() -> assertThat(size.getAndIncrement()).isLessThan(2))
                    .throughout(Duration.ofSeconds(1)));

    assertThat(error.getCause()).isInstanceOf(AssertionError.class);
    assertThat(error.attempts()).isEqualTo(3);
    assertThat(error.getMessage()).doesNotContain("last value");
  }

  @Test
  void continually_window_is_not_stretched_by_the_time_scale() {
    Vigil scaled = Vigil.builder().timeSource(time).timeScale(5).build();

    scaled.continually(() -> true).throughout(Duration.ofSeconds(1));

    assertThat(time.nanoTime()).isEqualTo(Duration.ofSeconds(1).toNanos());
  }

  @Test
  void never_passes_when_nothing_happens_in_the_window() {
    WaitResult<Boolean> result = vigil.never(() -> false).tryWithin(Duration.ofSeconds(2));

    assertThat(result.satisfied()).isTrue();
    assertThat(result.attempts()).isEqualTo(21);
    assertThat(result.elapsed()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void never_fails_at_once_when_the_condition_happens_with_the_value() {
    List<String> deadLetters = new ArrayList<>();
    AtomicInteger parks = new AtomicInteger();
    time.onPark(
        () -> {
          if (parks.incrementAndGet() == 3) {
            deadLetters.add("order o-1");
          }
        });

    ConditionViolatedError error =
        catchThrowableOfType(
            ConditionViolatedError.class,
            () -> vigil.never(() -> List.copyOf(deadLetters)).within(Duration.ofSeconds(30)));

    assertThat(error.attempts()).isEqualTo(4);
    assertThat(error.elapsed()).isEqualTo(Duration.ofMillis(300));
    assertThat(error).hasMessageContaining("last value:   [order o-1]");
  }

  @Test
  void never_counts_not_yet_exceptions_as_not_happened() {
    WaitResult<Object> result =
        vigil
            .never(
                () -> {
                  throw new IllegalStateException("not connected");
                })
            .tryWithin(Duration.ofMillis(200));

    assertThat(result.satisfied()).isTrue();
  }

  @Test
  void a_pulse_makes_never_look_again_at_once() {
    AtomicInteger state = new AtomicInteger();
    time.onPark(
        () -> {
          state.set(1);
          vigil.signal().pulse();
        });

    ConditionViolatedError error =
        catchThrowableOfType(
            ConditionViolatedError.class,
            () -> vigil.never(() -> state.get() == 1).within(Duration.ofSeconds(30)));

    assertThat(error.elapsed()).isZero();
    assertThat(error.attempts()).isEqualTo(2);
  }
}
