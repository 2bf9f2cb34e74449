package dev.vigil.sqs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.bus.Message;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.timeline.Correlation;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Maps Vigil's messages to SQS requests and SQS's messages back to {@link ReceivedMessage}s. */
public final class MessageMapper {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MessageMapper() {}

  /**
   * Returns the request that sends {@code message} to a queue.
   *
   * @param queueUrl the queue's URL
   * @param message the message
   * @return the request
   */
  public static SendMessageRequest toSend(String queueUrl, Message message) {
    SendMessageRequest.Builder request =
        SendMessageRequest.builder()
            .queueUrl(queueUrl)
            .messageBody(message.body())
            .messageAttributes(attributes(message.attributes()));
    if (!message.delay().isZero()) {
      request.delaySeconds(QueueAttributes.wholeSeconds(message.delay()));
    }
    if (message.groupId() != null) {
      request.messageGroupId(message.groupId());
    }
    if (message.deduplicationId() != null) {
      request.messageDeduplicationId(message.deduplicationId());
    }
    return request.build();
  }

  /**
   * Returns message attributes as SQS carries them: each a {@code String}.
   *
   * @param attributes the attributes
   * @return SQS's attribute values
   */
  public static Map<String, MessageAttributeValue> attributes(Map<String, String> attributes) {
    Map<String, MessageAttributeValue> values = new LinkedHashMap<>();
    attributes.forEach(
        (name, value) ->
            values.put(
                name,
                MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    return values;
  }

  /**
   * Returns a message as a receiver of {@code queue} sees it.
   *
   * @param queue the queue
   * @param message SQS's message, received with all attributes
   * @return the message
   */
  public static ReceivedMessage toReceived(
      String queue, software.amazon.awssdk.services.sqs.model.Message message) {
    Map<String, String> attributes = new LinkedHashMap<>();
    message
        .messageAttributes()
        .forEach(
            (name, value) -> {
              if (value.stringValue() != null) {
                attributes.put(name, value.stringValue());
              }
            });
    Map<MessageSystemAttributeName, String> system = message.attributes();
    String correlationId = attributes.get(Correlation.HEADER);
    if (correlationId == null) {
      correlationId = envelopeCorrelationId(message.body());
    }
    return new ReceivedMessage(
        queue,
        message.messageId(),
        message.body(),
        Collections.unmodifiableMap(attributes),
        message.receiptHandle(),
        number(system.get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT), 1),
        system.get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
        system.get(MessageSystemAttributeName.SEQUENCE_NUMBER),
        Instant.ofEpochMilli(number(system.get(MessageSystemAttributeName.SENT_TIMESTAMP), 0)),
        correlationId);
  }

  /** The correlation id of a message a topic delivered in an SNS envelope (no raw delivery). */
  private static @Nullable String envelopeCorrelationId(String body) {
    if (!body.startsWith("{") || !body.contains("\"Notification\"")) {
      return null;
    }
    try {
      JsonNode value = JSON.readTree(body).path("MessageAttributes").path(Correlation.HEADER);
      return value.path("Value").isTextual() ? value.path("Value").asText() : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  private static int number(@Nullable String text, int fallback) {
    return text == null ? fallback : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(text));
  }

  private static long number(@Nullable String text, long fallback) {
    return text == null ? fallback : Long.parseLong(text);
  }
}
