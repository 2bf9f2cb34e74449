package dev.vigil.timeline;

import dev.vigil.internal.Durations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact text rendering: one lane (column) per source, one row per entry, times relative to
 * the first entry shown.
 *
 * <pre>
 * Timeline (last 3 of 12 entries):
 *   #10  +0ms      bus: order.created [o-1]
 *   #11  +2.5ms                              webhook: payment.completed [o-1]
 *   #12  +4ms      bus: shipping.label_created [o-1]
 * </pre>
 */
final class TimelineText {
  private static final String NL = System.lineSeparator();
  private static final int MAX_LANE_WIDTH = 48;

  private TimelineText() {}

  static String render(List<TimelineEntry> all, int count) {
    if (all.isEmpty() || count <= 0) {
      return "";
    }
    List<TimelineEntry> shown = all.subList(Math.max(0, all.size() - count), all.size());
    Map<String, Integer> laneOf = new LinkedHashMap<>();
    List<String> cells = new ArrayList<>();
    for (TimelineEntry entry : shown) {
      laneOf.putIfAbsent(entry.source(), laneOf.size());
      cells.add(cell(entry));
    }
    int[] width = new int[laneOf.size()];
    for (int i = 0; i < shown.size(); i++) {
      int lane = laneOf.getOrDefault(shown.get(i).source(), 0);
      width[lane] = Math.min(MAX_LANE_WIDTH, Math.max(width[lane], cells.get(i).length()));
    }
    long origin = shown.get(0).nanos();
    StringBuilder text =
        new StringBuilder("Timeline (last ")
            .append(shown.size())
            .append(" of ")
            .append(all.size())
            .append(all.size() == 1 ? " entry):" : " entries):");
    for (int i = 0; i < shown.size(); i++) {
      TimelineEntry entry = shown.get(i);
      StringBuilder row = new StringBuilder("  ");
      row.append(pad("#" + entry.sequence(), 6))
          .append(pad("+" + Durations.formatNanos(entry.nanos() - origin), 10));
      int lane = laneOf.getOrDefault(entry.source(), 0);
      for (int l = 0; l < lane; l++) {
        row.append(" ".repeat(width[l] + 2));
      }
      row.append(cells.get(i));
      text.append(NL).append(row.toString().stripTrailing());
    }
    return text.toString();
  }

  private static String cell(TimelineEntry entry) {
    StringBuilder cell = new StringBuilder(entry.source()).append(": ").append(entry.type());
    if (entry.correlationId() != null) {
      cell.append(" [").append(entry.correlationId()).append(']');
    }
    if (!entry.summary().isEmpty()) {
      cell.append(' ').append(entry.summary());
    }
    return cell.length() > MAX_LANE_WIDTH * 2
        ? cell.substring(0, MAX_LANE_WIDTH * 2 - 1) + "…"
        : cell.toString();
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
  }
}
