package dev.vigil.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.PollStrategy;
import dev.vigil.Vigil;
import dev.vigil.WaitResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final Timeline timeline = vigil.timeline();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void appends_are_numbered_stamped_with_the_contexts_time_and_kept_in_order() {
    timeline.record("order.created", "o-1", Map.of("amount", "99.99"));
    vigil.virtualTime().advanceBy(Duration.ofMillis(250));
    TimelineEntry second =
        timeline.append("bus", "order.delivered", "o-1", "m-1", "{order_id=o-1}", Map.of());

    assertThat(timeline.entries())
        .extracting(TimelineEntry::sequence, TimelineEntry::type, TimelineEntry::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, "order.created", "user"),
            org.assertj.core.groups.Tuple.tuple(2L, "order.delivered", "bus"));
    assertThat(second.at()).isEqualTo(vigil.time().instant());
    assertThat(second.nanos()).isEqualTo(Duration.ofMillis(250).toNanos());
    assertThat(second.causationId()).isEqualTo("m-1");
    assertThat(timeline.entries().get(0).attributes()).containsEntry("amount", "99.99");
  }

  @Test
  void every_append_pulses_the_signal() {
    long before = vigil.signal().version();

    timeline.record("x", null, Map.of());

    assertThat(vigil.signal().version()).isEqualTo(before + 1);
  }

  @Test
  void queries_select_by_correlation_type_and_time() {
    timeline.record("order.created", "o-1", Map.of());
    vigil.virtualTime().advanceBy(Duration.ofSeconds(1));
    timeline.record("order.created", "o-2", Map.of());
    timeline.record("payment.completed", "o-1", Map.of());
    vigil.virtualTime().advanceBy(Duration.ofSeconds(1));
    timeline.record("shipping.label_created", "o-1", Map.of());
    Instant start = vigil.time().instant().minusSeconds(2);

    assertThat(timeline.byCorrelationId("o-1"))
        .extracting(TimelineEntry::type)
        .containsExactly("order.created", "payment.completed", "shipping.label_created");
    assertThat(timeline.byType("order.created"))
        .extracting(TimelineEntry::correlationId)
        .containsExactly("o-1", "o-2");
    assertThat(timeline.between(start.plusSeconds(1), start.plusSeconds(2)))
        .extracting(TimelineEntry::sequence)
        .containsExactly(2L, 3L);
    assertThat(timeline.select(e -> e.sequence() % 2 == 0)).hasSize(2);
    assertThat(timeline.size()).isEqualTo(4);
  }

  @Test
  void a_wait_on_a_timeline_query_is_woken_by_the_append_not_by_polling() throws Exception {
    try (Vigil real = Vigil.builder().timeScale(1).build()) {
      List<Boolean> wokenBySignal = new ArrayList<>();
      Thread producer =
          new Thread(() -> real.timeline().record("payment.completed", "o-9", Map.of()));

      WaitResult<List<TimelineEntry>> result =
          real.eventually(() -> real.timeline().byType("payment.completed"))
              .pollingWith(PollStrategy.fixed(Duration.ofSeconds(30)))
              .onEvaluation(
                  e -> {
                    wokenBySignal.add(e.wokenBySignal());
                    if (e.attempt() == 1) {
                      producer.start();
                    }
                  })
              .tryWithin(Duration.ofSeconds(60));
      producer.join();

      assertThat(result.satisfied()).isTrue();
      assertThat(wokenBySignal).containsExactly(false, true);
    }
  }

  @Test
  void concurrent_appends_lose_nothing_and_numbers_stay_gapless() throws Exception {
    int perThread = 5_000;
    ConcurrentAppends.run(timeline, 4, perThread);

    List<TimelineEntry> all = timeline.entries();
    assertThat(all).hasSize(4 * perThread);
    Set<Long> sequences = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i).sequence()).isEqualTo(i + 1L);
      sequences.add(all.get(i).sequence());
    }
    assertThat(sequences).hasSize(4 * perThread);
  }

  @Test
  void null_or_blank_types_and_sources_are_rejected_and_take_no_number() {
    assertThatThrownBy(() -> timeline.record(" ", null, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("type must not be blank, was ' '");
    assertThatThrownBy(() -> timeline.record(null, null, Map.of()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("type must not be null");
    assertThatThrownBy(() -> timeline.append("", "x", null, null, "", Map.of()))
        .hasMessage("source must not be blank, was ''");

    timeline.record("after", null, Map.of());
    assertThat(timeline.entries())
        .singleElement()
        .extracting(TimelineEntry::sequence)
        .isEqualTo(1L);
  }

  @Test
  void a_recorded_observation_may_name_its_source() {
    TimelineEntry entry = timeline.record("webhook", "payment.completed", "o-1", Map.of());

    assertThat(entry.source()).isEqualTo("webhook");
    assertThat(timeline.entries()).extracting(TimelineEntry::source).containsExactly("webhook");
    assertThatThrownBy(() -> timeline.record(" ", "payment.completed", "o-1", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("source must not be blank, was ' '");
  }

  @Test
  void attribute_maps_with_null_keys_or_values_are_rejected() {
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "v");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);

    assertThatThrownBy(() -> timeline.record("x", null, nullKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attributes must not contain a null key, were {null=v}");
    assertThatThrownBy(() -> timeline.record("x", null, nullValue))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute 'k' must not have a null value");
    assertThatThrownBy(() -> timeline.record("x", null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("attributes must not be null");
  }

  @Test
  void between_rejects_a_reversed_range() {
    Instant now = vigil.time().instant();

    assertThatThrownBy(() -> timeline.between(now, now.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("to must not be before from 2026-01-01T00:00:00Z, was 2025-12-31T23:59:59Z");
  }

  @Test
  void attributes_keep_their_insertion_order_and_cannot_be_changed() {
    Map<String, String> attributes = new java.util.LinkedHashMap<>();
    attributes.put("z", "1");
    attributes.put("a", "2");

    TimelineEntry entry = timeline.record("x", null, attributes);
    attributes.put("late", "3");

    assertThat(entry.attributes()).containsExactly(Map.entry("z", "1"), Map.entry("a", "2"));
    assertThatThrownBy(() -> entry.attributes().put("b", "3"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
