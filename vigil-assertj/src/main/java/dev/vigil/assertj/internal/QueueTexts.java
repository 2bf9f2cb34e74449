package dev.vigil.assertj.internal;

import static dev.vigil.assertj.internal.Texts.NL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.bus.QueuedMessage;
import dev.vigil.http.JsonField;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The one place where the failure texts of queue assertions are written. */
public final class QueueTexts {

  private QueueTexts() {}

  /** One message of a queue, as its payload (or raw body) and state are shown in a listing. */
  public record Shown(QueuedMessage message, @Nullable JsonNode payload) {
    String line(int index) {
      String body = payload != null ? payload.toString() : message.body();
      String state = message.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
      String attributes =
          message.attributes().isEmpty() ? "" : "; attributes " + message.attributes();
      return "  [" + index + "] " + Texts.oneLine(body) + " (" + state + attributes + ")";
    }
  }

  /** The queue was expected to be empty. */
  public static String notEmpty(String subject, List<Shown> messages) {
    return expecting(subject, messages)
        + "to be empty, but it held "
        + Texts.count(messages.size(), "message")
        + ".";
  }

  /** The queue was expected to hold {@code expected} messages. */
  public static String wrongSize(String subject, List<Shown> messages, int expected) {
    return expecting(subject, messages)
        + "to hold "
        + Texts.count(expected, "message")
        + ", but it held "
        + messages.size()
        + ".";
  }

  /** No message had the JSON field expected. */
  public static String noMessageWith(String subject, List<Shown> messages, JsonField field) {
    StringBuilder text =
        new StringBuilder(expecting(subject, messages))
            .append("to hold a message with ")
            .append(field.expectation());
    if (messages.isEmpty()) {
      return text.append(", but it held none.").toString();
    }
    text.append(", but none had it:");
    for (int i = 0; i < messages.size(); i++) {
      JsonNode payload = messages.get(i).payload();
      String reason = payload == null ? "the body is not JSON" : field.mismatch(payload);
      text.append(NL).append("  [").append(i).append("] ").append(reason);
    }
    return text.toString();
  }

  private static String expecting(String subject, List<Shown> messages) {
    StringBuilder text = new StringBuilder(NL).append("Expecting ").append(subject).append(':');
    if (messages.isEmpty()) {
      text.append(NL).append("  (no messages)");
    }
    for (int i = 0; i < messages.size(); i++) {
      text.append(NL).append(messages.get(i).line(i));
    }
    return text.append(NL).toString();
  }
}
