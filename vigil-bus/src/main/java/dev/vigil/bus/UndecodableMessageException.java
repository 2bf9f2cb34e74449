package dev.vigil.bus;

import org.jspecify.annotations.Nullable;

/**
 * A message body could not be decoded as the payload type asked for; the message keeps the raw body
 * so that a failing test shows what was actually sent.
 *
 * @since 0.1
 */
public final class UndecodableMessageException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN_BODY_CHARS = 500;

  /** The body as it arrived. */
  private final String rawBody;

  /** The type it could not be read as. */
  private final Class<?> targetType;

  /**
   * Creates the failure.
   *
   * @param rawBody the body as received
   * @param targetType the type it was to be decoded as
   * @param reason why it could not be, such as the JSON parser's message
   * @param cause the parser's exception, if any
   */
  public UndecodableMessageException(
      String rawBody, Class<?> targetType, String reason, @Nullable Throwable cause) {
    super(
        "cannot decode message body as "
            + targetType.getName()
            + ": "
            + reason
            + "; raw body: "
            + abbreviate(rawBody),
        cause);
    this.rawBody = rawBody;
    this.targetType = targetType;
  }

  private UndecodableMessageException(
      String message, String rawBody, Class<?> targetType, @Nullable Throwable cause) {
    super(message, cause);
    this.rawBody = rawBody;
    this.targetType = targetType;
  }

  /**
   * Returns the same failure, saying which message of which queue it was about.
   *
   * @param queue the queue the message is on
   * @param messageId the message's id
   * @return a new exception whose message starts with the message id and queue
   */
  public UndecodableMessageException at(String queue, String messageId) {
    return new UndecodableMessageException(
        "message " + messageId + " on queue '" + queue + "' (kept on the queue): " + getMessage(),
        rawBody,
        targetType,
        getCause());
  }

  /**
   * Returns the body as received, in full.
   *
   * @return the body
   */
  public String rawBody() {
    return rawBody;
  }

  /**
   * Returns the type the body was to be decoded as.
   *
   * @return the type
   */
  public Class<?> targetType() {
    return targetType;
  }

  /** Keeps the message readable for large bodies; the full body stays in {@link #rawBody()}. */
  private static String abbreviate(String body) {
    if (body.length() <= SHOWN_BODY_CHARS) {
      return body;
    }
    int end = SHOWN_BODY_CHARS;
    // Cutting between the two halves of a surrogate pair would leave an invalid character.
    if (Character.isHighSurrogate(body.charAt(end - 1))) {
      end--;
    }
    return body.substring(0, end) + "… (" + body.length() + " chars)";
  }
}
