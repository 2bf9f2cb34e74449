package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PollStrategyTest {
  private static long[] firstDelaysMillis(PollStrategy strategy, int count) {
    return IntStream.rangeClosed(1, count)
        .mapToLong(attempt -> strategy.nextDelayNanos(attempt) / 1_000_000)
        .toArray();
  }

  @Test
  void fixed_always_pauses_the_same() {
    assertThat(firstDelaysMillis(PollStrategy.fixed(Duration.ofMillis(20)), 4))
        .containsExactly(20, 20, 20, 20);
  }

  @Test
  void fibonacci_grows_by_the_sequence_up_to_the_cap() {
    PollStrategy strategy = PollStrategy.fibonacci(Duration.ofMillis(10), Duration.ofMillis(60));

    assertThat(firstDelaysMillis(strategy, 7)).containsExactly(10, 10, 20, 30, 50, 60, 60);
    assertThat(strategy.nextDelayNanos(Integer.MAX_VALUE)).isEqualTo(60_000_000);
  }

  @Test
  void exponential_multiplies_up_to_the_cap() {
    PollStrategy strategy =
        PollStrategy.exponential(Duration.ofMillis(1), 3, Duration.ofMillis(20));

    assertThat(firstDelaysMillis(strategy, 5)).containsExactly(1, 3, 9, 20, 20);
  }

  @Test
  void adaptive_starts_at_half_a_millisecond_and_caps_at_five() {
    PollStrategy strategy = PollStrategy.adaptive();

    assertThat(strategy.nextDelayNanos(1)).isEqualTo(500_000);
    assertThat(strategy.nextDelayNanos(2)).isEqualTo(1_000_000);
    assertThat(strategy.nextDelayNanos(5)).isEqualTo(5_000_000);
    assertThat(strategy.nextDelayNanos(1_000)).isEqualTo(5_000_000);
    assertThat(strategy).hasToString("adaptive (0.5ms doubling to 5ms)");
  }
}
