package dev.vigil.timeline;

import static dev.vigil.timeline.TimelineReport.escape;

import dev.vigil.internal.Durations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lays out the entries of a timeline as an SVG sequence diagram inside an HTML page. */
final class SequenceDiagram {
  private static final String[] PALETTE = {
    "#2563eb", "#db2777", "#059669", "#d97706", "#7c3aed", "#0891b2", "#dc2626", "#4d7c0f"
  };
  private static final String FAILURE = "#dc2626";
  private static final String[] FAILURE_WORDS = {
    "fail", "error", "dead", "reject", "timeout", "timed_out", "expired"
  };
  // Six lanes fit a 1400 px window; more lanes scroll sideways rather than squeeze the text.
  private static final int LEFT = 118;
  private static final int LANE_WIDTH = 200;
  private static final int TOP = 56;
  private static final int ROW = 50;
  private static final int BOX_WIDTH = 176;
  private static final int BOX_HEIGHT = 38;

  private final List<TimelineEntry> entries;
  private final String title;
  private final Map<String, Integer> lanes = new LinkedHashMap<>();
  private final Map<String, String> colors = new LinkedHashMap<>();
  private final Map<String, List<TimelineEntry>> flows = new HashMap<>();

  SequenceDiagram(List<TimelineEntry> entries, String title) {
    this.entries = entries;
    this.title = title;
    for (TimelineEntry entry : entries) {
      lanes.putIfAbsent(entry.source(), lanes.size());
      if (entry.correlationId() != null) {
        colors.putIfAbsent(entry.correlationId(), PALETTE[colors.size() % PALETTE.length]);
        flows.computeIfAbsent(entry.correlationId(), id -> new ArrayList<>()).add(entry);
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
        .append(".meta{color:#64748b;margin-bottom:12px}.legend span{display:inline-block;")
        .append("margin:0 22px 10px 0;color:#475569}.legend b{color:#1f2937;font-weight:600}")
        .append(".legend i{display:inline-block;width:12px;height:12px;")
        .append("border-radius:3px;margin-right:6px;vertical-align:-1px}")
        .append(".legend em{font-style:normal;font-weight:600;color:#1f2937}")
        .append(".legend em.failed{color:" + FAILURE + "}")
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
          .append(escape(entries.get(entries.size() - 1).at().toString()))
          .append(" (")
          .append(
              escape(
                  Durations.formatNanos(
                      entries.get(entries.size() - 1).nanos() - entries.get(0).nanos())))
          .append(')');
    }
    page.append("</div>\n<div class=\"legend\">");
    for (Map.Entry<String, String> color : colors.entrySet()) {
      List<TimelineEntry> flow = flows.getOrDefault(color.getKey(), List.of());
      page.append("<span><i style=\"background:")
          .append(color.getValue())
          .append("\"></i><b>")
          .append(escape(color.getKey()))
          .append("</b> ")
          .append(flow.size())
          .append(flow.size() == 1 ? " entry" : " entries");
      if (!flow.isEmpty()) {
        // How a flow ended is usually the first question, so the legend answers it.
        String last = flow.get(flow.size() - 1).type();
        page.append(", ends with <em")
            .append(looksLikeFailure(last) ? " class=\"failed\"" : "")
            .append('>')
            .append(escape(last))
            .append("</em>");
      }
      page.append("</span>");
    }
    page.append("</div>\n").append(svg()).append("\n</body></html>\n");
    return page.toString();
  }

  private String svg() {
    int width = LEFT + Math.max(1, lanes.size()) * LANE_WIDTH + 12;
    int height = TOP + Math.max(1, entries.size()) * ROW + 16;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" font-family=\"system-ui,sans-serif\" font-size=\"12\">")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
        .append(" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">")
        .append("<path d=\"M0,0L10,5L0,10z\" fill=\"context-stroke\"/></marker></defs>");
    // Faint stripes let the eye follow a row from its time on the left to its box.
    for (int row = 1; row < entries.size(); row += 2) {
      svg.append("<rect x=\"0\" y=\"")
          .append(rowTop(row))
          .append("\" width=\"")
          .append(width)
          .append("\" height=\"")
          .append(ROW)
          .append("\" fill=\"#f8fafc\"/>");
    }
    for (Map.Entry<String, Integer> lane : lanes.entrySet()) {
      int x = laneCenter(lane.getValue());
      svg.append("<line x1=\"")
          .append(x)
          .append("\" y1=\"44\" x2=\"")
          .append(x)
          .append("\" y2=\"")
          .append(height - 8)
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
          .append(escape(shorten(lane.getKey(), 26)))
          .append("</text>");
    }
    Map<String, Integer> lastRowOf = new HashMap<>();
    StringBuilder links = new StringBuilder();
    StringBuilder boxes = new StringBuilder();
    long origin = entries.isEmpty() ? 0 : entries.get(0).nanos();
    for (int row = 0; row < entries.size(); row++) {
      TimelineEntry entry = entries.get(row);
      int middle = rowTop(row) + ROW / 2;
      svg.append("<text x=\"12\" y=\"")
          .append(middle + 4)
          .append("\" fill=\"#475569\">+")
          .append(escape(Durations.formatNanos(entry.nanos() - origin)))
          .append("</text><text x=\"84\" y=\"")
          .append(middle + 4)
          .append("\" fill=\"#94a3b8\">#")
          .append(entry.sequence())
          .append("</text>");
      String color = colorOf(entry);
      String correlationId = entry.correlationId();
      if (correlationId != null) {
        Integer previous = lastRowOf.put(correlationId, row);
        if (previous != null) {
          links.append(link(previous, row, color, flowIndex(correlationId)));
        }
      }
      box(boxes, entry, row, color);
    }
    // Links go under the boxes, so a link that passes a box on its way is hidden, not on top.
    return svg.append(links).append(boxes).append("</svg>").toString();
  }

  private void box(StringBuilder svg, TimelineEntry entry, int row, String color) {
    int x = laneCenter(lanes.getOrDefault(entry.source(), 0));
    int top = rowTop(row) + (ROW - BOX_HEIGHT) / 2;
    int left = x - BOX_WIDTH / 2;
    boolean failure = looksLikeFailure(entry.type());
    svg.append("<g><title>")
        .append(escape(tooltip(entry)))
        .append("</title><rect x=\"")
        .append(left)
        .append("\" y=\"")
        .append(top)
        .append("\" width=\"")
        .append(BOX_WIDTH)
        .append("\" height=\"")
        .append(BOX_HEIGHT)
        .append("\" rx=\"5\" fill=\"#fff\"/><rect x=\"")
        .append(left)
        .append("\" y=\"")
        .append(top)
        .append("\" width=\"")
        .append(BOX_WIDTH)
        .append("\" height=\"")
        .append(BOX_HEIGHT)
        .append("\" rx=\"5\" fill=\"")
        .append(color)
        .append("1a\" stroke=\"")
        .append(color)
        .append("\"/>");
    if (failure) {
      svg.append("<rect x=\"")
          .append(left)
          .append("\" y=\"")
          .append(top)
          .append("\" width=\"5\" height=\"")
          .append(BOX_HEIGHT)
          .append("\" rx=\"2\" fill=\"")
          .append(FAILURE)
          .append("\"/>");
    }
    boolean twoLines = !entry.summary().isEmpty();
    svg.append("<text x=\"")
        .append(x)
        .append("\" y=\"")
        .append(twoLines ? top + 15 : top + BOX_HEIGHT / 2 + 4)
        .append("\" text-anchor=\"middle\" font-weight=\"500\" fill=\"")
        .append(failure ? FAILURE : "#0f172a")
        .append("\">")
        .append(escape(shorten(entry.type(), 26)))
        .append("</text>");
    if (twoLines) {
      svg.append("<text x=\"")
          .append(x)
          .append("\" y=\"")
          .append(top + 29)
          .append("\" text-anchor=\"middle\" font-size=\"10.5\" fill=\"#64748b\">")
          .append(escape(shorten(entry.summary(), 30)))
          .append("</text>");
    }
    svg.append("</g>");
  }

  /**
   * Draws the step from one entry of a flow to the next: down the lane of the earlier entry, then
   * across to the later one. With one entry per row the horizontal part never crosses a box, which
   * diagonal lines did as soon as two flows interleaved.
   */
  private String link(int fromRow, int toRow, String color, int flow) {
    TimelineEntry from = entries.get(fromRow);
    TimelineEntry to = entries.get(toRow);
    int center1 = laneCenter(lanes.getOrDefault(from.source(), 0));
    int x2 = laneCenter(lanes.getOrDefault(to.source(), 0));
    String stroke =
        "\" fill=\"none\" stroke=\""
            + color
            + "\" stroke-width=\"1.6\" stroke-linejoin=\"round\" marker-end=\"url(#arrow)\"/>";
    boolean sameLane = center1 == x2;
    if (blocked(fromRow, toRow)) {
      return detour(fromRow, toRow, center1, x2, sameLane, flow) + stroke;
    }
    // Flows run down the lane a little apart, so two of them on one lane stay two lines.
    int x1 = center1 + (flow % 4) * 8 - 12;
    int y1 = rowTop(fromRow) + (ROW + BOX_HEIGHT) / 2;
    if (sameLane) {
      int y2 = rowTop(toRow) + (ROW - BOX_HEIGHT) / 2 - 1;
      return "<path d=\"M" + x1 + "," + y1 + " V" + y2 + stroke;
    }
    int y2 = rowTop(toRow) + ROW / 2;
    int direction = x2 > x1 ? 1 : -1;
    int end = x2 - direction * (BOX_WIDTH / 2 + 1);
    int radius = Math.min(8, Math.max(0, y2 - y1));
    return "<path d=\"M"
        + x1
        + ","
        + y1
        + " V"
        + (y2 - radius)
        + " Q"
        + x1
        + ","
        + y2
        + " "
        + (x1 + direction * radius)
        + ","
        + y2
        + " H"
        + end
        + stroke;
  }

  /** Whether another box sits on the earlier entry's lane between the two rows. */
  private boolean blocked(int fromRow, int toRow) {
    String source = entries.get(fromRow).source();
    for (int row = fromRow + 1; row < toRow; row++) {
      if (entries.get(row).source().equals(source)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Routes a step around the boxes in its way: out of the side of the earlier box, down the gap
   * between two lanes (where no box ever is), and across at the later entry's row. A line hidden
   * behind boxes would show only as stray pieces between them.
   */
  private static String detour(
      int fromRow, int toRow, int center1, int x2, boolean sameLane, int flow) {
    int side = sameLane || x2 > center1 ? 1 : -1;
    int gap = center1 + side * (BOX_WIDTH / 2 + 7 + (flow % 3) * 5);
    int y1 = rowTop(fromRow) + ROW / 2;
    int y2 = rowTop(toRow) + ROW / 2;
    int across = sameLane ? -side : side;
    int end = sameLane ? center1 + BOX_WIDTH / 2 + 1 : x2 - side * (BOX_WIDTH / 2 + 1);
    int radius = 5;
    return "<path d=\"M"
        + (center1 + side * BOX_WIDTH / 2)
        + ","
        + y1
        + " H"
        + (gap - side * radius)
        + " Q"
        + gap
        + ","
        + y1
        + " "
        + gap
        + ","
        + (y1 + radius)
        + " V"
        + (y2 - radius)
        + " Q"
        + gap
        + ","
        + y2
        + " "
        + (gap + across * radius)
        + ","
        + y2
        + " H"
        + end;
  }

  private String colorOf(TimelineEntry entry) {
    String correlationId = entry.correlationId();
    return correlationId == null ? "#64748b" : colors.getOrDefault(correlationId, "#64748b");
  }

  /** The position of a flow in the legend, which keeps its lines apart from other flows'. */
  private int flowIndex(String correlationId) {
    int index = 0;
    for (String known : colors.keySet()) {
      if (known.equals(correlationId)) {
        break;
      }
      index++;
    }
    return index;
  }

  /** Types that read as something going wrong get a red mark, so a failed flow stands out. */
  private static boolean looksLikeFailure(String type) {
    String lower = type.toLowerCase(Locale.ROOT);
    for (String word : FAILURE_WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
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

  private static int rowTop(int row) {
    return TOP + row * ROW;
  }

  private static int laneCenter(int lane) {
    return LEFT + lane * LANE_WIDTH + LANE_WIDTH / 2;
  }

  private static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
