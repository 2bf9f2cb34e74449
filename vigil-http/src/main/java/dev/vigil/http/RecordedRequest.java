package dev.vigil.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.http.internal.BodyText;
import dev.vigil.http.internal.FormDecoding;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request the {@link WebhookServer} received, as it arrived: method, path, query, headers and
 * raw body, with its arrival time on the context's clock. The body is decoded only when asked
 * ({@link #bodyAsJson()}, {@link #bodyAs(Class)}, {@link #form()}, {@link #bodyAsText()}); a body
 * that does not decode stays available raw and the decode fails with a {@link
 * BodyDecodingException} that shows it.
 *
 * <pre>{@code
 * RecordedRequest call = server.awaitRequest(RequestMatcher.post("/payment-complete"));
 * assertThat(call.bodyAsJson().path("order_id").asText()).isEqualTo("ord-1");
 * }</pre>
 *
 * @since 0.1
 */
public final class RecordedRequest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final long sequence;
  private final String method;
  private final String path;
  private final String rawQuery;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Instant receivedAt;
  private final @Nullable String correlationId;
  private final boolean secure;
  // Set only on a fresh copy, before anyone else sees it (see copy()).
  private Map<String, String> pathVariables = Map.of();
  private volatile @Nullable JsonNode json;

  RecordedRequest(
      long sequence,
      String method,
      String path,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body,
      Instant receivedAt,
      @Nullable String correlationId,
      boolean secure) {
    this.sequence = sequence;
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.body = body;
    this.receivedAt = receivedAt;
    this.correlationId = correlationId;
    this.secure = secure;
  }

  /** Returns a copy carrying the variables a path template captured. */
  RecordedRequest withPathVariables(Map<String, String> variables) {
    return copy(path, Map.copyOf(variables));
  }

  /** Returns a copy whose path has {@code prefix} removed, as a namespace sees it. */
  RecordedRequest relativeTo(String prefix) {
    return copy(
        path.length() == prefix.length() ? "/" : path.substring(prefix.length()), pathVariables);
  }

  private RecordedRequest copy(String newPath, Map<String, String> newVariables) {
    RecordedRequest copy =
        new RecordedRequest(
            sequence, method, newPath, rawQuery, headers, body, receivedAt, correlationId, secure);
    copy.pathVariables = newVariables;
    copy.json = json; // the body is shared, so is its parsed tree
    return copy;
  }

  /**
   * Returns the request's position in the server's journal, starting at 1 and never reused, not
   * even after {@link WebhookServer#reset()}.
   *
   * @return the sequence number
   */
  public long sequence() {
    return sequence;
  }

  /**
   * Returns the method as sent, such as {@code POST}.
   *
   * @return the method
   */
  public String method() {
    return method;
  }

  /**
   * Returns the path as sent (percent-encoded, without the query), relative to the namespace when
   * the request was read through {@link WebhookServer#namespace(String)}.
   *
   * @return the path, starting with {@code /}
   */
  public String path() {
    return path;
  }

  /**
   * Returns the query as sent, without the {@code ?}.
   *
   * @return the raw query, empty when there was none
   */
  public String rawQuery() {
    return rawQuery;
  }

  /**
   * Returns the decoded query parameters, in the order they were sent.
   *
   * @return name to values; empty when there was no query
   */
  public Map<String, List<String>> queryParameters() {
    return FormDecoding.decode(rawQuery, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Returns the first value of a query parameter.
   *
   * @param name the parameter's name
   * @return its first value, if present
   */
  public Optional<String> queryParameter(String name) {
    List<String> values = queryParameters().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns every header, names compared without case, values in the order they were sent.
   *
   * @return an unmodifiable, case-insensitive map
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header's name, compared without case
   * @return its first value, if present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(Objects.requireNonNull(name, "name must not be null"));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns the body exactly as received (after removing any chunked framing).
   *
   * @return a copy of the body's bytes
   */
  public byte[] body() {
    return body.clone();
  }

  /** Returns the body itself, for the server's own reading: never handed to users. */
  byte[] rawBody() {
    return body;
  }

  /**
   * Returns the body's length without copying it.
   *
   * @return the number of bytes in the body
   */
  public int bodySize() {
    return body.length;
  }

  /**
   * Decodes the body as text in the charset its {@code Content-Type} names, UTF-8 if none.
   *
   * @return the text
   * @throws BodyDecodingException when the bytes are not valid in that charset
   */
  public String bodyAsText() {
    Charset charset = BodyText.charsetOf(header("Content-Type").orElse(""));
    try {
      return BodyText.decodeStrictly(body, charset);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new BodyDecodingException(this, "text in " + charset, e);
    }
  }

  /**
   * Parses the body as JSON.
   *
   * @return a new tree of the body, free to modify
   * @throws BodyDecodingException when the body is not JSON
   */
  public JsonNode bodyAsJson() {
    return jsonTree().deepCopy();
  }

  /**
   * Reads the body as JSON into {@code type}.
   *
   * @param type the class to bind to, such as a record
   * @param <T> the type
   * @return the bound value
   * @throws BodyDecodingException when the body is not JSON or does not fit {@code type}
   */
  public <T> T bodyAs(Class<T> type) {
    Objects.requireNonNull(type, "type must not be null");
    try {
      return MAPPER.treeToValue(jsonTree(), type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new BodyDecodingException(this, "JSON as " + type.getName(), e);
    }
  }

  /**
   * Decodes an {@code application/x-www-form-urlencoded} body.
   *
   * @return name to values, in the order they were sent
   * @throws BodyDecodingException when the body is not valid form encoding
   */
  public Map<String, List<String>> form() {
    try {
      return FormDecoding.decodeStrictly(bodyAsText(), BodyText.charsetOf(contentType()));
    } catch (IllegalArgumentException e) {
      throw new BodyDecodingException(this, "a form", e);
    }
  }

  /**
   * Returns the instant the request's body had been read, from the context's clock (virtual under
   * virtual time).
   *
   * @return the arrival time
   */
  public Instant receivedAt() {
    return receivedAt;
  }

  /**
   * Returns the correlation id from the {@code correlation-id} header or, failing that, the trace
   * id of a valid {@code traceparent}.
   *
   * @return the id, if the request carried one
   */
  public Optional<String> correlationId() {
    return Optional.ofNullable(correlationId);
  }

  /**
   * Tells whether the request arrived over HTTPS.
   *
   * @return {@code true} for HTTPS
   */
  public boolean isSecure() {
    return secure;
  }

  /**
   * Returns a variable captured by the path template of the matcher that returned this request,
   * such as {@code id} for {@code /orders/{id}}.
   *
   * @param name the variable's name in the template
   * @return its value, percent-decoded
   * @throws IllegalArgumentException when the template had no such variable
   */
  public String pathVariable(String name) {
    String value = pathVariables.get(Objects.requireNonNull(name, "name must not be null"));
    if (value == null) {
      throw new IllegalArgumentException(
          "name must be a variable of the path template that matched, was '"
              + name
              + "'; captured: "
              + pathVariables.keySet());
    }
    return value;
  }

  /** Returns the parsed body, parsing it once. */
  JsonNode jsonTree() {
    JsonNode tree = json;
    if (tree == null) {
      try {
        tree = MAPPER.readTree(body);
      } catch (java.io.IOException e) {
        throw new BodyDecodingException(this, "JSON", e);
      }
      if (tree == null || tree.isMissingNode()) {
        throw new BodyDecodingException(this, "JSON", null);
      }
      json = tree;
    }
    return tree;
  }

  private String contentType() {
    return header("Content-Type").orElse("");
  }

  /**
   * Describes the request in one line: sequence, method, path and query, body size and arrival.
   *
   * @return such as {@code #3 POST /hook?x=1 (42 bytes) at 2026-01-01T00:00:01Z}
   */
  @Override
  public String toString() {
    return "#"
        + sequence
        + " "
        + method
        + " "
        + path
        + (rawQuery.isEmpty() ? "" : "?" + rawQuery)
        + " ("
        + body.length
        + " bytes) at "
        + receivedAt;
  }
}
