package dev.vigil.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Compares one field of a JSON body with an expected value: numbers by value ({@code 99.99} equals
 * {@code 99.990}), everything else as Jackson trees.
 */
final class JsonFieldCheck {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String path;
  private final JsonPointer pointer;
  private final JsonNode expected;

  JsonFieldCheck(String path, @Nullable Object expected) {
    this.path = path;
    this.pointer = pointerOf(path);
    this.expected = MAPPER.valueToTree(expected);
  }

  /**
   * Accepts a JSON pointer ({@code /order/id}) or a dotted path ({@code order.id}, {@code a[0]}).
   */
  private static JsonPointer pointerOf(String path) {
    Objects.requireNonNull(path, "path must not be null");
    if (path.isBlank()) {
      throw new IllegalArgumentException("path must not be blank, was '" + path + "'");
    }
    String pointer =
        path.startsWith("/")
            ? path
            : "/" + path.replace("[", ".").replace("]", "").replace('.', '/');
    try {
      return JsonPointer.compile(pointer);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "path must be a JSON pointer or a dotted path, was '" + path + "'", e);
    }
  }

  /** Returns why the request does not match, or {@code null} when it does. */
  @Nullable String mismatch(RecordedRequest request) {
    if (request.bodySize() == 0) {
      return "body is empty";
    }
    JsonNode body;
    try {
      body = request.jsonTree();
    } catch (BodyDecodingException e) {
      return "body is not JSON";
    }
    JsonNode actual = body.at(pointer);
    if (actual.isMissingNode()) {
      return "json " + path + " is missing";
    }
    if (sameValue(actual, expected)) {
      return null;
    }
    return "json " + path + " was " + actual + ", expected " + expected;
  }

  private static boolean sameValue(JsonNode actual, JsonNode expected) {
    if (actual.isNumber() && expected.isNumber()) {
      return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
    }
    return actual.equals(expected);
  }

  @Override
  public String toString() {
    return "json " + path + " = " + expected;
  }
}
