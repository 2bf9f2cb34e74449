package dev.vigil.bus;

import dev.vigil.timeline.Correlation;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message to publish to a topic or send to a queue: a body, string attributes and, for FIFO
 * queues, a message group and deduplication id. Immutable; each {@code withX} returns a copy.
 *
 * <pre>{@code
 * bus.send("orders.fifo", Message.of("{\"order_id\":\"o-1\"}")
 *     .withGroupId("customer-7")
 *     .withCorrelationId(correlationId));
 * }</pre>
 *
 * @param body the body, as SQS carries it: text
 * @param attributes message attributes, in insertion order
 * @param groupId the FIFO message group, or {@code null} for standard queues
 * @param deduplicationId the FIFO deduplication id, or {@code null} to use content-based
 *     deduplication
 * @param delay how long the message stays invisible after it is sent (standard queues only)
 * @since 0.1
 */
public record Message(
    String body,
    Map<String, String> attributes,
    @Nullable String groupId,
    @Nullable String deduplicationId,
    Duration delay) {

  /**
   * Creates a message, checking every component and taking an unmodifiable copy of the attributes;
   * prefer {@link #of} and the {@code withX} methods.
   *
   * @param body the body, as SQS carries it: text (often JSON), never null
   * @param attributes message attributes by name; copied in insertion order, so later changes to
   *     the map do not reach the message; neither names nor values may be null
   * @param groupId the FIFO message group, or {@code null} for standard queues (a FIFO queue
   *     refuses a message without one when it is sent)
   * @param deduplicationId the FIFO deduplication id, or {@code null} to rely on the queue's
   *     content-based deduplication
   * @param delay how long the message stays invisible after it is sent: not negative, and at most
   *     15 min when sent; zero keeps the queue's own delay, anything else replaces it; FIFO queues
   *     accept only zero
   * @throws NullPointerException if {@code body}, {@code attributes} or {@code delay} is null
   * @throws IllegalArgumentException if {@code delay} is negative or an attribute has a null name
   *     or value
   */
  public Message {
    Objects.requireNonNull(body, "body must not be null");
    attributes = copy(attributes);
    Objects.requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
  }

  /**
   * Creates a message with {@code body} and nothing else.
   *
   * @param body the body
   * @return the message
   */
  public static Message of(String body) {
    return new Message(body, Map.of(), null, null, Duration.ZERO);
  }

  /**
   * Returns a copy with one more attribute.
   *
   * @param name the attribute's name
   * @param value its value
   * @return the copy
   */
  public Message withAttribute(String name, String value) {
    Objects.requireNonNull(name, "attribute name must not be null");
    Objects.requireNonNull(value, () -> "attribute '" + name + "' must not have a null value");
    Map<String, String> more = new LinkedHashMap<>(attributes);
    more.put(name, value);
    return new Message(body, more, groupId, deduplicationId, delay);
  }

  /**
   * Returns a copy that carries {@code correlationId} in the {@value Correlation#HEADER} attribute,
   * so that every timeline entry about the message joins that flow.
   *
   * @param correlationId the flow's id
   * @return the copy
   */
  public Message withCorrelationId(String correlationId) {
    return withAttribute(Correlation.HEADER, correlationId);
  }

  /**
   * Returns a copy in FIFO message group {@code newGroupId}.
   *
   * @param newGroupId the group; messages of one group are delivered in order
   * @return the copy
   */
  public Message withGroupId(String newGroupId) {
    return new Message(
        body, attributes, Objects.requireNonNull(newGroupId, "groupId"), deduplicationId, delay);
  }

  /**
   * Returns a copy with an explicit FIFO deduplication id.
   *
   * @param newDeduplicationId messages with the same id within five minutes are accepted once
   * @return the copy
   */
  public Message withDeduplicationId(String newDeduplicationId) {
    return new Message(
        body,
        attributes,
        groupId,
        Objects.requireNonNull(newDeduplicationId, "deduplicationId"),
        delay);
  }

  /**
   * Returns a copy that stays invisible for {@code newDelay} after it is sent.
   *
   * @param newDelay at most 15 minutes
   * @return the copy
   */
  public Message withDelay(Duration newDelay) {
    return new Message(body, attributes, groupId, deduplicationId, newDelay);
  }

  /**
   * Returns the correlation id this message carries, if any.
   *
   * @return the {@value Correlation#HEADER} attribute, or {@code null}
   */
  public @Nullable String correlationId() {
    return attributes.get(Correlation.HEADER);
  }

  private static Map<String, String> copy(@Nullable Map<String, String> attributes) {
    Objects.requireNonNull(attributes, "attributes must not be null");
    if (attributes.isEmpty()) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    attributes.forEach(
        (name, value) -> {
          if (name == null) {
            throw new IllegalArgumentException(
                "attributes must not contain a null name, were " + attributes);
          }
          if (value == null) {
            throw new IllegalArgumentException(
                "attribute '" + name + "' must not have a null value");
          }
          copy.put(name, value);
        });
    return Collections.unmodifiableMap(copy);
  }
}
