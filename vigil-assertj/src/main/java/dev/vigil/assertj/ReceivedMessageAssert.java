package dev.vigil.assertj;

import dev.vigil.bus.ReceivedMessage;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a message as a receiver got it; see {@link AbstractMessageAssert}.
 *
 * @since 0.1
 */
public class ReceivedMessageAssert
    extends AbstractMessageAssert<ReceivedMessageAssert, ReceivedMessage> {

  /**
   * Creates assertions on a received message.
   *
   * @param actual the message
   */
  public ReceivedMessageAssert(ReceivedMessage actual) {
    super(actual, ReceivedMessageAssert.class);
  }

  @Override
  protected String bodyOf(ReceivedMessage message) {
    return message.body();
  }

  @Override
  protected Map<String, String> attributesOf(ReceivedMessage message) {
    return message.attributes();
  }

  @Override
  protected String describe(ReceivedMessage message) {
    return "message " + message.messageId() + " received from queue " + message.queue();
  }

  /** The bus's own reading: the attribute, or for an enveloped delivery the published message's. */
  @Override
  protected @Nullable String correlationIdOf(ReceivedMessage message) {
    String id = message.correlationId();
    return id != null ? id : super.correlationIdOf(message);
  }
}
