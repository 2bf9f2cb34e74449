package dev.vigil.timeline;

import dev.vigil.Signal;
import dev.vigil.time.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The append-only record of everything a Vigil context observed; every append pulses the context's
 * {@link Signal}.
 *
 * @since 0.1
 */
public final class Timeline {
  private final TimeSource time;
  private final Signal signal;
  private final List<TimelineEntry> entries = new ArrayList<>();

  /**
   * Creates an empty timeline; normally obtained from {@code Vigil.timeline()}.
   *
   * @param time the source of timestamps
   * @param signal the signal pulsed on every append
   */
  public Timeline(TimeSource time, Signal signal) {
    this.time = Objects.requireNonNull(time, "time");
    this.signal = Objects.requireNonNull(signal, "signal");
  }

  /**
   * Records a user observation.
   *
   * @param type what happened, such as {@code payment.completed}
   * @param correlationId the flow it belongs to, or {@code null}
   * @param attributes details to keep
   * @return the entry appended
   */
  public TimelineEntry record(
      String type, @Nullable String correlationId, Map<String, String> attributes) {
    return append("user", type, correlationId, null, "", attributes);
  }

  /**
   * Appends an observation made by a component.
   *
   * @param source the component that observed it
   * @param type what happened
   * @param correlationId the flow it belongs to, or {@code null}
   * @param causationId what caused it, or {@code null}
   * @param summary a short summary of the payload
   * @param attributes details to keep
   * @return the entry appended
   */
  public TimelineEntry append(
      String source,
      String type,
      @Nullable String correlationId,
      @Nullable String causationId,
      String summary,
      Map<String, String> attributes) {
    TimelineEntry entry;
    synchronized (entries) {
      entry =
          new TimelineEntry(
              entries.size() + 1L,
              time.instant(),
              time.nanoTime(),
              source,
              type,
              correlationId,
              causationId,
              summary,
              attributes);
      entries.add(entry);
    }
    signal.pulse();
    return entry;
  }

  /**
   * Returns every entry so far, oldest first.
   *
   * @return an immutable snapshot
   */
  public List<TimelineEntry> entries() {
    synchronized (entries) {
      return List.copyOf(entries);
    }
  }

  /**
   * Renders the last {@code count} entries as text for a failure message.
   *
   * @param count how many entries to show at most
   * @return the rendering, or an empty string when the timeline is empty
   */
  public String renderTail(int count) {
    List<TimelineEntry> all = entries();
    if (all.isEmpty() || count <= 0) {
      return "";
    }
    int from = Math.max(0, all.size() - count);
    StringBuilder text =
        new StringBuilder("Timeline (last ")
            .append(all.size() - from)
            .append(" of ")
            .append(all.size())
            .append(" entries):");
    for (TimelineEntry e : all.subList(from, all.size())) {
      text.append(System.lineSeparator())
          .append("  #")
          .append(e.sequence())
          .append(' ')
          .append(e.source())
          .append(' ')
          .append(e.type());
      if (e.correlationId() != null) {
        text.append(" [").append(e.correlationId()).append(']');
      }
      if (!e.summary().isEmpty()) {
        text.append(' ').append(e.summary());
      }
    }
    return text.toString();
  }
}
