package dev.vigil.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An expected value of one field of a JSON document, addressed by a JSON pointer ({@code
 * /order/id}) or a dotted path ({@code order.id}, {@code items[0].sku}) and compared as {@link
 * RequestMatcher#withJsonField} compares it: numbers by value ({@code 99.99} equals {@code
 * 99.990}), everything else as Jackson trees. Assertions on other JSON documents (bus messages, for
 * one) use it to mean the same thing.
 *
 * <pre>{@code
 * JsonField field = JsonField.of("order.id", "o-1");
 * String why = field.mismatch(document);   // null when it holds, else "json order.id was \"o-2\""
 * }</pre>
 *
 * @since 0.1
 */
public final class JsonField {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String path;
  private final JsonPointer pointer;
  private final JsonNode expected;

  private JsonField(String path, JsonPointer pointer, JsonNode expected) {
    this.path = path;
    this.pointer = pointer;
    this.expected = expected;
  }

  /**
   * Checks the path and turns the expected value into a tree.
   *
   * @param path a JSON pointer or a dotted path, not blank
   * @param expected the value, as Jackson would write it; {@code null} expects JSON {@code null}
   * @return the field
   * @throws IllegalArgumentException when the path is blank or malformed, or Jackson cannot
   *     represent the value
   */
  public static JsonField of(String path, @Nullable Object expected) {
    return new JsonField(path, pointerOf(path), MAPPER.valueToTree(expected));
  }

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

  /**
   * Says what is expected.
   *
   * @return such as {@code json order.id = "o-1"}
   */
  public String expectation() {
    return "json " + path + " = " + expected;
  }

  /** Where the field is, for this package's own checks. */
  JsonPointer pointer() {
    return pointer;
  }

  /**
   * Returns the expected value as a tree.
   *
   * @return the tree
   */
  public JsonNode expected() {
    return expected;
  }

  /**
   * Says why {@code document} fails the expectation.
   *
   * @param document the parsed document
   * @return {@code json <path> is missing} or {@code json <path> was <value>}, or {@code null} when
   *     it holds
   */
  public @Nullable String mismatch(JsonNode document) {
    JsonNode actual = document.at(pointer);
    if (actual.isMissingNode()) {
      return "json " + path + " is missing";
    }
    return sameValue(actual, expected) ? null : "json " + path + " was " + actual;
  }

  private static boolean sameValue(JsonNode actual, JsonNode expected) {
    if (actual.isNumber() && expected.isNumber()) {
      return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
    }
    return actual.equals(expected);
  }

  @Override
  public String toString() {
    return expectation();
  }
}
