package dev.vigil.snapshot;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Equality and rendering of field values, shared by diffs of objects and of tables. */
final class Values {
  private static final int MAX_RENDERED = 60;

  private Values() {}

  /** Equal values, arrays compared by content. */
  static boolean same(@Nullable Object a, @Nullable Object b) {
    return Objects.deepEquals(a, b);
  }

  /** A short, unambiguous rendering: strings quoted, arrays by content, long values cut. */
  static String render(@Nullable Object value) {
    String text;
    if (value == null) {
      text = "null";
    } else if (value instanceof CharSequence) {
      text = "\"" + value + "\"";
    } else if (value instanceof byte[] bytes) {
      text = hex(bytes);
    } else if (value.getClass().isArray()) {
      text = Arrays.deepToString(new Object[] {value});
      text = text.substring(1, text.length() - 1);
    } else {
      text = String.valueOf(value);
    }
    text = text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    return text.length() <= MAX_RENDERED ? text : text.substring(0, MAX_RENDERED - 1) + "…";
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder("0x");
    for (byte b : bytes) {
      out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return out.toString();
  }
}
