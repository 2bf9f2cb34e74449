package dev.vigil.bus.internal;

import static dev.vigil.bus.internal.FilterConditionParser.bad;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.bus.Subscription.FilterPolicyScope;
import dev.vigil.bus.internal.FilterExpression.KeyTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a filter policy's JSON object into a {@link FilterExpression}: keys, nested keys (in the
 * {@code MessageBody} scope) and {@code $or}, then enforces SNS's limits on keys and combinations.
 */
final class FilterPolicyParser {
  private static final int MAX_KEYS = 5;
  private static final int MAX_COMBINATIONS = 150;

  private final FilterPolicyScope scope;

  private FilterPolicyParser(FilterPolicyScope scope) {
    this.scope = scope;
  }

  /** Reads a non-empty policy object and checks SNS's limits. */
  static FilterExpression parse(JsonNode root, FilterPolicyScope scope) {
    FilterExpression expression = new FilterPolicyParser(scope).object(root, List.of());
    checkLimits(expression, root);
    return expression;
  }

  private FilterExpression object(JsonNode object, List<String> path) {
    List<KeyTest> keys = new ArrayList<>();
    List<List<FilterExpression>> anyOf = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      List<String> keyPath = append(path, field.getKey());
      JsonNode value = field.getValue();
      if (isOr(field.getKey(), value)) {
        anyOf.add(branches(value, path));
      } else if (value.isObject() && !value.isEmpty()) {
        nested(keyPath, value, keys, anyOf);
      } else {
        keys.add(new KeyTest(keyPath, conditions(keyPath, value)));
      }
    }
    return new FilterExpression(List.copyOf(keys), List.copyOf(anyOf));
  }

  private void nested(
      List<String> path, JsonNode value, List<KeyTest> keys, List<List<FilterExpression>> anyOf) {
    if (scope != FilterPolicyScope.MESSAGE_BODY) {
      throw bad(
          String.join(".", path),
          "nested keys need the MessageBody filter policy scope, got " + value);
    }
    FilterExpression inner = object(value, path);
    keys.addAll(inner.keys());
    anyOf.addAll(inner.anyOf());
  }

  private List<FilterExpression> branches(JsonNode array, List<String> path) {
    List<FilterExpression> branches = new ArrayList<>();
    for (JsonNode branch : array) {
      if (branch.isEmpty()) {
        throw bad(String.join(".", append(path, "$or")), "a branch names no key in " + array);
      }
      branches.add(object(branch, path));
    }
    return List.copyOf(branches);
  }

  /**
   * SNS reads {@code "$or"} as OR only when it holds an array of at least two objects none of which
   * uses an operator name; otherwise it is an ordinary key.
   */
  private static boolean isOr(String name, JsonNode value) {
    if (!name.equals("$or") || !value.isArray() || value.size() < 2) {
      return false;
    }
    for (JsonNode branch : value) {
      if (!branch.isObject()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : branch.properties()) {
        if (FilterConditionParser.OPERATORS.contains(field.getKey())) {
          return false;
        }
      }
    }
    return true;
  }

  private List<FilterCondition> conditions(List<String> path, JsonNode values) {
    String key = String.join(".", path);
    if (!values.isArray() || values.isEmpty()) {
      String expected =
          scope == FilterPolicyScope.MESSAGE_BODY
              ? "a non-empty array of values or a nested object"
              : "a non-empty array of values";
      throw bad(key, "expected " + expected + ", got " + values);
    }
    List<FilterCondition> conditions = new ArrayList<>();
    for (JsonNode element : values) {
      conditions.add(FilterConditionParser.condition(key, element));
    }
    return List.copyOf(conditions);
  }

  private static List<String> append(List<String> path, String name) {
    List<String> longer = new ArrayList<>(path);
    longer.add(name);
    return List.copyOf(longer);
  }

  // ---- SNS's limits

  /** One way through the policy's {@code $or}s: its leaf keys and their arrays' product. */
  private record Branch(int keys, long combinations) {}

  /**
   * Checks at most 5 keys on every way through the policy and at most 150 combinations: the product
   * of the arrays' sizes, summed over the ways through its {@code $or}s.
   */
  private static void checkLimits(FilterExpression expression, JsonNode root) {
    List<Branch> branches = branches(expression);
    boolean hasOr = !expression.anyOf().isEmpty();
    int keys = branches.stream().mapToInt(Branch::keys).max().orElse(0);
    if (keys > MAX_KEYS) {
      throw new IllegalArgumentException(
          "filter policy has "
              + keys
              + " keys"
              + (hasOr ? " in one branch of its $or" : "")
              + ", SNS allows at most 5: "
              + root);
    }
    long combinations = branches.stream().mapToLong(Branch::combinations).sum();
    if (combinations > MAX_COMBINATIONS) {
      throw new IllegalArgumentException(
          "filter policy has "
              + combinations
              + " combinations of values ("
              + (hasOr
                  ? "the product of its arrays' sizes, summed over the branches of its $or"
                  : "the product of its arrays' sizes")
              + "), SNS allows at most 150: "
              + root);
    }
  }

  private static List<Branch> branches(FilterExpression expression) {
    long product = 1;
    for (KeyTest key : expression.keys()) {
      product = Math.min(product * key.conditions().size(), Integer.MAX_VALUE);
    }
    List<Branch> ways = List.of(new Branch(expression.keys().size(), product));
    for (List<FilterExpression> alternatives : expression.anyOf()) {
      List<Branch> longer = new ArrayList<>();
      for (Branch way : ways) {
        for (FilterExpression alternative : alternatives) {
          for (Branch rest : branches(alternative)) {
            longer.add(
                new Branch(
                    way.keys() + rest.keys(),
                    Math.min(way.combinations() * rest.combinations(), Integer.MAX_VALUE)));
          }
        }
      }
      ways = longer;
      // Every way counts at least one combination: past the limit, more ways change nothing.
      if (ways.size() > MAX_COMBINATIONS) {
        break;
      }
    }
    return ways;
  }
}
