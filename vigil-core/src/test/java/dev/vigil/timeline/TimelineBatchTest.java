package dev.vigil.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class TimelineBatchTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  private final Timeline timeline = vigil.timeline();

  private static Observation seen(String type) {
    return new Observation("bus", type, "c-1", null, "", Map.of());
  }

  @Test
  void a_batch_lands_as_consecutive_entries_with_one_timestamp_and_one_pulse() {
    timeline.record("before", null, Map.of());
    vigil.virtualTime().advanceBy(Duration.ofSeconds(1));
    long version = vigil.signal().version();

    timeline.appendAll(List.of(seen("receive q"), seen("receive q"), seen("ack q")));

    List<TimelineEntry> entries = timeline.entries();
    assertThat(entries).extracting(TimelineEntry::sequence).containsExactly(1L, 2L, 3L, 4L);
    assertThat(entries.subList(1, 4))
        .extracting(TimelineEntry::type)
        .containsExactly("receive q", "receive q", "ack q");
    assertThat(entries.subList(1, 4))
        .extracting(TimelineEntry::at)
        .containsOnly(entries.get(0).at().plusSeconds(1));
    assertThat(vigil.signal().version()).isEqualTo(version + 1);
  }

  @Test
  void an_empty_batch_records_nothing_and_wakes_nobody() {
    long version = vigil.signal().version();

    timeline.appendAll(List.of());

    assertThat(timeline.size()).isZero();
    assertThat(vigil.signal().version()).isEqualTo(version);
  }

  @Test
  void a_null_in_the_batch_is_refused_before_anything_is_appended() {
    List<Observation> withNull = Arrays.asList(seen("a"), null);

    assertThatThrownBy(() -> timeline.appendAll(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("observations must not contain null");

    timeline.record("after", null, Map.of());
    assertThat(timeline.entries()).extracting(TimelineEntry::type).containsExactly("after");
  }

  @Test
  void an_observation_checks_its_fields_as_an_append_does() {
    assertThatThrownBy(() -> new Observation("bus", " ", null, null, "", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("type must not be blank, was ' '");
  }
}
