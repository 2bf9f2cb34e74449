package dev.vigil.bus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.bus.Subscription.FilterPolicyScope;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Policy × message → match or not, row by row from the examples of AWS's SNS developer guide
 * (message filtering, filter policy constraints, string and numeric value matching, key matching,
 * AND/OR logic, filter policy scope), kept in {@code sns-filter-conformance.json}.
 */
class FilterPolicyConformanceTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final String TABLE = "sns-filter-conformance.json";

  /** One row: a policy in a scope, a message, and whether SNS delivers it. */
  record Row(
      String doc, FilterPolicyScope scope, JsonNode policy, JsonNode message, boolean match) {
    @Override
    public String toString() {
      return (match ? "matches " : "misses ")
          + doc
          + " | "
          + scope
          + " "
          + policy
          + " | "
          + message;
    }
  }

  /** A policy SNS refuses, and a fragment of the reason our error must give. */
  record Rejection(String doc, FilterPolicyScope scope, JsonNode policy, String reason) {
    @Override
    public String toString() {
      return doc + " | " + policy;
    }
  }

  static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (JsonNode group : table()) {
      FilterPolicyScope scope = scope(group);
      group.path("matches").forEach(m -> rows.add(row(group, scope, m, true)));
      group.path("misses").forEach(m -> rows.add(row(group, scope, m, false)));
    }
    return rows;
  }

  static Stream<Rejection> rejections() throws IOException {
    List<Rejection> rejections = new ArrayList<>();
    for (JsonNode group : table()) {
      if (group.has("rejects")) {
        rejections.add(
            new Rejection(
                group.get("doc").asText(),
                scope(group),
                group.get("policy"),
                group.get("rejects").asText()));
      }
    }
    return rejections.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void a_policy_matches_exactly_the_messages_sns_delivers(Row row) {
    assertThat(matches(row)).as(row.toString()).isEqualTo(row.match());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void a_policy_sns_refuses_is_rejected_with_its_reason(Rejection rejection) {
    assertThatThrownBy(() -> FilterPolicy.parse(rejection.policy().toString(), rejection.scope()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(rejection.reason());
  }

  @Test
  void the_table_covers_both_scopes_with_more_than_sixty_rows() throws IOException {
    List<Row> rows = rows();

    assertThat(rows).hasSizeGreaterThan(60);
    assertThat(rows).extracting(Row::scope).contains(FilterPolicyScope.values());
    assertThat(rows).extracting(Row::match).contains(true, false);
  }

  static boolean matches(Row row) {
    FilterPolicy policy = FilterPolicy.parse(row.policy().toString(), row.scope());
    if (row.scope() == FilterPolicyScope.MESSAGE_BODY) {
      return policy.matchesBody(body(row.message()));
    }
    return policy.matchesTyped(attributes(row.message()));
  }

  /** A body row is a JSON value, or a string holding a body that is not JSON. */
  static String body(JsonNode message) {
    return message.isTextual() ? message.textValue() : message.toString();
  }

  static Map<String, MessageAttribute> attributes(JsonNode message) {
    Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
    message
        .properties()
        .forEach(
            e ->
                attributes.put(
                    e.getKey(),
                    new MessageAttribute(
                        e.getValue().get("Type").asText(), e.getValue().get("Value").asText())));
    return attributes;
  }

  private static Row row(JsonNode group, FilterPolicyScope scope, JsonNode message, boolean match) {
    return new Row(group.get("doc").asText(), scope, group.get("policy"), message, match);
  }

  private static FilterPolicyScope scope(JsonNode group) {
    return switch (group.get("scope").asText()) {
      case "MessageAttributes" -> FilterPolicyScope.MESSAGE_ATTRIBUTES;
      case "MessageBody" -> FilterPolicyScope.MESSAGE_BODY;
      default -> throw new IllegalStateException("unknown scope in " + group);
    };
  }

  private static JsonNode table() throws IOException {
    try (InputStream in = FilterPolicyConformanceTest.class.getResourceAsStream(TABLE)) {
      if (in == null) {
        throw new IllegalStateException(TABLE + " is missing from the test resources");
      }
      return JSON.readTree(in);
    }
  }
}
