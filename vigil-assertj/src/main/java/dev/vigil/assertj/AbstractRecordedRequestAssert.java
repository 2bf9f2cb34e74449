package dev.vigil.assertj;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.assertj.internal.RequestTexts;
import dev.vigil.http.BodyDecodingException;
import dev.vigil.http.JsonField;
import dev.vigil.http.RecordedRequest;
import dev.vigil.http.SignatureMismatchError;
import dev.vigil.http.WebhookSignature;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on one request a {@link dev.vigil.http.WebhookServer} captured: method, path, headers,
 * query, body, JSON fields, correlation id and signature.
 *
 * <pre>{@code
 * assertThat(call)
 *     .hasMethod("POST").hasPath("/payment-complete")
 *     .hasHeader("content-type", "application/json")
 *     .hasJsonField("order_id", "ord-1")
 *     .hasValidSignature(WebhookSignature.hmacSha256Hex("X-Signature", "sha256=", secret));
 * }</pre>
 *
 * @param <SELF> the type of the assertion itself, for chaining
 * @since 0.1
 */
public abstract class AbstractRecordedRequestAssert<
        SELF extends AbstractRecordedRequestAssert<SELF>>
    extends AbstractAssert<SELF, RecordedRequest> {

  /**
   * Creates the assertion.
   *
   * @param actual the request
   * @param selfType the class of the assertion itself
   */
  protected AbstractRecordedRequestAssert(RecordedRequest actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Verifies the method.
   *
   * @param expected such as {@code POST}, compared without case
   * @return this assertion
   */
  public SELF hasMethod(String expected) {
    Objects.requireNonNull(expected, "expected must not be null");
    isNotNull();
    if (!actual.method().equalsIgnoreCase(expected)) {
      String wanted = expected.toUpperCase(Locale.ROOT);
      failWithActualExpectedAndMessage(
          actual.method(),
          wanted,
          "%s",
          RequestTexts.part(actual, "method", wanted, actual.method()));
    }
    return myself;
  }

  /**
   * Verifies the path (without the query, percent-encoded as sent).
   *
   * @param expected such as {@code /payment-complete}
   * @return this assertion
   */
  public SELF hasPath(String expected) {
    Objects.requireNonNull(expected, "expected must not be null");
    isNotNull();
    if (!actual.path().equals(expected)) {
      failWithActualExpectedAndMessage(
          actual.path(),
          expected,
          "%s",
          RequestTexts.part(actual, "path", expected, actual.path()));
    }
    return myself;
  }

  /**
   * Verifies that a header has {@code expected} as its value (any of its values, if sent more than
   * once).
   *
   * @param name the header's name, compared without case
   * @param expected the value, compared exactly
   * @return this assertion
   */
  public SELF hasHeader(String name, String expected) {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(expected, "expected must not be null");
    isNotNull();
    List<String> values = actual.headers().get(name);
    if (values == null || !values.contains(expected)) {
      failWithMessage("%s", RequestTexts.header(actual, name, expected));
    }
    return myself;
  }

  /**
   * Verifies that a header is present, whatever its value.
   *
   * @param name the header's name, compared without case
   * @return this assertion
   */
  public SELF hasHeader(String name) {
    Objects.requireNonNull(name, "name must not be null");
    isNotNull();
    if (actual.header(name).isEmpty()) {
      failWithMessage("%s", RequestTexts.headerMissing(actual, name));
    }
    return myself;
  }

  /**
   * Verifies a query parameter (decoded); any of its values may match.
   *
   * @param name the parameter's name
   * @param expected the value
   * @return this assertion
   */
  public SELF hasQueryParameter(String name, String expected) {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(expected, "expected must not be null");
    isNotNull();
    List<String> values = actual.queryParameters().get(name);
    if (values == null || !values.contains(expected)) {
      failWithMessage("%s", RequestTexts.queryParameter(actual, name, expected));
    }
    return myself;
  }

  /**
   * Verifies that the JSON body has {@code expected} at {@code path}; numbers compare by value.
   *
   * @param path a JSON pointer ({@code /order/id}) or a dotted path ({@code order.id}, {@code
   *     items[0].sku})
   * @param expected a string, number, boolean, {@code null}, map, list or record
   * @return this assertion
   */
  public SELF hasJsonField(String path, @Nullable Object expected) {
    JsonField field = JsonField.of(path, expected);
    isNotNull();
    String reason = jsonMismatch(field);
    if (reason != null) {
      failWithMessage("%s", RequestTexts.jsonField(actual, field, reason));
    }
    return myself;
  }

  private @Nullable String jsonMismatch(JsonField field) {
    if (actual.bodySize() == 0) {
      return "the body is empty";
    }
    JsonNode body;
    try {
      body = actual.bodyAsJson();
    } catch (BodyDecodingException notJson) {
      return "the body is not JSON";
    }
    return field.mismatch(body);
  }

  /**
   * Verifies the whole body, decoded as text in the charset its {@code Content-Type} names.
   *
   * @param expected the text
   * @return this assertion
   */
  public SELF hasBody(String expected) {
    Objects.requireNonNull(expected, "expected must not be null");
    isNotNull();
    String text = bodyTextOrNull();
    if (!expected.equals(text)) {
      failWithActualExpectedAndMessage(text, expected, "%s", RequestTexts.body(actual, expected));
    }
    return myself;
  }

  /**
   * Verifies that the body, decoded as text, contains {@code expected}.
   *
   * @param expected the text
   * @return this assertion
   */
  public SELF hasBodyContaining(String expected) {
    Objects.requireNonNull(expected, "expected must not be null");
    isNotNull();
    String text = bodyTextOrNull();
    if (text == null || !text.contains(expected)) {
      failWithMessage("%s", RequestTexts.bodyContaining(actual, expected));
    }
    return myself;
  }

  private @Nullable String bodyTextOrNull() {
    try {
      return actual.bodyAsText();
    } catch (BodyDecodingException notText) {
      return null;
    }
  }

  /**
   * Verifies the correlation id ({@code correlation-id} header, else the trace id of {@code
   * traceparent}).
   *
   * @param expected the flow's id
   * @return this assertion
   */
  public SELF hasCorrelationId(String expected) {
    Objects.requireNonNull(expected, "expected must not be null");
    isNotNull();
    if (!actual.correlationId().map(expected::equals).orElse(false)) {
      failWithMessage("%s", RequestTexts.correlationId(actual, expected));
    }
    return myself;
  }

  /**
   * Verifies that the request carries a valid signature; a failure shows {@link
   * WebhookSignature#verify}'s diagnosis in full (what was signed, both signatures, the near
   * variant the sender signed instead) and has its {@link SignatureMismatchError} as cause.
   *
   * @param signature how the sender signs
   * @return this assertion
   */
  public SELF hasValidSignature(WebhookSignature signature) {
    Objects.requireNonNull(signature, "signature must not be null");
    isNotNull();
    try {
      signature.verify(actual);
    } catch (SignatureMismatchError mismatch) {
      AssertionError failure =
          failure("%s", RequestTexts.signature(actual, String.valueOf(mismatch.getMessage())));
      failure.initCause(mismatch);
      throw failure;
    }
    return myself;
  }
}
