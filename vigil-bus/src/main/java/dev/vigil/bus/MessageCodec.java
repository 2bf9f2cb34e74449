package dev.vigil.bus;

/**
 * Turns payload objects into message bodies and back, so that tests publish and assert on domain
 * objects rather than strings.
 *
 * <p>Implementations must be thread-safe: one codec is shared by every publisher and consumer.
 *
 * @see JsonCodec
 * @since 0.1
 */
public interface MessageCodec {

  /**
   * Encodes a payload as a message body.
   *
   * @param payload the payload
   * @return the body
   * @throws IllegalArgumentException when the payload cannot be encoded
   */
  String encode(Object payload);

  /**
   * Decodes a message body as a payload of the given type.
   *
   * @param body the body
   * @param type the payload type
   * @param <T> the payload type
   * @return the payload, never {@code null}
   * @throws UndecodableMessageException when the body cannot be read as {@code type}
   */
  <T> T decode(String body, Class<T> type);
}
