package dev.vigil.bus.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One value a filter condition looks at: a string, a number, a boolean or null, as a message
 * attribute or a message body holds it.
 *
 * <p>A string may also carry a number: the bus keeps attribute values as text without their SNS
 * data type, so text that reads as a decimal is matched by numeric conditions too.
 *
 * @param kind what the value is
 * @param text the value as text ({@code "null"} for null)
 * @param number the value as a number, or {@code null} when it is not one
 */
record FilterValue(Kind kind, String text, @Nullable BigDecimal number) {

  /** What a value is. */
  enum Kind {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  // JSON's number grammar, loosened to SNS's accepting a leading '+' and bare fractions; stricter
  // than BigDecimal alone, which would also read non-ASCII digits.
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  static FilterValue string(String text) {
    return new FilterValue(Kind.STRING, text, null);
  }

  /** Returns a string that numeric conditions also see as a number when it reads as one. */
  static FilterValue untypedString(String text) {
    return new FilterValue(Kind.STRING, text, decimal(text));
  }

  /** Returns the value of an SNS {@code Number} attribute, or {@code null} if it is not one. */
  static @Nullable FilterValue number(String text) {
    BigDecimal number = decimal(text);
    return number == null ? null : new FilterValue(Kind.NUMBER, text, number);
  }

  /**
   * Adds the scalar values of a JSON node to {@code values}: the node itself, or the elements of an
   * array, flattened. Objects hold no value a condition could match, so they add nothing.
   */
  static void addScalars(JsonNode node, List<FilterValue> values) {
    if (node.isArray()) {
      node.forEach(element -> addScalars(element, values));
    } else if (node.isTextual()) {
      values.add(string(node.textValue()));
    } else if (node.isNumber()) {
      values.add(new FilterValue(Kind.NUMBER, node.asText(), node.decimalValue()));
    } else if (node.isBoolean()) {
      values.add(new FilterValue(Kind.BOOLEAN, node.asText(), null));
    } else if (node.isNull()) {
      values.add(new FilterValue(Kind.NULL, "null", null));
    }
  }

  boolean isString() {
    return kind == Kind.STRING;
  }

  boolean isNull() {
    return kind == Kind.NULL;
  }

  /** Reads text as a decimal number, or returns {@code null} if it is not one. */
  static @Nullable BigDecimal decimal(String text) {
    if (!DECIMAL.matcher(text).matches()) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException exponentOutOfRange) {
      return null;
    }
  }
}
