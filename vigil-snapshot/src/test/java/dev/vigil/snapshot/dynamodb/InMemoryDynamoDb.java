package dev.vigil.snapshot.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.http.RecordedRequest;
import dev.vigil.http.RequestMatcher;
import dev.vigil.http.Response;
import dev.vigil.http.WebhookServer;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal DynamoDB endpoint played by a {@link WebhookServer}: in-memory tables answering the
 * JSON 1.0 protocol of the real AWS SDK for the operations the tests use ({@code CreateTable},
 * {@code DescribeTable}, {@code PutItem}, {@code UpdateItem} with {@code SET a = :v}, {@code
 * DeleteItem} and a paginated {@code Scan}).
 *
 * <p>It exists because DynamoDB Local's licence is the vendor's own terms, not open source. The
 * tests speak to it only through the SDK, so the same test code runs against real DynamoDB or
 * LocalStack by changing the client's endpoint. Like DynamoDB, a scan page that reaches its {@code
 * Limit} carries a {@code LastEvaluatedKey}, even when no item follows; items come in key order.
 */
final class InMemoryDynamoDb {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TARGET_PREFIX = "DynamoDB_20120810.";
  private static final Pattern ASSIGNMENT = Pattern.compile("\\s*([#\\w]+)\\s*=\\s*(:\\w+)\\s*");

  private final Map<String, Table> tables = new HashMap<>();

  private InMemoryDynamoDb() {}

  /** Answers every {@code POST /} on {@code server} as DynamoDB would, from empty tables. */
  static void serveOn(WebhookServer server) {
    server.when(RequestMatcher.post("/")).answer(new InMemoryDynamoDb()::handle);
  }

  private synchronized Response handle(RecordedRequest request) {
    String target = request.header("X-Amz-Target").orElse("");
    JsonNode body = request.bodyAsJson();
    try {
      ObjectNode answer =
          switch (target.replace(TARGET_PREFIX, "")) {
            case "CreateTable" -> createTable(body);
            case "DescribeTable" -> JSON.createObjectNode().set("Table", table(body).describe());
            case "PutItem" -> putItem(body);
            case "UpdateItem" -> updateItem(body);
            case "DeleteItem" -> deleteItem(body);
            case "Scan" -> scan(body);
            default -> throw new DynamoError("UnknownOperationException", "not played: " + target);
          };
      return reply(200, answer);
    } catch (DynamoError error) {
      ObjectNode answer = JSON.createObjectNode();
      answer.put("__type", "com.amazonaws.dynamodb.v20120810#" + error.type);
      answer.put("message", error.getMessage());
      return reply(400, answer);
    }
  }

  private static Response reply(int status, ObjectNode body) {
    return Response.status(status)
        .withHeader("Content-Type", "application/x-amz-json-1.0")
        .withBody(body.toString());
  }

  private ObjectNode createTable(JsonNode body) {
    String name = body.path("TableName").asText();
    if (tables.containsKey(name)) {
      throw new DynamoError("ResourceInUseException", "Table already exists: " + name);
    }
    String hashKey = null;
    String rangeKey = null;
    for (JsonNode key : body.path("KeySchema")) {
      if (key.path("KeyType").asText().equals("HASH")) {
        hashKey = key.path("AttributeName").asText();
      } else {
        rangeKey = key.path("AttributeName").asText();
      }
    }
    if (hashKey == null) {
      throw new DynamoError("ValidationException", "KeySchema has no HASH key for " + name);
    }
    Table table = new Table(name, hashKey, rangeKey);
    tables.put(name, table);
    return JSON.createObjectNode().set("TableDescription", table.describe());
  }

  private ObjectNode putItem(JsonNode body) {
    Table table = table(body);
    JsonNode item = body.path("Item");
    table.items.put(table.keyOf(item), item.deepCopy());
    return JSON.createObjectNode();
  }

  /** Plays {@code SET a = :x, #b = :y}: the only update expression the tests send. */
  private ObjectNode updateItem(JsonNode body) {
    Table table = table(body);
    String key = table.keyOf(body.path("Key"));
    ObjectNode item = table.items.getOrDefault(key, (ObjectNode) body.path("Key").deepCopy());
    String expression = body.path("UpdateExpression").asText();
    if (!expression.regionMatches(true, 0, "SET ", 0, 4)) {
      throw new DynamoError("ValidationException", "only SET is played, was: " + expression);
    }
    for (String assignment : expression.substring(4).split(",", -1)) {
      Matcher matcher = ASSIGNMENT.matcher(assignment);
      if (!matcher.matches()) {
        throw new DynamoError("ValidationException", "only a = :v is played, was: " + assignment);
      }
      String name = matcher.group(1);
      if (name.startsWith("#")) {
        name = body.path("ExpressionAttributeNames").path(name).asText();
      }
      item.set(name, body.path("ExpressionAttributeValues").path(matcher.group(2)).deepCopy());
    }
    table.items.put(key, item);
    return JSON.createObjectNode();
  }

  private ObjectNode deleteItem(JsonNode body) {
    Table table = table(body);
    table.items.remove(table.keyOf(body.path("Key")));
    return JSON.createObjectNode();
  }

  private ObjectNode scan(JsonNode body) {
    Table table = table(body);
    int limit = body.path("Limit").asInt(Integer.MAX_VALUE);
    NavigableMap<String, ObjectNode> rest = table.items;
    if (body.has("ExclusiveStartKey")) {
      rest = rest.tailMap(table.keyOf(body.path("ExclusiveStartKey")), false);
    }
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode items = answer.putArray("Items");
    for (ObjectNode item : rest.values()) {
      if (items.size() == limit) {
        break;
      }
      items.add(item.deepCopy());
    }
    answer.put("Count", items.size()).put("ScannedCount", items.size());
    if (items.size() == limit) {
      answer.set("LastEvaluatedKey", table.keyAttributes(items.get(limit - 1)));
    }
    return answer;
  }

  private Table table(JsonNode body) {
    Table table = tables.get(body.path("TableName").asText());
    if (table == null) {
      throw new DynamoError("ResourceNotFoundException", "Requested resource not found");
    }
    return table;
  }

  /** One table: its key attributes and its items, keyed and ordered by their key's JSON. */
  private record Table(
      String name, String hashKey, String rangeKey, TreeMap<String, ObjectNode> items) {
    Table(String name, String hashKey, String rangeKey) {
      this(name, hashKey, rangeKey, new TreeMap<>());
    }

    String keyOf(JsonNode item) {
      ObjectNode key = keyAttributes(item);
      if (key.size() != (rangeKey == null ? 1 : 2)) {
        throw new DynamoError(
            "ValidationException", "One of the required keys was not given a value: " + item);
      }
      return key.toString();
    }

    ObjectNode keyAttributes(JsonNode item) {
      ObjectNode key = JSON.createObjectNode();
      for (String attribute : new String[] {hashKey, rangeKey}) {
        if (attribute != null && item.has(attribute)) {
          key.set(attribute, item.get(attribute).deepCopy());
        }
      }
      return key;
    }

    ObjectNode describe() {
      ObjectNode description = JSON.createObjectNode();
      description.put("TableName", name).put("TableStatus", "ACTIVE");
      description.put("ItemCount", items.size());
      return description;
    }
  }

  /** An error DynamoDB would answer with status 400 and this {@code __type}. */
  private static final class DynamoError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String type;

    DynamoError(String type, String message) {
      super(message);
      this.type = type;
    }
  }
}
