package dev.vigil.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vigil.Vigil;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** An append that fails part-way never hides the entries appended after it. */
class TimelineFailedAppendTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  private final Timeline timeline = vigil.timeline();

  @Test
  void a_batch_is_read_once_so_a_list_that_fails_on_a_second_read_leaves_no_gap() {
    List<Observation> readableOnce = new ReadableOnce(List.of(seen("receive q"), seen("ack q")));

    timeline.appendAll(readableOnce);
    timeline.record("after", null, Map.of());

    assertThat(timeline.entries())
        .extracting(TimelineEntry::type)
        .containsExactly("receive q", "ack q", "after");
  }

  @Test
  void appends_that_overflow_the_stack_hide_no_later_entry() {
    Recursion recursion = new Recursion();
    try {
      recursion.appendAtEveryDepth();
    } catch (StackOverflowError expected) {
      // the recursion ends here, at the edge of the stack
    }
    timeline.record("after", null, Map.of());

    List<String> types = timeline.entries().stream().map(TimelineEntry::type).toList();
    assertThat(recursion.failed).as("appends that overflowed the stack").isPositive();
    assertThat(types.size()).as("entries visible").isGreaterThan(recursion.returned);
    assertThat(types.get(types.size() - 1)).as("the last entry visible").isEqualTo("after");
  }

  @Test
  void readers_pass_over_a_slot_abandoned_after_its_number_was_taken() {
    timeline.record("before", "c-1", Map.of());
    timeline.takeNumberAndAbandonIt();
    timeline.record("after", "c-1", Map.of());

    assertThat(timeline.entries())
        .extracting(TimelineEntry::sequence, TimelineEntry::type)
        .containsExactly(tuple(1L, "before"), tuple(3L, "after"));
    assertThat(timeline.byCorrelationId("c-1")).hasSize(2);
    assertThat(timeline.size()).isEqualTo(2);
  }

  private static Observation seen(String type) {
    return new Observation("bus", type, "c-1", null, "", Map.of());
  }

  /** Appends at every depth of a recursion that goes on until the stack overflows. */
  private final class Recursion {
    int returned;
    int failed;

    @SuppressWarnings("InfiniteRecursion") // on purpose: the overflow is what the test needs
    void appendAtEveryDepth() {
      try {
        timeline.record("deep", null, Map.of());
        returned++;
      } catch (StackOverflowError overflow) {
        failed++;
      }
      appendAtEveryDepth();
    }
  }

  /** A list whose elements can be read once each; a second read fails, as a list changed under. */
  private static final class ReadableOnce extends AbstractList<Observation> {
    private final List<Observation> observations;
    private final boolean[] read;

    ReadableOnce(List<Observation> observations) {
      this.observations = observations;
      this.read = new boolean[observations.size()];
    }

    @Override
    public Observation get(int index) {
      if (read[index]) {
        throw new IllegalStateException("element " + index + " was read before");
      }
      read[index] = true;
      return observations.get(index);
    }

    @Override
    public int size() {
      return observations.size();
    }
  }
}
