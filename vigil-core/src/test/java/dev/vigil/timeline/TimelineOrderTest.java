package dev.vigil.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.time.Signal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sequence order and time order agree, however appends from many threads interleave. */
class TimelineOrderTest {
  private final CountingTimeSource time = new CountingTimeSource();
  private final Timeline timeline = new Timeline(time, new Signal());

  @Test
  void an_append_overtaken_after_reading_the_time_is_not_stamped_before_the_one_that_overtook_it()
      throws Exception {
    Thread slow = new Thread(() -> timeline.record("slow", null, Map.of()));
    time.holdNextRead(slow);
    slow.start();
    time.awaitHeld();

    timeline.record("fast", null, Map.of());
    time.release();
    slow.join();

    List<TimelineEntry> entries = timeline.entries();
    assertThat(entries).extracting(TimelineEntry::type).containsExactly("fast", "slow");
    assertThat(inversions(entries)).isZero();
  }

  @Test
  void entries_appended_from_racing_threads_are_stamped_in_sequence_order() throws Exception {
    int perThread = 50_000;
    ConcurrentAppends.run(timeline, 4, perThread);

    List<TimelineEntry> entries = timeline.entries();
    assertThat(entries).hasSize(4 * perThread);
    assertThat(inversions(entries)).isZero();
  }

  /** Adjacent entries whose instant or monotonic reading goes backwards. */
  private static int inversions(List<TimelineEntry> entries) {
    int inversions = 0;
    for (int i = 1; i < entries.size(); i++) {
      TimelineEntry before = entries.get(i - 1);
      TimelineEntry after = entries.get(i);
      if (after.at().isBefore(before.at()) || after.nanos() < before.nanos()) {
        inversions++;
      }
    }
    return inversions;
  }
}
