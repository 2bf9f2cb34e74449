package dev.vigil.doubles;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Short printable forms of arguments, values and bytes, for timeline summaries and failures. */
final class Printed {
  /** Longer texts are cut, so that one huge value cannot flood a timeline or a failure. */
  static final int MAX_LENGTH = 80;

  private Printed() {}

  /** A value as failures show it: strings quoted, arrays by content, long texts cut. */
  static String of(@Nullable Object value) {
    return cut(full(value));
  }

  /** Arguments in parentheses: {@code ("123")}, {@code ("a", 2)}, {@code ()}. */
  static String arguments(List<@Nullable Object> arguments) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < arguments.size(); i++) {
      text.append(i == 0 ? "" : ", ").append(full(arguments.get(i)));
    }
    return cut(text.append(')').toString());
  }

  /** Bytes as a quoted string: printable ASCII as is, {@code \n \r \t} escaped, others as hex. */
  static String bytes(byte[] bytes, int from, int to) {
    StringBuilder text = new StringBuilder("\"");
    for (int i = from; i < to && text.length() < MAX_LENGTH; i++) {
      int b = bytes[i] & 0xff;
      switch (b) {
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        default -> {
          if (b >= 0x20 && b < 0x7f) {
            text.append((char) b);
          } else {
            text.append(String.format("\\x%02x", b));
          }
        }
      }
    }
    return text.length() < MAX_LENGTH ? text.append('"').toString() : text + "…\"";
  }

  private static String full(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence text) {
      return "\"" + text + "\"";
    }
    if (value instanceof byte[] bytes) {
      return bytes(bytes, 0, bytes.length);
    }
    if (value instanceof Object[] array) {
      return Arrays.deepToString(array);
    }
    try {
      return value.getClass().isArray()
          ? Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "")
          : String.valueOf(value);
    } catch (RuntimeException broken) { // a test's own toString must not hide the failure
      return value.getClass().getName() + " (toString failed: " + broken + ")";
    }
  }

  private static String cut(String text) {
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }
}
