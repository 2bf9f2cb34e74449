package dev.vigil.snapshot.dynamodb;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a user writes to snapshot a DynamoDB table: scan it through the SDK's paginator and turn
 * each item's {@link AttributeValue}s into plain Java values, so that a diff compares and shows
 * values ({@code quantity: 100 -> 97}) rather than SDK objects.
 */
final class DynamoItems {
  private DynamoItems() {}

  /** Reads every item of {@code table}, page by page, {@code pageSize} items a page. */
  static List<Map<String, Object>> scanAll(DynamoDbClient client, String table, int pageSize) {
    List<Map<String, Object>> items = new ArrayList<>();
    client
        .scanPaginator(scan -> scan.tableName(table).limit(pageSize).consistentRead(true))
        .items()
        .forEach(item -> items.add(plain(item)));
    return items;
  }

  /** An item as attribute name to plain value, names in alphabetical order. */
  static Map<String, Object> plain(Map<String, AttributeValue> item) {
    Map<String, Object> fields = new TreeMap<>();
    item.forEach((name, value) -> fields.put(name, plain(value)));
    return fields;
  }

  /**
   * A plain value: a {@code String}, a {@code Long} for a whole number, a {@code BigDecimal}
   * otherwise, a {@code Boolean}, {@code null}, bytes, sets, and maps and lists of these.
   */
  static Object plain(AttributeValue value) {
    return switch (value.type()) {
      case S -> value.s();
      case N -> number(value.n());
      case BOOL -> value.bool();
      case NUL -> null;
      case B -> value.b().asByteArray();
      case SS -> new TreeSet<>(value.ss());
      case NS -> numbers(value.ns());
      case M -> plain(value.m());
      case L -> value.l().stream().map(DynamoItems::plain).toList();
      default ->
          throw new IllegalArgumentException(
              "value must be S, N, BOOL, NULL, B, SS, NS, M or L, was " + value);
    };
  }

  private static Object number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException notWhole) {
      return new BigDecimal(text).stripTrailingZeros();
    }
  }

  private static Set<Object> numbers(List<String> texts) {
    Set<Object> numbers = new HashSet<>();
    texts.forEach(text -> numbers.add(number(text)));
    return numbers;
  }
}
