package dev.vigil.bus.internal;

import java.util.Objects;

/**
 * A message attribute with its SNS data type, such as {@code String}, {@code Number} or {@code
 * String.Array}; SNS lets a custom suffix follow the type ({@code Number.float}).
 *
 * @param dataType the SNS data type
 * @param value the value as text; a JSON array for {@code String.Array}
 */
public record MessageAttribute(String dataType, String value) {

  /** Checks that neither part is null. */
  public MessageAttribute {
    Objects.requireNonNull(dataType, "dataType must not be null");
    Objects.requireNonNull(value, "value must not be null");
  }

  /** Tells whether filter policies ignore the attribute, as SNS ignores {@code Binary} ones. */
  boolean isBinary() {
    return dataType.equals("Binary") || dataType.startsWith("Binary.");
  }

  /** Tells whether the value is a JSON array of values. */
  boolean isArray() {
    return dataType.equals("String.Array") || dataType.equals("Number.Array");
  }

  /** Tells whether the value is a number. */
  boolean isNumber() {
    return dataType.equals("Number") || dataType.startsWith("Number.");
  }
}
