package dev.vigil.flow;

import dev.vigil.timeline.Attributes;
import dev.vigil.timeline.Timeline;
import org.jspecify.annotations.Nullable;

/** Appends one participant's entries to the timeline, under source {@value FlowEntries#SOURCE}. */
final class FlowRecorder {
  private final Timeline timeline;
  private final String name;
  private final @Nullable String correlationId;

  FlowRecorder(Timeline timeline, String name, @Nullable String correlationId) {
    this.timeline = timeline;
    this.name = name;
    this.correlationId = correlationId;
  }

  /**
   * Records that {@code what} happened.
   *
   * @param what the signal or event, the first word of the entry type
   * @param summary the item or error, or empty
   * @param namesAndValues attributes, names alternating with values
   */
  void record(String what, String summary, String... namesAndValues) {
    timeline.append(
        FlowEntries.SOURCE,
        FlowEntries.type(what, name),
        correlationId,
        null,
        summary,
        Attributes.of(namesAndValues));
  }
}
