package dev.vigil.bus;

import dev.vigil.timeline.Correlation;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message as a receiver gets it from a queue: the body and attributes, plus what SQS tells a
 * receiver about it.
 *
 * @param queue the queue it was received from
 * @param messageId the id given when it was sent; a duplicate delivery has the same id
 * @param body the body (an SNS notification envelope when a topic delivered it without raw
 *     delivery)
 * @param attributes the message attributes
 * @param receiptHandle the handle that deletes or changes the visibility of this receipt; a later
 *     receipt of the same message has a new handle
 * @param receiveCount how many times the message has been received, this receipt included
 * @param groupId the FIFO message group, or {@code null}
 * @param sequenceNumber the FIFO sequence number, or {@code null}
 * @param sentAt when it was first sent
 * @param correlationId the flow it belongs to: its {@value Correlation#HEADER} attribute, or for a
 *     message a topic delivered in an envelope, the published message's
 * @since 0.1
 */
public record ReceivedMessage(
    String queue,
    String messageId,
    String body,
    Map<String, String> attributes,
    String receiptHandle,
    int receiveCount,
    @Nullable String groupId,
    @Nullable String sequenceNumber,
    Instant sentAt,
    @Nullable String correlationId) {

  /**
   * Decodes the body with {@code codec}.
   *
   * @param codec the codec, such as {@link JsonCodec#plain()}
   * @param type the payload type
   * @param <T> the payload type
   * @return the payload
   * @throws UndecodableMessageException when the body cannot be read as {@code type}
   */
  public <T> T decode(MessageCodec codec, Class<T> type) {
    return codec.decode(body, type);
  }
}
