package dev.vigil.timeline;

import static dev.vigil.timeline.TimelineReport.escape;

import dev.vigil.internal.wait.Durations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lays out the entries of a timeline as an SVG sequence diagram inside an HTML page. */
final class SequenceDiagram {
  private static final String[] PALETTE = {
    "#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#dc2626", "#4d7c0f"
  };
  private static final int LEFT = 150;
  private static final int LANE_WIDTH = 230;
  private static final int TOP = 70;
  private static final int ROW = 40;
  private static final int BOX_WIDTH = 200;
  private static final int BOX_HEIGHT = 26;

  private final List<TimelineEntry> entries;
  private final String title;
  private final Map<String, Integer> lanes = new LinkedHashMap<>();
  private final Map<String, String> colors = new LinkedHashMap<>();

  SequenceDiagram(List<TimelineEntry> entries, String title) {
    this.entries = entries;
    this.title = title;
    for (TimelineEntry entry : entries) {
      lanes.putIfAbsent(entry.source(), lanes.size());
      if (entry.correlationId() != null) {
        colors.putIfAbsent(entry.correlationId(), PALETTE[colors.size() % PALETTE.length]);
      }
    }
  }

  String html() {
    StringBuilder page = new StringBuilder(8_192);
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>")
        .append(escape(title))
        .append("</title><style>")
        .append("body{font:14px system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;")
        .append("color:#1f2937;background:#f8fafc}h1{font-size:20px;margin:0 0 4px}")
        .append(".meta{color:#64748b;margin-bottom:16px}.legend span{display:inline-block;")
        .append("margin:0 14px 8px 0}.legend i{display:inline-block;width:12px;height:12px;")
        .append("border-radius:3px;margin-right:6px;vertical-align:-1px}")
        .append("svg{background:#fff;border:1px solid #e2e8f0;border-radius:8px}")
        .append("</style></head><body>\n<h1>")
        .append(escape(title))
        .append("</h1><div class=\"meta\">")
        .append(entries.size())
        .append(entries.size() == 1 ? " entry" : " entries")
        .append(" from ")
        .append(lanes.size())
        .append(lanes.size() == 1 ? " source" : " sources");
    if (!entries.isEmpty()) {
      page.append(", ")
          .append(escape(entries.get(0).at().toString()))
          .append(" to ")
          .append(escape(entries.get(entries.size() - 1).at().toString()));
    }
    page.append("</div>\n<div class=\"legend\">");
    for (Map.Entry<String, String> color : colors.entrySet()) {
      page.append("<span><i style=\"background:")
          .append(color.getValue())
          .append("\"></i>")
          .append(escape(color.getKey()))
          .append("</span>");
    }
    page.append("</div>\n").append(svg()).append("\n</body></html>\n");
    return page.toString();
  }

  private String svg() {
    int width = LEFT + Math.max(1, lanes.size()) * LANE_WIDTH + 20;
    int height = TOP + Math.max(1, entries.size()) * ROW + 30;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" font-family=\"system-ui,sans-serif\" font-size=\"12\">")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
        .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
        .append("<path d=\"M0,0L10,5L0,10z\" fill=\"context-stroke\"/></marker></defs>");
    for (Map.Entry<String, Integer> lane : lanes.entrySet()) {
      int x = laneCenter(lane.getValue());
      svg.append("<line x1=\"")
          .append(x)
          .append("\" y1=\"")
          .append(TOP - 14)
          .append("\" x2=\"")
          .append(x)
          .append("\" y2=\"")
          .append(height - 10)
          .append("\" stroke=\"#cbd5e1\" stroke-dasharray=\"4 4\"/>")
          .append("<rect x=\"")
          .append(x - BOX_WIDTH / 2)
          .append("\" y=\"14\" width=\"")
          .append(BOX_WIDTH)
          .append("\" height=\"30\" rx=\"6\" fill=\"#1e293b\"/>")
          .append("<text x=\"")
          .append(x)
          .append("\" y=\"34\" fill=\"#fff\" font-weight=\"600\"")
          .append(" text-anchor=\"middle\">")
          .append(escape(lane.getKey()))
          .append("</text>");
    }
    Map<String, Integer> lastRowOf = new HashMap<>();
    List<String> arrows = new ArrayList<>();
    long origin = entries.isEmpty() ? 0 : entries.get(0).nanos();
    for (int row = 0; row < entries.size(); row++) {
      TimelineEntry entry = entries.get(row);
      int y = TOP + row * ROW;
      int x = laneCenter(lanes.getOrDefault(entry.source(), 0));
      String color =
          entry.correlationId() == null
              ? "#64748b"
              : colors.getOrDefault(entry.correlationId(), "#64748b");
      svg.append("<text x=\"12\" y=\"")
          .append(y + 17)
          .append("\" fill=\"#64748b\">+")
          .append(escape(Durations.formatNanos(entry.nanos() - origin)))
          .append("</text><text x=\"92\" y=\"")
          .append(y + 17)
          .append("\" fill=\"#94a3b8\">#")
          .append(entry.sequence())
          .append("</text>");
      if (entry.correlationId() != null) {
        Integer previous = lastRowOf.put(entry.correlationId(), row);
        if (previous != null) {
          arrows.add(arrow(entries.get(previous), previous, entry, row, color));
        }
      }
      svg.append("<g><title>")
          .append(escape(tooltip(entry)))
          .append("</title>")
          .append("<rect x=\"")
          .append(x - BOX_WIDTH / 2)
          .append("\" y=\"")
          .append(y + 2)
          .append("\" width=\"")
          .append(BOX_WIDTH)
          .append("\" height=\"")
          .append(BOX_HEIGHT)
          .append("\" rx=\"5\" fill=\"")
          .append(color)
          .append("1a\" stroke=\"")
          .append(color)
          .append("\"/><text x=\"")
          .append(x)
          .append("\" y=\"")
          .append(y + 19)
          .append("\" text-anchor=\"middle\" fill=\"#0f172a\">")
          .append(escape(shorten(entry.type(), 30)))
          .append("</text></g>");
    }
    arrows.forEach(svg::append);
    return svg.append("</svg>").toString();
  }

  private String arrow(TimelineEntry from, int fromRow, TimelineEntry to, int toRow, String color) {
    int x1 = laneCenter(lanes.getOrDefault(from.source(), 0));
    int x2 = laneCenter(lanes.getOrDefault(to.source(), 0));
    int y1 = TOP + fromRow * ROW + 2 + BOX_HEIGHT;
    int y2 = TOP + toRow * ROW + 2;
    if (x1 == x2) {
      // Same lane: a short hook on the right edge keeps the arrow off the boxes.
      int side = x1 + BOX_WIDTH / 2;
      y1 -= BOX_HEIGHT / 2;
      y2 += BOX_HEIGHT / 2;
      return "<path d=\"M"
          + side
          + ","
          + y1
          + " C"
          + (side + 24)
          + ","
          + y1
          + " "
          + (side + 24)
          + ","
          + y2
          + " "
          + side
          + ","
          + y2
          + "\" fill=\"none\" stroke=\""
          + color
          + "\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>";
    }
    return "<line x1=\""
        + x1
        + "\" y1=\""
        + y1
        + "\" x2=\""
        + x2
        + "\" y2=\""
        + y2
        + "\" stroke=\""
        + color
        + "\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>";
  }

  private static String tooltip(TimelineEntry entry) {
    StringBuilder text =
        new StringBuilder("#")
            .append(entry.sequence())
            .append(' ')
            .append(entry.source())
            .append(": ")
            .append(entry.type())
            .append('\n')
            .append(entry.at());
    if (entry.correlationId() != null) {
      text.append("\ncorrelation: ").append(entry.correlationId());
    }
    if (entry.causationId() != null) {
      text.append("\ncausation: ").append(entry.causationId());
    }
    if (!entry.summary().isEmpty()) {
      text.append('\n').append(entry.summary());
    }
    entry.attributes().forEach((k, v) -> text.append('\n').append(k).append(" = ").append(v));
    return text.toString();
  }

  private static int laneCenter(int lane) {
    return LEFT + lane * LANE_WIDTH + LANE_WIDTH / 2;
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
