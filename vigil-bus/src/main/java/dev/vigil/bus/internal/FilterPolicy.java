package dev.vigil.bus.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.bus.Message;
import dev.vigil.bus.Subscription.FilterPolicyScope;
import dev.vigil.bus.internal.FilterExpression.MessageKeys;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An SNS subscription filter policy, applied to the message attributes (SNS's default {@code
 * MessageAttributes} scope) or to the JSON body ({@code MessageBody} scope).
 *
 * <p>A message matches when every key of the policy matches (AND), and a key matches when any
 * element of its array matches (OR); {@code "$or": [{...}, {...}]} matches when one of its branches
 * does. Elements are exact strings, numbers (compared numerically), {@code true}, {@code false},
 * {@code null}, or the operators {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code
 * anything-but} (values, {@code prefix} or {@code suffix}), {@code numeric} ({@code =, <, <=, >,
 * >=} and ranges), {@code exists} and {@code cidr} (IPv4, IPv6). In the body scope, nested objects
 * reach nested keys, and arrays in the body count as their elements.
 *
 * <p>As in SNS: an absent key matches only {@code {"exists": false}}, and that only when the
 * message has at least one key; a {@code String.Array} attribute matches when any element does;
 * {@code Binary} attributes are ignored; a body that is not a JSON object matches no body policy;
 * policies with more than 5 keys on a way through their {@code $or}s, more than 150 value
 * combinations or numbers outside ±10<sup>9</sup> are rejected. Numbers are compared exactly rather
 * than to SNS's five decimal places.
 *
 * <p>The bus keeps attribute values as text without a data type ({@link #matches(Map)}), so text
 * that reads as a number is matched as a number too, and text that is a JSON array as a {@code
 * String.Array}.
 */
public final class FilterPolicy {
  // Duplicate keys would silently drop conditions, and trailing text hides a typo: reject both.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final FilterPolicy ACCEPT_ALL =
      new FilterPolicy("{}", FilterPolicyScope.MESSAGE_ATTRIBUTES, null);

  private final String source;
  private final FilterPolicyScope scope;
  private final @Nullable FilterExpression expression;

  private FilterPolicy(
      String source, FilterPolicyScope scope, @Nullable FilterExpression expression) {
    this.source = source;
    this.scope = scope;
    this.expression = expression;
  }

  /**
   * Parses an SNS filter policy on message attributes.
   *
   * @param json the policy, such as {@code {"color":["red",{"prefix":"bl"}]}}
   * @return the policy
   * @throws IllegalArgumentException when the policy is not one SNS would accept, naming the
   *     offending key and value
   */
  public static FilterPolicy parse(String json) {
    return parse(json, FilterPolicyScope.MESSAGE_ATTRIBUTES);
  }

  /**
   * Parses an SNS filter policy for a scope.
   *
   * @param json the policy; in the {@code MESSAGE_BODY} scope its keys may nest
   * @param scope what the policy looks at
   * @return the policy
   * @throws IllegalArgumentException when the policy is not one SNS would accept in that scope,
   *     naming the offending key and value
   */
  public static FilterPolicy parse(String json, FilterPolicyScope scope) {
    Objects.requireNonNull(json, "filter policy must not be null");
    Objects.requireNonNull(scope, "filter policy scope must not be null");
    JsonNode root = readPolicy(json);
    if (!root.isObject()) {
      throw new IllegalArgumentException("filter policy must be a JSON object, got " + root);
    }
    if (root.isEmpty()) {
      throw new IllegalArgumentException("filter policy must name at least one key, got {}");
    }
    return new FilterPolicy(root.toString(), scope, FilterPolicyParser.parse(root, scope));
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
   * Tells whether a published message passes the policy, looking at its attributes or its body as
   * the policy's scope says.
   *
   * @param message the message as published
   * @return {@code true} when the message matches
   */
  public boolean matches(Message message) {
    return scope == FilterPolicyScope.MESSAGE_BODY
        ? matchesBody(message.body())
        : matches(message.attributes());
  }

  /**
   * Tells whether a message with these attributes, kept as text without a data type, passes a
   * policy of the {@code MESSAGE_ATTRIBUTES} scope.
   *
   * @param attributes the message attributes, by name
   * @return {@code true} when the attributes match
   */
  public boolean matches(Map<String, String> attributes) {
    return expression == null
        || (scope == FilterPolicyScope.MESSAGE_ATTRIBUTES
            && expression.matches(PolicyInputs.untypedAttributes(attributes)));
  }

  /**
   * Tells whether a message with these typed attributes passes a policy of the {@code
   * MESSAGE_ATTRIBUTES} scope, comparing each by its SNS data type.
   *
   * @param attributes the message attributes, by name
   * @return {@code true} when the attributes match
   */
  public boolean matchesTyped(Map<String, MessageAttribute> attributes) {
    return expression == null
        || (scope == FilterPolicyScope.MESSAGE_ATTRIBUTES
            && expression.matches(PolicyInputs.typedAttributes(attributes)));
  }

  /**
   * Tells whether a message body passes a policy of the {@code MESSAGE_BODY} scope.
   *
   * @param body the body; one that is not a JSON object never matches
   * @return {@code true} when the body matches
   */
  public boolean matchesBody(String body) {
    if (expression == null) {
      return true;
    }
    MessageKeys keys = scope == FilterPolicyScope.MESSAGE_BODY ? PolicyInputs.body(body) : null;
    return keys != null && expression.matches(keys);
  }

  /**
   * Returns what the policy looks at.
   *
   * @return the scope
   */
  public FilterPolicyScope scope() {
    return scope;
  }

  /** Returns the policy as compact JSON. */
  @Override
  public String toString() {
    return source;
  }

  private static JsonNode readPolicy(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "filter policy is not valid JSON: " + json + " (" + e.getOriginalMessage() + ")", e);
    }
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException(
          "filter policy is not valid JSON: '" + json + "' is blank");
    }
    return root;
  }
}
