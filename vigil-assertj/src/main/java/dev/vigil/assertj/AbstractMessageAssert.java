package dev.vigil.assertj;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.assertj.internal.MessageTexts;
import dev.vigil.assertj.internal.SnsNotification;
import dev.vigil.bus.JsonCodec;
import dev.vigil.bus.MessageCodec;
import dev.vigil.bus.UndecodableMessageException;
import dev.vigil.http.JsonField;
import dev.vigil.timeline.Correlation;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on one bus message: a JSON field of its payload, its attributes, its correlation id.
 * The payload is read by a codec, {@link JsonCodec#plain()} unless {@link #usingCodec} says
 * otherwise; both see through an SNS envelope. The attributes of a message a topic delivered in an
 * SNS envelope include the envelope's, as SNS puts them there.
 *
 * <pre>{@code
 * assertThat(received)
 *     .hasJsonField("order.id", "o-1")
 *     .hasJsonField("/amount", 99.99)
 *     .hasAttribute("tenant", "acme")
 *     .hasCorrelationId(orderId);
 * }</pre>
 *
 * @param <SELF> the type of the assertion itself, for chaining
 * @param <ACTUAL> the type of message
 * @since 0.1
 */
public abstract class AbstractMessageAssert<
        SELF extends AbstractMessageAssert<SELF, ACTUAL>, ACTUAL>
    extends AbstractAssert<SELF, ACTUAL> {
  private MessageCodec codec = JsonCodec.plain();

  /**
   * Creates the assertion.
   *
   * @param actual the message
   * @param selfType the class of the assertion itself
   */
  protected AbstractMessageAssert(ACTUAL actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Returns the message's body.
   *
   * @param message the message under test
   * @return its body as sent
   */
  protected abstract String bodyOf(ACTUAL message);

  /**
   * Returns the message's own attributes.
   *
   * @param message the message under test
   * @return its attributes
   */
  protected abstract Map<String, String> attributesOf(ACTUAL message);

  /**
   * Names the message in failures.
   *
   * @param message the message under test
   * @return such as {@code message 5d1e… on queue billing}
   */
  protected abstract String describe(ACTUAL message);

  /**
   * Returns the message's correlation id: its {@value Correlation#HEADER} attribute, the SNS
   * envelope's included.
   *
   * @param message the message under test
   * @return the id, or {@code null}
   */
  protected @Nullable String correlationIdOf(ACTUAL message) {
    return attributes(message).get(Correlation.HEADER);
  }

  /**
   * Reads the payload with {@code newCodec} from now on, such as {@link
   * JsonCodec#tomodachiJsonBase()} to assert on the data inside tomodachi's envelope.
   *
   * @param newCodec the codec
   * @return this assertion
   */
  public SELF usingCodec(MessageCodec newCodec) {
    this.codec = Objects.requireNonNull(newCodec, "codec must not be null");
    return myself;
  }

  /**
   * Verifies that the JSON payload has {@code expected} at {@code path}; numbers compare by value.
   *
   * @param path a JSON pointer ({@code /order/id}) or a dotted path ({@code order.id}, {@code
   *     items[0].sku})
   * @param expected a string, number, boolean, {@code null}, map, list or record
   * @return this assertion
   */
  public SELF hasJsonField(String path, @Nullable Object expected) {
    JsonField field = JsonField.of(path, expected);
    MessageTexts.Shown shown = shown();
    JsonNode payload = shown.payload();
    if (payload == null || field.mismatch(payload) != null) {
      failWithMessage("%s", MessageTexts.jsonField(shown, field));
    }
    return myself;
  }

  /**
   * Verifies that the message carries attribute {@code name} with value {@code expected}.
   *
   * @param name the attribute's name
   * @param expected its value
   * @return this assertion
   */
  public SELF hasAttribute(String name, String expected) {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(expected, "expected must not be null");
    MessageTexts.Shown shown = shown();
    if (!expected.equals(shown.attributes().get(name))) {
      failWithMessage("%s", MessageTexts.attribute(shown, name, expected));
    }
    return myself;
  }

  /**
   * Verifies that the message carries attribute {@code name}, whatever its value.
   *
   * @param name the attribute's name
   * @return this assertion
   */
  public SELF hasAttribute(String name) {
    Objects.requireNonNull(name, "name must not be null");
    MessageTexts.Shown shown = shown();
    if (!shown.attributes().containsKey(name)) {
      failWithMessage("%s", MessageTexts.attributeMissing(shown, name));
    }
    return myself;
  }

  /**
   * Verifies the message's correlation id.
   *
   * @param expected the flow's id
   * @return this assertion
   */
  public SELF hasCorrelationId(String expected) {
    Objects.requireNonNull(expected, "expected must not be null");
    MessageTexts.Shown shown = shown();
    String actualId = correlationIdOf(actual);
    if (!expected.equals(actualId)) {
      failWithMessage("%s", MessageTexts.correlationId(shown, expected, actualId));
    }
    return myself;
  }

  private MessageTexts.Shown shown() {
    isNotNull();
    String body = bodyOf(actual);
    return new MessageTexts.Shown(describe(actual), body, payload(body), attributes(actual));
  }

  private Map<String, String> attributes(ACTUAL message) {
    return SnsNotification.attributes(bodyOf(message), attributesOf(message));
  }

  private @Nullable JsonNode payload(String body) {
    try {
      return codec.decode(body, JsonNode.class);
    } catch (UndecodableMessageException notJson) {
      return null;
    }
  }
}
