package dev.vigil.assertj.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the message attributes a topic put inside an SNS notification envelope: SNS delivers them
 * in the body ({@code MessageAttributes}), not on the queue message, so a test asking whether a
 * delivered message carries an attribute looks there too.
 */
public final class SnsNotification {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SnsNotification() {}

  /**
   * Returns the message's own attributes, then those of the envelope when the body is an SNS
   * notification; an attribute of the message's own wins.
   */
  public static Map<String, String> attributes(String body, Map<String, String> own) {
    Map<String, String> all = new LinkedHashMap<>(own);
    enveloped(body).forEach(all::putIfAbsent);
    return all;
  }

  private static Map<String, String> enveloped(String body) {
    if (!body.stripLeading().startsWith("{")) {
      return Map.of();
    }
    JsonNode envelope;
    try {
      envelope = JSON.readTree(body);
    } catch (JsonProcessingException notJson) {
      return Map.of();
    }
    if (!"Notification".equals(envelope.path("Type").asText())) {
      return Map.of();
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    envelope
        .path("MessageAttributes")
        .properties()
        .forEach(field -> attributes.put(field.getKey(), field.getValue().path("Value").asText()));
    return attributes;
  }
}
