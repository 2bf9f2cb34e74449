package dev.vigil.bus.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.bus.internal.FilterCondition.AnythingBut;
import dev.vigil.bus.internal.FilterCondition.EqualsIgnoreCase;
import dev.vigil.bus.internal.FilterCondition.ExactNumber;
import dev.vigil.bus.internal.FilterCondition.ExactString;
import dev.vigil.bus.internal.FilterCondition.Exists;
import dev.vigil.bus.internal.FilterCondition.Literal;
import dev.vigil.bus.internal.FilterCondition.Prefix;
import dev.vigil.bus.internal.FilterCondition.Suffix;
import dev.vigil.bus.internal.NumericRange.Bound;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the elements of a filter policy key's array into conditions, rejecting what SNS would. */
final class FilterConditionParser {
  /** Operator names; an object using one is an operator, never a nested key or an $or branch. */
  static final Set<String> OPERATORS =
      Set.of(
          "prefix",
          "suffix",
          "equals-ignore-case",
          "anything-but",
          "exists",
          "numeric",
          "cidr",
          "wildcard");

  private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e9");

  private FilterConditionParser() {}

  /** Reads one element of the array of {@code key}. */
  static FilterCondition condition(String key, JsonNode element) {
    if (element.isTextual()) {
      return new ExactString(element.textValue());
    }
    if (element.isNumber()) {
      return new ExactNumber(policyNumber(key, element, element));
    }
    if (element.isBoolean() || element.isNull()) {
      List<FilterValue> literal = new ArrayList<>(1);
      FilterValue.addScalars(element, literal);
      return new Literal(literal.get(0).kind(), literal.get(0).text());
    }
    if (element.isObject()) {
      return operator(key, element);
    }
    throw bad(
        key,
        "unsupported value "
            + element
            + ", expected a string, a number, true, false, null or an operator object");
  }

  private static FilterCondition operator(String key, JsonNode object) {
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
      case "cidr" -> cidr(key, operand, object);
      default -> throw bad(key, "unknown operator '" + field.getKey() + "' in " + object);
    };
  }

  private static FilterCondition exists(String key, JsonNode operand, JsonNode object) {
    if (!operand.isBoolean()) {
      throw bad(key, "exists expects true or false in " + object);
    }
    return new Exists(operand.booleanValue());
  }

  private static FilterCondition cidr(String key, JsonNode operand, JsonNode object) {
    CidrBlock block = CidrBlock.parse(text(key, "cidr", operand, object));
    if (block == null) {
      throw bad(
          key,
          "cidr expects an IPv4 or IPv6 block such as \"10.0.0.0/24\" or \"2001:db8::/32\" in "
              + object);
    }
    return block;
  }

  private static String text(String key, String operator, JsonNode operand, JsonNode object) {
    if (!operand.isTextual()) {
      throw bad(key, operator + " expects a string in " + object);
    }
    return operand.textValue();
  }

  /** Reads what an {@code anything-but} excludes: values, a list of them, a prefix or a suffix. */
  private static List<FilterCondition> excluded(String key, JsonNode operand, JsonNode object) {
    if (operand.isTextual() || operand.isNumber()) {
      return List.of(condition(key, operand));
    }
    if (operand.isArray() && !operand.isEmpty()) {
      List<FilterCondition> excluded = new ArrayList<>();
      for (JsonNode value : operand) {
        if (!value.isTextual() && !value.isNumber()) {
          throw badAnythingBut(key, object);
        }
        excluded.add(condition(key, value));
      }
      return List.copyOf(excluded);
    }
    if (operand.isObject() && operand.size() == 1) {
      JsonNode prefix = operand.path("prefix");
      JsonNode suffix = operand.path("suffix");
      if (prefix.isTextual()) {
        return List.of(new Prefix(prefix.textValue()));
      }
      if (suffix.isTextual()) {
        return List.of(new Suffix(suffix.textValue()));
      }
    }
    throw badAnythingBut(key, object);
  }

  private static IllegalArgumentException badAnythingBut(String key, JsonNode object) {
    return bad(
        key,
        "anything-but expects a string, a number, a non-empty array of them, {\"prefix\": string}"
            + " or {\"suffix\": string} in "
            + object);
  }

  /** Reads {@code [op, n]} or a range {@code [op, n, op, n]} with one lower and one upper bound. */
  private static FilterCondition numeric(String key, JsonNode operand, JsonNode object) {
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

  static IllegalArgumentException bad(String key, String problem) {
    return new IllegalArgumentException("filter policy key '" + key + "': " + problem);
  }
}
