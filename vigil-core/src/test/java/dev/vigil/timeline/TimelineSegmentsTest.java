package dev.vigil.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Segments grow with the timeline, and entries read the same on either side of every boundary. */
class TimelineSegmentsTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  private final Timeline timeline = vigil.timeline();

  @Test
  void an_empty_timeline_allocates_no_slots() {
    assertThat(timeline.allocatedSlots()).isZero();
  }

  @Test
  void a_few_entries_take_one_small_segment() {
    appendTicks(10);

    assertThat(timeline.allocatedSlots()).isEqualTo(64);
  }

  @Test
  void segments_double_up_to_4096_slots_then_stay_that_size() {
    appendTicks(65);
    assertThat(timeline.allocatedSlots()).isEqualTo(128);

    appendTicks(4096 - 65);
    assertThat(timeline.allocatedSlots()).isEqualTo(4096);

    appendTicks(1);
    assertThat(timeline.allocatedSlots()).isEqualTo(2 * 4096);
  }

  @Test
  void entries_across_segment_boundaries_stay_numbered_and_in_order() {
    int count = 3 * 4096 + 7;
    for (int i = 0; i < count; i++) {
      timeline.append("bus", "tick", "c-" + (i % 3), null, Integer.toString(i), Map.of());
    }

    List<TimelineEntry> entries = timeline.entries();
    assertThat(entries).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(entries.get(i).sequence()).isEqualTo(i + 1L);
      assertThat(entries.get(i).summary()).isEqualTo(Integer.toString(i));
    }
    assertThat(timeline.byCorrelationId("c-1")).hasSize(count / 3);
    assertThat(timeline.size()).isEqualTo(count);
  }

  @Test
  void a_batch_that_crosses_into_a_new_segment_is_written_whole() {
    appendTicks(60);
    List<Observation> batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(new Observation("bus", "ack q", "c-1", null, Integer.toString(i), Map.of()));
    }

    timeline.appendAll(batch);

    assertThat(timeline.byType("ack q"))
        .extracting(TimelineEntry::sequence)
        .containsExactly(61L, 62L, 63L, 64L, 65L, 66L, 67L, 68L, 69L, 70L);
    assertThat(timeline.allocatedSlots()).isEqualTo(128);
  }

  private void appendTicks(int count) {
    for (int i = 0; i < count; i++) {
      timeline.record("tick", null, Map.of());
    }
  }
}
