package dev.vigil.bus.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.bus.internal.FilterExpression.MessageKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What a filter policy looks at in a message: its attributes or its JSON body. */
final class PolicyInputs {
  // Floats as BigDecimal so that 3.015e2 and 301.5 compare equal, as they do in SNS.
  static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private PolicyInputs() {}

  /**
   * Reads attributes kept as text without a data type, as the bus keeps them: text that reads as a
   * number is also a number, and a JSON array is a {@code String.Array}.
   */
  static MessageKeys untypedAttributes(Map<String, String> attributes) {
    Map<String, List<FilterValue>> byName = new HashMap<>();
    attributes.forEach((name, text) -> byName.put(name, untypedValues(text)));
    return attributeKeys(byName);
  }

  /** Reads attributes by their SNS data type; {@code Binary} attributes are left out. */
  static MessageKeys typedAttributes(Map<String, MessageAttribute> attributes) {
    Map<String, List<FilterValue>> byName = new HashMap<>();
    attributes.forEach(
        (name, attribute) -> {
          if (!attribute.isBinary()) {
            byName.put(name, typedValues(attribute));
          }
        });
    return attributeKeys(byName);
  }

  /** Reads a JSON object body, or returns {@code null} when the body is not one. */
  static @Nullable MessageKeys body(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException notJson) {
      return null;
    }
    if (root == null || !root.isObject()) {
      return null;
    }
    return new BodyKeys(root);
  }

  private static MessageKeys attributeKeys(Map<String, List<FilterValue>> byName) {
    return new MessageKeys() {
      @Override
      public @Nullable List<FilterValue> valuesAt(List<String> path) {
        return path.size() == 1 ? byName.get(path.get(0)) : null;
      }

      @Override
      public boolean isEmpty() {
        return byName.isEmpty();
      }
    };
  }

  private static List<FilterValue> untypedValues(String text) {
    List<FilterValue> elements = text.startsWith("[") ? arrayElements(text) : null;
    return elements != null ? elements : List.of(FilterValue.untypedString(text));
  }

  private static List<FilterValue> typedValues(MessageAttribute attribute) {
    if (attribute.isArray()) {
      List<FilterValue> elements = arrayElements(attribute.value());
      return elements == null ? List.of() : elements;
    }
    if (attribute.isNumber()) {
      FilterValue number = FilterValue.number(attribute.value());
      return number == null ? List.of() : List.of(number);
    }
    return List.of(FilterValue.string(attribute.value()));
  }

  /** Reads a JSON array's scalar elements, or returns {@code null} if the text is not one. */
  private static @Nullable List<FilterValue> arrayElements(String text) {
    JsonNode array;
    try {
      array = JSON.readTree(text);
    } catch (JsonProcessingException notAnArray) {
      return null;
    }
    if (array == null || !array.isArray()) {
      return null;
    }
    List<FilterValue> elements = new ArrayList<>();
    FilterValue.addScalars(array, elements);
    return elements;
  }

  /** A body's keys; a path crosses arrays of objects as if each element stood in its place. */
  private record BodyKeys(JsonNode root) implements MessageKeys {
    @Override
    public @Nullable List<FilterValue> valuesAt(List<String> path) {
      List<JsonNode> nodes = List.of(root);
      for (String name : path) {
        List<JsonNode> next = new ArrayList<>();
        nodes.forEach(node -> addFields(node, name, next));
        nodes = next;
      }
      if (nodes.isEmpty()) {
        return null;
      }
      List<FilterValue> values = new ArrayList<>();
      nodes.forEach(node -> FilterValue.addScalars(node, values));
      return values;
    }

    private static void addFields(JsonNode node, String name, List<JsonNode> found) {
      if (node.isArray()) {
        node.forEach(element -> addFields(element, name, found));
      } else if (node.isObject() && node.has(name)) {
        found.add(node.get(name));
      }
    }

    @Override
    public boolean isEmpty() {
      return root.isEmpty();
    }
  }
}
