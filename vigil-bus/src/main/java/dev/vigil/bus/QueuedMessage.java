package dev.vigil.bus;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message as it sits in a queue, seen without receiving it (see {@link Bus#peek}).
 *
 * @param queue the queue
 * @param messageId the id given when it was sent
 * @param body the body
 * @param attributes the message attributes
 * @param state whether it can be received now
 * @param receiveCount how many times it has been received so far
 * @param groupId the FIFO message group, or {@code null}
 * @param sequenceNumber the FIFO sequence number, or {@code null}
 * @param sentAt when it was sent
 * @since 0.1
 */
public record QueuedMessage(
    String queue,
    String messageId,
    String body,
    Map<String, String> attributes,
    State state,
    int receiveCount,
    @Nullable String groupId,
    @Nullable String sequenceNumber,
    Instant sentAt) {

  /** Where a message is in its life on a queue. */
  public enum State {
    /** Can be received now. */
    VISIBLE,
    /** Received and not yet deleted; visible again when its visibility timeout ends. */
    IN_FLIGHT,
    /** Sent with a delay that has not yet passed. */
    DELAYED
  }

  /**
   * Decodes the body with {@code codec}.
   *
   * @param codec the codec
   * @param type the payload type
   * @param <T> the payload type
   * @return the payload
   * @throws UndecodableMessageException when the body cannot be read as {@code type}
   */
  public <T> T decode(MessageCodec codec, Class<T> type) {
    return codec.decode(body, type);
  }
}
