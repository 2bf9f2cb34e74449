package dev.vigil.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void formats_each_scale_compactly() {
    assertThat(Durations.formatNanos(0)).isEqualTo("0ns");
    assertThat(Durations.formatNanos(999)).isEqualTo("999ns");
    assertThat(Durations.formatNanos(12_500)).isEqualTo("12.5µs");
    assertThat(Durations.formatNanos(250_000_000)).isEqualTo("250ms");
    assertThat(Durations.formatNanos(1_500_000_000)).isEqualTo("1.5s");
    assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Durations.format(Duration.ofHours(3).plusMinutes(2))).isEqualTo("3h2m");
  }

  @Test
  void saturates_instead_of_overflowing() {
    assertThat(Durations.saturatedAdd(Long.MAX_VALUE - 1, 10)).isEqualTo(Long.MAX_VALUE);
    assertThat(Durations.saturatedAdd(5, 10)).isEqualTo(15);
  }
}
