package dev.vigil.assertj.internal;

import static dev.vigil.assertj.internal.Texts.NL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.http.JsonField;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The one place where the failure texts of message assertions are written. */
public final class MessageTexts {

  private MessageTexts() {}

  /**
   * A message as failures show it.
   *
   * @param description such as {@code message 5d1e… on queue billing}
   * @param body the raw body
   * @param payload the body read as JSON by the codec, or {@code null} when it is not JSON
   * @param attributes its attributes, those of an SNS envelope included
   */
  public record Shown(
      String description, String body, @Nullable JsonNode payload, Map<String, String> attributes) {
    private String expecting() {
      String content =
          payload != null ? "  json:       " + payload : "  body:       " + Texts.oneLine(body);
      return NL
          + "Expecting "
          + description
          + ":"
          + NL
          + content
          + NL
          + "  attributes: "
          + attributes
          + NL;
    }
  }

  /** The JSON field was missing or different, or the body is not JSON. */
  public static String jsonField(Shown message, JsonField field) {
    JsonNode payload = message.payload();
    String reason = payload == null ? "the body is not JSON" : field.mismatch(payload);
    return message.expecting() + "to have " + field.expectation() + ", but " + reason + ".";
  }

  /** The attribute was missing or had another value. */
  public static String attribute(Shown message, String name, String expected) {
    String actual = message.attributes().get(name);
    return message.expecting()
        + "to have attribute "
        + name
        + " = "
        + Texts.render(expected)
        + ", but "
        + (actual == null ? "it had no attribute " + name : "it was " + Texts.render(actual))
        + ".";
  }

  /** The attribute was missing. */
  public static String attributeMissing(Shown message, String name) {
    return message.expecting() + "to have attribute " + name + ", but it had none of that name.";
  }

  /** The correlation id was missing or another. */
  public static String correlationId(Shown message, String expected, @Nullable String actual) {
    return message.expecting()
        + "to have correlation id "
        + expected
        + ", but "
        + (actual == null ? "it had none" : "it had " + actual)
        + ".";
  }
}
