package dev.vigil.assertj;

import dev.vigil.bus.QueuedMessage;
import java.util.Locale;
import java.util.Map;

/**
 * Assertions on a message seen on its queue without receiving it ({@code bus.peek(queue)}); see
 * {@link AbstractMessageAssert}.
 *
 * @since 0.1
 */
public class QueuedMessageAssert extends AbstractMessageAssert<QueuedMessageAssert, QueuedMessage> {

  /**
   * Creates assertions on a queued message.
   *
   * @param actual the message
   */
  public QueuedMessageAssert(QueuedMessage actual) {
    super(actual, QueuedMessageAssert.class);
  }

  @Override
  protected String bodyOf(QueuedMessage message) {
    return message.body();
  }

  @Override
  protected Map<String, String> attributesOf(QueuedMessage message) {
    return message.attributes();
  }

  @Override
  protected String describe(QueuedMessage message) {
    return "message "
        + message.messageId()
        + " on queue "
        + message.queue()
        + " ("
        + message.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + ")";
  }
}
