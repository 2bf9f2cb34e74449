package dev.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ValueHistoryTest {
  private final AtomicInteger stock = new AtomicInteger(100);

  @Test
  void a_change_and_change_back_within_one_instant_of_virtual_time_is_recorded() {
    try (Vigil vigil = Vigil.withVirtualTime();
        ValueHistory<Integer> history = vigil.history("stock", stock::get)) {
      vigil.scheduler().schedule(() -> stock.set(0), 1, TimeUnit.SECONDS);
      vigil.scheduler().schedule(() -> stock.set(100), 1, TimeUnit.SECONDS);

      vigil.virtualTime().advanceBy(Duration.ofSeconds(2));

      assertThat(history.values()).containsExactly(100, 0, 100);
      assertThat(history.samples().get(1).at())
          .isEqualTo(history.samples().get(0).at().plusSeconds(1));
      assertThat(stock.get()).isEqualTo(100); // a poll now, like a plain wait, would see no change
    }
  }

  @Test
  void every_pulse_of_the_signal_reads_the_value_in_the_pulsing_thread() {
    try (Vigil vigil = Vigil.create();
        ValueHistory<Integer> history = vigil.history("stock", stock::get, Duration.ofHours(1))) {
      stock.set(99);
      vigil.signal().pulse();
      stock.set(100);
      vigil.timeline().record("inventory.restocked", null, Map.of());

      assertThat(history.values()).containsExactly(100, 99, 100);
    }
  }

  @Test
  void on_real_time_a_change_without_any_pulse_is_found_by_polling() {
    try (Vigil vigil = Vigil.create();
        ValueHistory<Integer> history = vigil.history("stock", stock::get)) {
      stock.set(42);

      vigil.eventually(() -> history.wasEver(42)).within(Duration.ofSeconds(5));

      assertThat(history.values()).containsExactly(100, 42);
    }
  }

  @Test
  void each_change_is_a_timeline_entry() {
    try (Vigil vigil = Vigil.withVirtualTime();
        ValueHistory<Integer> history = vigil.history("stock", stock::get)) {
      vigil.scheduler().schedule(() -> stock.set(97), 1, TimeUnit.SECONDS);
      vigil.virtualTime().advanceBy(Duration.ofSeconds(1));

      assertThat(vigil.timeline().byType("value stock"))
          .extracting(TimelineEntry::source, e -> e.attributes().get("value"))
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(ValueHistory.SOURCE, "100"),
              org.assertj.core.groups.Tuple.tuple(ValueHistory.SOURCE, "97"));
      assertThat(history.name()).isEqualTo("stock");
    }
  }

  @Test
  void assertions_pass_on_what_happened_and_fail_listing_every_value_with_its_time() {
    try (Vigil vigil = Vigil.withVirtualTime();
        ValueHistory<Integer> history = vigil.history("stock of sku-1", stock::get)) {
      vigil.scheduler().schedule(() -> stock.set(97), 1, TimeUnit.SECONDS);
      vigil.scheduler().schedule(() -> stock.set(-3), 2, TimeUnit.SECONDS);
      vigil.scheduler().schedule(() -> stock.set(100), 3, TimeUnit.SECONDS);
      vigil.virtualTime().advanceBy(Duration.ofSeconds(3));

      history
          .assertWasEver(97)
          .assertWentThrough(100, -3, 100)
          .assertNever(v -> v > 100, "over 100");
      assertThat(history.wentThrough(-3, 97)).isFalse();
      assertThatThrownBy(() -> history.assertNeverBelow(0))
          .isInstanceOf(AssertionError.class)
          .hasMessage(
              String.join(
                  System.lineSeparator(),
                  "Expected stock of sku-1 never to be below 0, but its values were:",
                  "  100 at +0ns",
                  "  97 at +1s",
                  "  -3 at +2s",
                  "  100 at +3s",
                  "  (7 reads)"));
      assertThatThrownBy(() -> history.assertWentThrough(97, 100, -3))
          .hasMessageStartingWith(
              "Expected stock of sku-1 to go through [97, 100, -3] in that order");
      assertThatThrownBy(() -> history.assertWasEver(5))
          .hasMessageStartingWith("Expected stock of sku-1 to have been 5 at some point");
    }
  }

  @Test
  void a_failing_probe_is_kept_and_never_reaches_the_thread_that_pulsed() {
    AtomicReference<String> status = new AtomicReference<>("NEW");
    try (Vigil vigil = Vigil.create();
        ValueHistory<Integer> history =
            vigil.history(
                "length",
                () -> {
                  if (status.get() == null) {
                    throw new IllegalStateException("no status");
                  }
                  if (status.get().isEmpty()) {
                    throw new AssertionError("empty status");
                  }
                  return status.get().length();
                },
                Duration.ofHours(1))) {
      status.set("");
      vigil.signal().pulse();
      status.set(null);
      vigil.signal().pulse();

      assertThat(history.values()).containsExactly(3);
      assertThatThrownBy(() -> history.assertWasEver(0))
          .hasMessageEndingWith(
              "(1 reads; the probe failed 2 times, last with java.lang.IllegalStateException: no status)");
    }
  }

  @Test
  void a_closed_history_records_nothing_more() {
    try (Vigil vigil = Vigil.create()) {
      ValueHistory<Integer> history = vigil.history("stock", stock::get, Duration.ofHours(1));
      history.close();
      stock.set(1);
      vigil.signal().pulse();
      history.sample();

      assertThat(history.values()).containsExactly(100);
    }
  }

  @Test
  void bad_arguments_are_named() {
    try (Vigil vigil = Vigil.create()) {
      assertThatThrownBy(() -> vigil.history(" ", stock::get))
          .hasMessage("name must not be blank, was ' '");
      assertThatThrownBy(() -> vigil.history("stock", null)).hasMessage("probe must not be null");
      assertThatThrownBy(() -> vigil.history("stock", stock::get, Duration.ZERO))
          .hasMessage("pollInterval must be positive, was PT0S");
    }
  }
}
