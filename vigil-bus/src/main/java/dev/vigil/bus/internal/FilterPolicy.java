package dev.vigil.bus.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An SNS subscription filter policy applied to message attributes (SNS's default {@code
 * MessageAttributes} scope).
 *
 * <p>A message matches when every key of the policy matches (AND), and a key matches when any
 * element of its array matches (OR). Elements are exact strings, exact numbers (compared
 * numerically with the attribute's text read as a decimal), {@code null}, or one of the operators
 * {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code anything-but}, {@code exists}
 * and {@code numeric}. An attribute whose text is a JSON array (SNS's {@code String.Array}) matches
 * when any of its elements does.
 *
 * <p>As in SNS: an absent attribute matches only {@code {"exists": false}}, and that only when the
 * message has at least one attribute; {@code anything-but} needs the attribute present; {@code
 * null} matches only a {@code null} element of an array attribute, since attribute values are never
 * null; policies with more than 5 keys, more than 150 value combinations or numbers outside
 * ±10<sup>9</sup> are rejected as SNS rejects them. Numbers are compared exactly rather than to
 * SNS's five decimal places.
 */
public final class FilterPolicy {
  private static final int MAX_KEYS = 5;
  private static final int MAX_COMBINATIONS = 150;
  private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e9");

  // Duplicate keys would silently drop conditions, and trailing text hides a typo: reject both.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  // JSON's number grammar, loosened to SNS's accepting a leading '+' and bare fractions; stricter
  // than BigDecimal alone, which would also read non-ASCII digits.
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static final FilterPolicy ACCEPT_ALL = new FilterPolicy("{}", Map.of());

  private final String source;
  private final Map<String, List<Condition>> conditionsByKey;

  private FilterPolicy(String source, Map<String, List<Condition>> conditionsByKey) {
    this.source = source;
    this.conditionsByKey = conditionsByKey;
  }

  /**
   * Parses an SNS filter policy.
   *
   * @param json the policy, such as {@code {"color":["red",{"prefix":"bl"}]}}
   * @return the policy
   * @throws IllegalArgumentException when the policy is not one SNS would accept, naming the
   *     offending key and value
   */
  public static FilterPolicy parse(String json) {
    Objects.requireNonNull(json, "filter policy must not be null");
    JsonNode root = readPolicy(json);
    if (!root.isObject()) {
      throw new IllegalArgumentException("filter policy must be a JSON object, got " + root);
    }
    if (root.isEmpty()) {
      throw new IllegalArgumentException("filter policy must name at least one attribute, got {}");
    }
    if (root.size() > MAX_KEYS) {
      throw new IllegalArgumentException(
          "filter policy has " + root.size() + " keys, SNS allows at most 5: " + root);
    }
    Map<String, List<Condition>> byKey = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      byKey.put(entry.getKey(), conditions(entry.getKey(), entry.getValue()));
    }
    checkCombinations(byKey, root);
    return new FilterPolicy(root.toString(), Collections.unmodifiableMap(byKey));
  }

  /**
   * Returns the policy of a subscription without one, which matches every message.
   *
   * @return the policy, whose {@link #toString()} is {@code {}}
   */
  public static FilterPolicy acceptAll() {
    return ACCEPT_ALL;
  }

  /**
   * Tells whether a message with these attributes passes the policy.
   *
   * @param attributes the message attributes, by name
   * @return {@code true} when every key of the policy matches
   */
  public boolean matches(Map<String, String> attributes) {
    boolean messageHasAttributes = !attributes.isEmpty();
    for (Map.Entry<String, List<Condition>> entry : conditionsByKey.entrySet()) {
      @Nullable String value = attributes.get(entry.getKey());
      if (!keyMatches(entry.getValue(), value, messageHasAttributes)) {
        return false;
      }
    }
    return true;
  }

  /** Returns the policy as compact JSON. */
  @Override
  public String toString() {
    return source;
  }

  private static boolean keyMatches(
      List<Condition> conditions, @Nullable String value, boolean messageHasAttributes) {
    if (value == null) {
      return conditions.stream().anyMatch(c -> c.matchesAbsent(messageHasAttributes));
    }
    List<@Nullable String> values = attributeValues(value);
    return conditions.stream().anyMatch(c -> c.matchesPresent(values));
  }

  /**
   * Splits a {@code String.Array} attribute into its elements; any other text is one value. Nested
   * arrays and objects are dropped since no condition can match them.
   */
  private static List<@Nullable String> attributeValues(String value) {
    if (!value.startsWith("[")) {
      return List.of(value);
    }
    JsonNode array;
    try {
      array = JSON.readTree(value);
    } catch (JsonProcessingException notAnArray) {
      return List.of(value);
    }
    List<@Nullable String> elements = new ArrayList<>();
    for (JsonNode element : array) {
      if (element.isNull()) {
        elements.add(null);
      } else if (element.isValueNode()) {
        elements.add(element.asText());
      }
    }
    return elements;
  }

  private static JsonNode readPolicy(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "filter policy is not valid JSON: " + json + " (" + e.getOriginalMessage() + ")", e);
    }
    if (root.isMissingNode()) {
      throw new IllegalArgumentException(
          "filter policy is not valid JSON: '" + json + "' is blank");
    }
    return root;
  }

  private static List<Condition> conditions(String key, JsonNode values) {
    if (!values.isArray() || values.isEmpty()) {
      throw bad(key, "expected a non-empty array of values, got " + values);
    }
    List<Condition> conditions = new ArrayList<>();
    for (JsonNode element : values) {
      conditions.add(condition(key, element));
    }
    return List.copyOf(conditions);
  }

  private static Condition condition(String key, JsonNode element) {
    if (element.isTextual()) {
      return new ExactString(element.textValue());
    }
    if (element.isNumber()) {
      return new ExactNumber(policyNumber(key, element, element));
    }
    if (element.isNull()) {
      return new NullLiteral();
    }
    if (element.isObject()) {
      return operator(key, element);
    }
    throw bad(
        key,
        "unsupported value "
            + element
            + ", expected a string, a number, null or an operator object");
  }

  private static Condition operator(String key, JsonNode object) {
    if (object.size() != 1) {
      throw bad(key, "an operator object needs exactly one field, got " + object);
    }
    Map.Entry<String, JsonNode> field = object.properties().iterator().next();
    JsonNode operand = field.getValue();
    return switch (field.getKey()) {
      case "prefix" -> new Prefix(text(key, "prefix", operand, object));
      case "suffix" -> new Suffix(text(key, "suffix", operand, object));
      case "equals-ignore-case" ->
          new EqualsIgnoreCase(text(key, "equals-ignore-case", operand, object));
      case "anything-but" -> new AnythingBut(excluded(key, operand, object));
      case "exists" -> exists(key, operand, object);
      case "numeric" -> numeric(key, operand, object);
      default -> throw bad(key, "unknown operator '" + field.getKey() + "' in " + object);
    };
  }

  private static Condition exists(String key, JsonNode operand, JsonNode object) {
    if (!operand.isBoolean()) {
      throw bad(key, "exists expects true or false in " + object);
    }
    return new Exists(operand.booleanValue());
  }

  private static String text(String key, String operator, JsonNode operand, JsonNode object) {
    if (!operand.isTextual()) {
      throw bad(key, operator + " expects a string in " + object);
    }
    return operand.textValue();
  }

  /** Reads what an {@code anything-but} excludes: values, a list of them, or a prefix. */
  private static List<Condition> excluded(String key, JsonNode operand, JsonNode object) {
    if (operand.isTextual() || operand.isNumber()) {
      return List.of(condition(key, operand));
    }
    if (operand.isArray() && !operand.isEmpty()) {
      List<Condition> excluded = new ArrayList<>();
      for (JsonNode value : operand) {
        if (!value.isTextual() && !value.isNumber()) {
          throw badAnythingBut(key, object);
        }
        excluded.add(condition(key, value));
      }
      return List.copyOf(excluded);
    }
    @Nullable JsonNode prefix =
        operand.isObject() && operand.size() == 1 ? operand.get("prefix") : null;
    if (prefix != null && prefix.isTextual()) {
      return List.of(new Prefix(prefix.textValue()));
    }
    throw badAnythingBut(key, object);
  }

  private static IllegalArgumentException badAnythingBut(String key, JsonNode object) {
    return bad(
        key,
        "anything-but expects a string, a number, a non-empty array of them or {\"prefix\":"
            + " string} in "
            + object);
  }

  /** Reads {@code [op, n]} or a range {@code [op, n, op, n]} with one lower and one upper bound. */
  private static Condition numeric(String key, JsonNode operand, JsonNode object) {
    if (!operand.isArray() || (operand.size() != 2 && operand.size() != 4)) {
      throw bad(
          key,
          "numeric expects [operator, number] or [operator, number, operator, number] in "
              + object);
    }
    Bound lower = null;
    Bound upper = null;
    for (int i = 0; i < operand.size(); i += 2) {
      JsonNode op = operand.get(i);
      String symbol = op.isTextual() ? op.textValue() : op.toString();
      boolean isLower = symbol.equals(">") || symbol.equals(">=");
      boolean isUpper = symbol.equals("<") || symbol.equals("<=");
      if (!isLower && !isUpper && !symbol.equals("=")) {
        throw bad(key, "unknown numeric operator " + op + " in " + object);
      }
      BigDecimal number = numericOperand(key, symbol, operand.get(i + 1), object);
      if (symbol.equals("=") && operand.size() == 2) {
        return new NumericRange(new Bound(number, true), new Bound(number, true));
      }
      if (symbol.equals("=") || (isLower && lower != null) || (isUpper && upper != null)) {
        throw bad(
            key,
            "a numeric range needs one lower bound (> or >=) and one upper bound (< or <=) in "
                + object);
      }
      Bound bound = new Bound(number, symbol.endsWith("="));
      if (isLower) {
        lower = bound;
      } else {
        upper = bound;
      }
    }
    NumericRange range = new NumericRange(lower, upper);
    if (range.isEmpty()) {
      throw bad(key, "the numeric range matches no number in " + object);
    }
    return range;
  }

  private static BigDecimal numericOperand(
      String key, String symbol, JsonNode operand, JsonNode object) {
    if (!operand.isNumber()) {
      throw bad(
          key,
          "numeric operator '" + symbol + "' expects a number, got " + operand + " in " + object);
    }
    return policyNumber(key, operand, object);
  }

  private static BigDecimal policyNumber(String key, JsonNode number, JsonNode where) {
    BigDecimal value = number.decimalValue();
    if (value.abs().compareTo(MAX_MAGNITUDE) > 0) {
      throw bad(
          key, "number " + number + " is outside -1e9..1e9, the range SNS accepts, in " + where);
    }
    return value;
  }

  /** SNS bounds a policy's complexity by the product of its arrays' sizes. */
  private static void checkCombinations(Map<String, List<Condition>> byKey, JsonNode root) {
    long combinations = 1;
    for (List<Condition> conditions : byKey.values()) {
      combinations *= conditions.size();
    }
    if (combinations > MAX_COMBINATIONS) {
      throw new IllegalArgumentException(
          "filter policy combines "
              + combinations
              + " values (the product of its arrays' sizes), SNS allows at most 150: "
              + root);
    }
  }

  private static IllegalArgumentException bad(String key, String problem) {
    return new IllegalArgumentException("filter policy key '" + key + "': " + problem);
  }

  /** Reads an attribute value as a decimal number, or returns {@code null} if it is not one. */
  private static @Nullable BigDecimal decimal(@Nullable String text) {
    if (text == null || !DECIMAL.matcher(text).matches()) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException exponentOutOfRange) {
      return null;
    }
  }

  /** One element of a key's array. */
  private interface Condition {
    /** Whether any of a present attribute's values satisfies the condition. */
    default boolean matchesPresent(List<@Nullable String> values) {
      return values.stream().anyMatch(this::matchesValue);
    }

    /** Whether an absent attribute satisfies the condition: for all but exists:false, no. */
    default boolean matchesAbsent(boolean messageHasAttributes) {
      return false;
    }

    boolean matchesValue(@Nullable String value);
  }

  private record ExactString(String expected) implements Condition {
    @Override
    public boolean matchesValue(@Nullable String value) {
      return expected.equals(value);
    }
  }

  private record ExactNumber(BigDecimal expected) implements Condition {
    @Override
    public boolean matchesValue(@Nullable String value) {
      BigDecimal number = decimal(value);
      return number != null && number.compareTo(expected) == 0;
    }
  }

  private record NullLiteral() implements Condition {
    @Override
    public boolean matchesValue(@Nullable String value) {
      return value == null;
    }
  }

  private record Prefix(String prefix) implements Condition {
    @Override
    public boolean matchesValue(@Nullable String value) {
      return value != null && value.startsWith(prefix);
    }
  }

  private record Suffix(String suffix) implements Condition {
    @Override
    public boolean matchesValue(@Nullable String value) {
      return value != null && value.endsWith(suffix);
    }
  }

  private record EqualsIgnoreCase(String expected) implements Condition {
    @Override
    public boolean matchesValue(@Nullable String value) {
      return value != null
          && value.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
    }
  }

  private record AnythingBut(List<Condition> excluded) implements Condition {
    @Override
    public boolean matchesValue(@Nullable String value) {
      return value != null && excluded.stream().noneMatch(c -> c.matchesValue(value));
    }
  }

  private record Exists(boolean expected) implements Condition {
    @Override
    public boolean matchesPresent(List<@Nullable String> values) {
      return expected;
    }

    @Override
    public boolean matchesAbsent(boolean messageHasAttributes) {
      // SNS: exists:false never matches a message without any attribute at all.
      return !expected && messageHasAttributes;
    }

    @Override
    public boolean matchesValue(@Nullable String value) {
      return expected;
    }
  }

  private record Bound(BigDecimal value, boolean inclusive) {}

  private record NumericRange(@Nullable Bound lower, @Nullable Bound upper) implements Condition {
    @Override
    public boolean matchesValue(@Nullable String value) {
      BigDecimal number = decimal(value);
      return number != null && aboveLower(number) && belowUpper(number);
    }

    private boolean aboveLower(BigDecimal number) {
      if (lower == null) {
        return true;
      }
      int order = number.compareTo(lower.value());
      return order > 0 || (order == 0 && lower.inclusive());
    }

    private boolean belowUpper(BigDecimal number) {
      if (upper == null) {
        return true;
      }
      int order = number.compareTo(upper.value());
      return order < 0 || (order == 0 && upper.inclusive());
    }

    boolean isEmpty() {
      if (lower == null || upper == null) {
        return false;
      }
      int order = lower.value().compareTo(upper.value());
      return order > 0 || (order == 0 && !(lower.inclusive() && upper.inclusive()));
    }
  }
}
