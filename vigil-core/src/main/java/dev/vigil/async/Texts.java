package dev.vigil.async;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Renders values, failures and outcomes the same way in every failure text of this package. */
final class Texts {
  static final String NL = System.lineSeparator();

  private Texts() {}

  /** A value in one line: strings quoted, arrays by content. */
  static String show(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence text) {
      return "\"" + text + "\"";
    }
    if (value instanceof Object[] array) {
      return Arrays.deepToString(array);
    }
    if (value.getClass().isArray()) {
      String one = Arrays.deepToString(new Object[] {value});
      return one.substring(1, one.length() - 1);
    }
    return String.valueOf(value);
  }

  /** A failure's type and message; later lines of the message are indented by {@code indent}. */
  static String describe(Throwable failure, String indent) {
    String message = failure.getMessage();
    String name = failure.getClass().getName();
    if (message == null || message.isBlank()) {
      return name;
    }
    return name + ": " + String.join(NL + indent, message.strip().lines().toList());
  }

  /** How an outcome ended, in one line: {@code failed at 2026-01-01T00:00:01Z with …}. */
  static String ended(FutureOutcome<?> outcome) {
    String at = " at " + outcome.completedAt();
    return switch (outcome.state()) {
      case SUCCEEDED -> "succeeded" + at + " with " + show(outcome.value());
      case FAILED -> "failed" + at + " with " + describe(failure(outcome), "    ");
      case CANCELLED -> "was cancelled" + at;
    };
  }

  /** "but it …" with what it ended with on an indented line of its own. */
  static String but(FutureOutcome<?> outcome) {
    return but(outcome, "");
  }

  /** "but it …", with {@code afterInstant} (such as {@code " (2s in)"}) after the instant. */
  static String but(FutureOutcome<?> outcome, String afterInstant) {
    String at = " at " + outcome.completedAt() + afterInstant;
    return switch (outcome.state()) {
      case SUCCEEDED -> "but it succeeded" + at + " with:" + NL + "  " + show(outcome.value());
      case FAILED -> "but it failed" + at + " with:" + NL + "  " + describe(failure(outcome), "  ");
      case CANCELLED -> "but it was cancelled" + at;
    };
  }

  private static Throwable failure(FutureOutcome<?> outcome) {
    Throwable failure = outcome.failure();
    if (failure == null) {
      throw new IllegalStateException("a failed outcome without a failure: " + outcome.state());
    }
    return failure;
  }
}
