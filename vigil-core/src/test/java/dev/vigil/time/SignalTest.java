package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SignalTest {
  private final Signal signal = new Signal();

  @Test
  void each_pulse_moves_the_version_on() {
    long before = signal.version();

    signal.pulse();
    signal.pulse();

    assertThat(signal.version()).isEqualTo(before + 2);
  }

  @Test
  void await_returns_at_once_when_a_pulse_came_after_the_version_was_read() throws Exception {
    long seen = signal.version();
    signal.pulse();

    assertThat(signal.awaitPulse(seen, TimeUnit.SECONDS.toNanos(30))).isTrue();
  }

  @Test
  void await_returns_false_when_no_pulse_comes_in_time() throws Exception {
    assertThat(signal.awaitPulse(signal.version(), TimeUnit.MILLISECONDS.toNanos(5))).isFalse();
  }

  @Test
  void a_pulse_from_another_thread_wakes_a_parked_waiter() throws Exception {
    long seen = signal.version();
    Thread pulser = new Thread(signal::pulse);
    pulser.start();

    assertThat(signal.awaitPulse(seen, TimeUnit.SECONDS.toNanos(30))).isTrue();
    pulser.join();
  }

  @Test
  void a_spin_ends_on_time_or_on_a_pulse() throws Exception {
    long shortPause = TimeUnit.MICROSECONDS.toNanos(500);
    assertThat(signal.spinForPulse(signal.version(), shortPause)).isFalse();

    long seen = signal.version();
    signal.pulse();
    assertThat(signal.spinForPulse(seen, shortPause)).isTrue();
  }

  @Test
  void an_interrupt_ends_a_spun_await() {
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> signal.spinForPulse(signal.version(), TimeUnit.SECONDS.toNanos(30)))
        .isInstanceOf(InterruptedException.class);
  }

  @Test
  void an_interrupt_ends_the_await() {
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> signal.awaitPulse(signal.version(), TimeUnit.SECONDS.toNanos(30)))
        .isInstanceOf(InterruptedException.class);
  }
}
