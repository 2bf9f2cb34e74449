package dev.vigil;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every bad argument is rejected at once, naming the parameter and the value. */
class BadInputTest {
  private final Vigil vigil = Vigil.builder().timeSource(new SteppingTimeSource()).build();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void null_conditions_are_rejected() {
    assertThatThrownBy(() -> vigil.eventually((Probe<Object>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("probe must not be null");
    assertThatThrownBy(() -> vigil.eventually((Check) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("check must not be null");
    assertThatThrownBy(() -> vigil.continually((Probe<Object>) null))
        .hasMessage("probe must not be null");
    assertThatThrownBy(() -> vigil.never((Probe<Object>) null))
        .hasMessage("probe must not be null");
    assertThatThrownBy(() -> vigil.never((Check) null)).hasMessage("check must not be null");
    assertThatThrownBy(() -> vigil.continually((Check) null)).hasMessage("check must not be null");
  }

  @Test
  void virtual_time_comes_from_the_builder_not_from_a_time_source() {
    var virtual = dev.vigil.time.VirtualTimeSource.startingAt(java.time.Instant.EPOCH);

    assertThatThrownBy(() -> Vigil.builder().timeSource(virtual))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "source must not be a VirtualTimeSource (use Vigil.withVirtualTime() or"
                + " Vigil.builder().virtualTime()), was virtual time at 1970-01-01T00:00:00Z");
  }

  @Test
  void zero_negative_and_null_timeouts_are_rejected() {
    assertThatThrownBy(() -> vigil.eventually(() -> true).within(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive, was PT0S");
    assertThatThrownBy(() -> vigil.eventually(() -> true).within(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must not be negative, was PT-1S");
    assertThatThrownBy(() -> vigil.eventually(() -> true).within(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("timeout must not be null");
  }

  @Test
  void overflowing_timeouts_are_rejected() {
    assertThatThrownBy(() -> vigil.eventually(() -> true).within(Duration.ofDays(365L * 300)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "timeout is too long to measure in nanoseconds (at most about 292 years), was"
                + " PT2628000H");
  }

  @Test
  void a_timeout_that_overflows_once_scaled_is_rejected() {
    Vigil scaled = Vigil.builder().timeSource(new SteppingTimeSource()).timeScale(1e9).build();

    assertThatThrownBy(() -> scaled.eventually(() -> true).within(Duration.ofDays(365)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout PT8760H times time scale 1.0E9 overflows");
  }

  @Test
  void poll_interval_longer_than_the_timeout_is_rejected() {
    assertThatThrownBy(
            () ->
                vigil
                    .eventually(() -> true)
                    .pollingWith(PollStrategy.fixed(Duration.ofSeconds(5)))
                    .within(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("poll interval 5s (fixed every 5s) must not be longer than the timeout 1s");
  }

  @Test
  void initial_delay_not_shorter_than_the_timeout_is_rejected() {
    assertThatThrownBy(
            () ->
                vigil
                    .eventually(() -> true)
                    .initialDelay(Duration.ofSeconds(2))
                    .within(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialDelay 2s must be shorter than the timeout 1s");
    assertThatThrownBy(() -> vigil.eventually(() -> true).initialDelay(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("initialDelay must not be negative, was PT-0.005S");
  }

  @Test
  void zero_hold_duration_for_continually_is_rejected() {
    assertThatThrownBy(() -> vigil.continually(() -> true).throughout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duration must be positive, was PT0S");
    assertThatThrownBy(() -> vigil.never(() -> false).within(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("window must be positive, was PT0S");
  }

  @Test
  void errors_cannot_be_declared_not_yet() {
    assertThatThrownBy(() -> vigil.eventually(() -> true).notYetOn(OutOfMemoryError.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "types may hold exceptions and assertion errors only, was java.lang.OutOfMemoryError");
  }

  @Test
  void null_options_are_rejected() {
    assertThatThrownBy(() -> vigil.eventually(() -> true).describedAs(null))
        .hasMessage("description must not be null");
    assertThatThrownBy(() -> vigil.eventually(() -> true).pollingWith(null))
        .hasMessage("strategy must not be null");
    assertThatThrownBy(() -> vigil.eventually(() -> true).matching(null))
        .hasMessage("predicate must not be null");
    assertThatThrownBy(() -> vigil.eventually(() -> true).diagnostics(null))
        .hasMessage("diagnostics must not be null");
    assertThatThrownBy(() -> vigil.eventually(() -> true).failFastWhen("r", null))
        .hasMessage("condition must not be null");
    assertThatThrownBy(() -> vigil.eventually(() -> true).showingTimeline(-1))
        .hasMessage("entries must not be negative, was -1");
  }

  @Test
  void poll_strategies_reject_bad_arguments() {
    assertThatThrownBy(() -> PollStrategy.fixed(Duration.ZERO))
        .hasMessage("interval must be positive, was PT0S");
    assertThatThrownBy(() -> PollStrategy.fibonacci(Duration.ofMillis(10), Duration.ofMillis(1)))
        .hasMessage("cap must be at least the first pause 10ms, was 1ms");
    assertThatThrownBy(
            () -> PollStrategy.exponential(Duration.ofMillis(1), 0.5, Duration.ofMillis(10)))
        .hasMessage("factor must be a finite number >= 1, was 0.5");
    assertThatThrownBy(
            () -> PollStrategy.exponential(Duration.ofMillis(1), Double.NaN, Duration.ofMillis(10)))
        .hasMessage("factor must be a finite number >= 1, was NaN");
  }

  @Test
  void patience_rejects_bad_time_scales() {
    assertThatThrownBy(() -> Vigil.builder().timeScale(0))
        .hasMessage("timeScale must be a finite number > 0, was 0.0");
    assertThatThrownBy(() -> Vigil.builder().timeScale(Double.POSITIVE_INFINITY))
        .hasMessage("timeScale must be a finite number > 0, was Infinity");
  }

  @Test
  void time_scale_property_that_is_not_a_number_is_rejected() {
    String before = System.getProperty(Patience.TIME_SCALE_PROPERTY);
    System.setProperty(Patience.TIME_SCALE_PROPERTY, "fast");
    try {
      assertThatThrownBy(Patience::defaults)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("system property vigil.time.scale must be a number > 0, was 'fast'");
    } finally {
      if (before == null) {
        System.clearProperty(Patience.TIME_SCALE_PROPERTY);
      } else {
        System.setProperty(Patience.TIME_SCALE_PROPERTY, before);
      }
    }
  }
}
