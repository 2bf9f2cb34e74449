package dev.vigil.bus.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The JSON notification SNS delivers to an SQS queue when raw message delivery is off.
 *
 * <p>The envelope carries what a consumer reads ({@code Type}, {@code MessageId}, {@code TopicArn},
 * {@code Subject}, {@code Message}, {@code Timestamp}, {@code SignatureVersion}, {@code
 * MessageAttributes}) but no signature, since nothing embedded can be verified against AWS's
 * certificates. Every message attribute is given the type {@code String}, because the bus keeps
 * attribute values as text and does not know their declared SNS data type.
 */
public final class SnsEnvelope {
  private static final String ARN_PREFIX = "arn:aws:sns:us-east-1:000000000000:";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private SnsEnvelope() {}

  /**
   * Wraps a published message as SNS delivers it to a queue.
   *
   * @param messageId the SNS message id
   * @param topicArn the topic's ARN, such as from {@link #topicArn(String)}
   * @param subject the subject given when publishing, or {@code null} to leave it out
   * @param message the published body, kept as a string
   * @param attributes the message attributes; {@code MessageAttributes} is left out when empty
   * @param timestamp when the message was published, written to the millisecond in UTC
   * @return the envelope as compact JSON, attributes sorted by name
   */
  public static String wrap(
      String messageId,
      String topicArn,
      @Nullable String subject,
      String message,
      Map<String, String> attributes,
      Instant timestamp) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.put("Type", "Notification");
    envelope.put("MessageId", Objects.requireNonNull(messageId, "messageId must not be null"));
    envelope.put("TopicArn", Objects.requireNonNull(topicArn, "topicArn must not be null"));
    if (subject != null) {
      envelope.put("Subject", subject);
    }
    envelope.put("Message", Objects.requireNonNull(message, "message must not be null"));
    envelope.put("Timestamp", TIMESTAMP.format(timestamp.truncatedTo(ChronoUnit.MILLIS)));
    envelope.put("SignatureVersion", "1");
    if (!attributes.isEmpty()) {
      ObjectNode attributesNode = envelope.putObject("MessageAttributes");
      new TreeMap<>(attributes)
          .forEach(
              (name, value) ->
                  attributesNode.putObject(name).put("Type", "String").put("Value", value));
    }
    return envelope.toString();
  }

  /**
   * Returns the published body inside an SNS notification envelope.
   *
   * @param body a queue message body
   * @return the envelope's {@code Message} when {@code body} is a notification (a JSON object with
   *     {@code "Type":"Notification"}, a {@code TopicArn} and a string {@code Message}), else empty
   */
  public static Optional<String> unwrap(String body) {
    // Most bodies are not envelopes; skip parsing anything that cannot be a JSON object.
    if (!body.stripLeading().startsWith("{")) {
      return Optional.empty();
    }
    JsonNode envelope;
    try {
      envelope = JSON.readTree(body);
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
    JsonNode type = envelope.path("Type");
    JsonNode message = envelope.path("Message");
    boolean isNotification =
        type.isTextual()
            && type.textValue().equals("Notification")
            && envelope.path("TopicArn").isTextual()
            && message.isTextual();
    return isNotification ? Optional.of(message.textValue()) : Optional.empty();
  }

  /**
   * Returns the ARN the embedded bus gives a topic: region {@code us-east-1}, account {@code
   * 000000000000}, as LocalStack does.
   *
   * @param topicName the topic's name
   * @return {@code arn:aws:sns:us-east-1:000000000000:<topicName>}
   */
  public static String topicArn(String topicName) {
    return ARN_PREFIX + Objects.requireNonNull(topicName, "topicName must not be null");
  }
}
