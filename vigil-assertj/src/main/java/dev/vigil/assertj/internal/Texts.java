package dev.vigil.assertj.internal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Layout shared by every failure text: AssertJ's line breaks, indentation and value rendering. */
public final class Texts {
  /** The line break AssertJ's own messages use ({@code %n}). */
  public static final String NL = System.lineSeparator();

  /** How much of a body a failure shows before cutting it. */
  static final int SHOWN_CHARS = 300;

  private Texts() {}

  /** Indents every line of {@code text} by {@code spaces}. */
  public static String indent(String text, int spaces) {
    String pad = " ".repeat(spaces);
    return text.lines()
        .map(line -> line.isEmpty() ? line : pad + line)
        .collect(Collectors.joining(NL));
  }

  /** Renders a value the way the failures name it: text quoted, lists by their elements. */
  public static String render(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence text) {
      return "\"" + text + "\"";
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Texts::render).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Object[] array) {
      return render(Arrays.asList(array));
    }
    return String.valueOf(value);
  }

  /** Renders values separated by commas, each as {@link #render} does. */
  public static String renderAll(List<?> values) {
    return values.stream().map(Texts::render).collect(Collectors.joining(", "));
  }

  /** Makes text fit on one line of a failure: control characters escaped, long text cut. */
  public static String oneLine(String text) {
    String escaped = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    return escaped.length() <= SHOWN_CHARS
        ? escaped
        : escaped.substring(0, SHOWN_CHARS) + "… (" + escaped.length() + " chars)";
  }

  /** Says {@code 1 message} or {@code 3 messages}. */
  public static String count(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
