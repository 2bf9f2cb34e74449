package dev.vigil.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.http.internal.WireResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scripted response: status, headers, body and a delay on the context's time source, or a dropped
 * connection. Immutable; each {@code withX} returns a copy.
 *
 * <pre>{@code
 * server.when(RequestMatcher.post("/payments"))
 *     .respond(Response.status(503), Response.status(503), Response.json(200, "{\"ok\":true}"));
 * }</pre>
 *
 * @since 0.1
 */
public final class Response {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Response OK =
      new Response(200, List.of(), new byte[0], Duration.ZERO, false);

  private final int status;
  private final List<Map.Entry<String, String>> headers;
  private final byte[] body;
  private final Duration delay;
  private final boolean drop;

  private Response(
      int status,
      List<Map.Entry<String, String>> headers,
      byte[] body,
      Duration delay,
      boolean drop) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.delay = delay;
    this.drop = drop;
  }

  /**
   * Returns {@code 200 OK} with an empty body: what the server answers when no route matches.
   *
   * @return the response
   */
  public static Response ok() {
    return OK;
  }

  /**
   * Returns a response with {@code status} and an empty body.
   *
   * @param status the status code, 200 to 599
   * @return the response
   */
  public static Response status(int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status must be between 200 and 599, was " + status);
    }
    return new Response(status, List.of(), new byte[0], Duration.ZERO, false);
  }

  /**
   * Returns a response with {@code status} and a JSON body, as given.
   *
   * @param status the status code, 200 to 599
   * @param json the body, sent as UTF-8 with {@code Content-Type: application/json}
   * @return the response
   */
  public static Response json(int status, String json) {
    Objects.requireNonNull(json, "json must not be null");
    return status(status).withHeader("Content-Type", "application/json").withBody(json);
  }

  /**
   * Returns a response with {@code status} and {@code value} serialised as JSON by Jackson.
   *
   * @param status the status code, 200 to 599
   * @param value a map, record or bean
   * @return the response
   */
  public static Response jsonOf(int status, Object value) {
    Objects.requireNonNull(value, "value must not be null");
    try {
      return json(status, MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "value must be serialisable as JSON, was a " + value.getClass().getName(), e);
    }
  }

  /**
   * Returns a response that closes the connection without answering, as a crashed server would.
   *
   * @return the response
   */
  public static Response dropConnection() {
    return new Response(0, List.of(), new byte[0], Duration.ZERO, true);
  }

  /**
   * Returns a copy with one more header field.
   *
   * @param name the field's name
   * @param value its value
   * @return the copy
   */
  public Response withHeader(String name, String value) {
    Objects.requireNonNull(name, "name must not be null");
    Objects.requireNonNull(value, "value must not be null");
    if (name.isBlank() || name.indexOf(':') >= 0 || containsLineBreak(name + value)) {
      throw new IllegalArgumentException(
          "header must be a name without ':' and a value without line breaks, was '"
              + name
              + ": "
              + value
              + "'");
    }
    List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
    copy.add(Map.entry(name, value));
    return new Response(status, List.copyOf(copy), body, delay, drop);
  }

  /**
   * Returns a copy with {@code text} as its body, in UTF-8.
   *
   * @param text the body
   * @return the copy
   */
  public Response withBody(String text) {
    Objects.requireNonNull(text, "text must not be null");
    return withBody(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns a copy with {@code bytes} as its body.
   *
   * @param bytes the body, copied
   * @return the copy
   */
  public Response withBody(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes must not be null");
    return new Response(status, headers, bytes.clone(), delay, drop);
  }

  /**
   * Returns a copy sent only after {@code delay} has passed on the context's time source; under
   * virtual time the sender waits until the test advances the clock that far (a Vigil wait does).
   *
   * @param delay zero or positive
   * @return the copy
   */
  public Response withDelay(Duration delay) {
    Objects.requireNonNull(delay, "delay must not be null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    return new Response(status, headers, body, delay, drop);
  }

  /**
   * Returns the status, 0 for a dropped connection.
   *
   * @return the status code
   */
  public int statusCode() {
    return status;
  }

  /**
   * Returns the delay before the response is sent.
   *
   * @return the delay, zero if none
   */
  public Duration delay() {
    return delay;
  }

  /**
   * Tells whether this response drops the connection.
   *
   * @return {@code true} for {@link #dropConnection()}
   */
  public boolean dropsConnection() {
    return drop;
  }

  WireResponse toWire() {
    return new WireResponse(status, headers, body, drop);
  }

  private static boolean containsLineBreak(String text) {
    return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
  }

  @Override
  public String toString() {
    if (drop) {
      return "drop connection" + (delay.isZero() ? "" : " after " + delay);
    }
    return status
        + (body.length == 0 ? "" : " with " + body.length + " bytes")
        + (delay.isZero() ? "" : " after " + delay);
  }
}
