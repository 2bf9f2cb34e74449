package dev.vigil.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a diff as an aligned table, one line per changed field, for failures and logs. */
final class DiffTable {
  /** Rows shown before the rest are counted; a failure message stays readable. */
  static final int MAX_ROWS = 50;

  private static final String[] HEADER = {"change", "key", "field", "before", "after"};

  private DiffTable() {}

  static String render(Diff diff) {
    StringBuilder out = new StringBuilder(diff.summary());
    if (diff.isEmpty()) {
      return out.toString();
    }
    List<String[]> lines = new ArrayList<>();
    lines.add(HEADER);
    int shown = Math.min(diff.size(), MAX_ROWS);
    for (int i = 0; i < shown; i++) {
      addRow(lines, diff.get(i));
    }
    int[] widths = widths(lines);
    for (String[] line : lines) {
      out.append("\n  ");
      for (int column = 0; column < line.length; column++) {
        out.append(column == 0 ? "" : "  ").append(pad(line[column], widths[column]));
      }
      trimEnd(out);
    }
    if (diff.size() > shown) {
      out.append("\n  … and ").append(diff.size() - shown).append(" more rows");
    }
    return out.toString();
  }

  private static void addRow(List<String[]> lines, RowChange row) {
    String kind = row.kind().name().toLowerCase(Locale.ROOT);
    String key = Values.render(row.key());
    boolean first = true;
    for (FieldChange field : row.changes()) {
      String before = row.kind() == RowChange.Kind.INSERTED ? "" : Values.render(field.before());
      String after = row.kind() == RowChange.Kind.DELETED ? "" : Values.render(field.after());
      lines.add(new String[] {first ? kind : "", first ? key : "", field.field(), before, after});
      first = false;
    }
    if (first) { // a row with no fields at all: still one line
      lines.add(new String[] {kind, key, "", "", ""});
    }
  }

  private static int[] widths(List<String[]> lines) {
    int[] widths = new int[HEADER.length];
    for (String[] line : lines) {
      for (int column = 0; column < line.length; column++) {
        widths[column] = Math.max(widths[column], line[column].length());
      }
    }
    return widths;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private static void trimEnd(StringBuilder out) {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
  }
}
