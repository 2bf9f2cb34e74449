package dev.vigil.flow;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one place where the texts of this package's failures and protocol violations are written;
 * each is pinned by a test of its exact text.
 */
final class FlowTexts {
  static final String NL = System.lineSeparator();
  private static final int MAX_VALUE_LENGTH = 100;
  private static final int MAX_LISTED = 20;

  private FlowTexts() {}

  /** Renders a value in one line: strings quoted, long values cut. */
  static String show(@Nullable Object value) {
    return oneLine(value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value));
  }

  /** Renders a list in one line, its first twenty items shown. */
  static String showList(List<?> values) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < Math.min(values.size(), MAX_LISTED); i++) {
      text.append(i == 0 ? "" : ", ").append(show(values.get(i)));
    }
    if (values.size() > MAX_LISTED) {
      text.append(", … (").append(values.size() - MAX_LISTED).append(" more)");
    }
    return text.append(']').toString();
  }

  /** A throwable as its class and message. */
  static String showError(Throwable error) {
    return oneLine(error.toString());
  }

  private static String oneLine(String text) {
    String line = text.replace("\r", "\\r").replace("\n", "\\n");
    return line.length() <= MAX_VALUE_LENGTH ? line : line.substring(0, MAX_VALUE_LENGTH) + "…";
  }

  /** Demand as a count, or "unbounded" for {@code Long.MAX_VALUE}. */
  static String demand(long requested) {
    return requested == Long.MAX_VALUE ? "unbounded" : String.valueOf(requested);
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** How failures name a participant: its kind, and its name unless that is the kind's default. */
  static String subject(String kind, String name) {
    return kind.equals(name) ? kind : kind + " \"" + name + "\"";
  }

  /** Checks a name or id given to a participant: not blank. */
  static String checkedName(String parameter, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          parameter + " must not be blank, was " + (value == null ? "null" : "\"" + value + "\""));
    }
    return value;
  }

  /**
   * Where two lists first part: "index 2 was 3 where 4 was {@code verb}.", or what one lacks or has
   * beyond the other; the lists differ.
   */
  static String difference(List<?> actual, List<?> expected, String verb) {
    int common = Math.min(actual.size(), expected.size());
    for (int i = 0; i < common; i++) {
      if (!Objects.equals(actual.get(i), expected.get(i))) {
        return "index "
            + i
            + " was "
            + show(actual.get(i))
            + " where "
            + show(expected.get(i))
            + " was "
            + verb
            + ".";
      }
    }
    return actual.size() < expected.size()
        ? "it lacks the items from index "
            + common
            + " on: "
            + showList(expected.subList(common, expected.size()))
            + "."
        : "it also received, from index "
            + common
            + " on: "
            + showList(actual.subList(common, actual.size()))
            + ".";
  }

  /** "Expecting subscriber "x":" and the state line, then the expectation. */
  static String expecting(String subject, String state, String expectation) {
    return "Expecting " + subject + ":" + NL + "  " + state + NL + expectation;
  }
}
