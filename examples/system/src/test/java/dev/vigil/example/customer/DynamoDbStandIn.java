package dev.vigil.example.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for DynamoDB, for tests only: a JDK HTTP server on 127.0.0.1 that speaks DynamoDB's
 * JSON 1.0 protocol for exactly what {@link DynamoDbCustomerRepository} sends — {@code
 * CreateTable}, {@code DescribeTable}, {@code PutItem} with {@code attribute_not_exists}, {@code
 * GetItem}, and {@code UpdateItem} with {@code list_append} under {@code attribute_exists} and
 * {@code NOT contains} — and answers anything else with a {@code ValidationException}. It exists
 * because DynamoDB Local is not open source; the repository's real targets are DynamoDB and
 * LocalStack, where the same requests run unchanged.
 */
final class DynamoDbStandIn implements AutoCloseable {
  private static final String TARGET_PREFIX = "DynamoDB_20120810.";
  private static final String ERROR_PREFIX = "com.amazonaws.dynamodb.v20120810#";
  private static final Pattern LIST_APPEND =
      Pattern.compile("SET (\\w+) = list_append\\(\\1, (:\\w+)\\)");
  private static final Pattern EXISTS = Pattern.compile("attribute_exists\\((\\w+)\\)");
  private static final Pattern NOT_EXISTS = Pattern.compile("attribute_not_exists\\((\\w+)\\)");
  private static final Pattern NOT_CONTAINS = Pattern.compile("NOT contains\\((\\w+), (:\\w+)\\)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Tables by name: each maps an item's key value to the item. */
  private final Map<String, Table> tables = new ConcurrentHashMap<>();

  private final HttpServer server;

  private DynamoDbStandIn(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts the stand-in on a free port of 127.0.0.1.
   *
   * @return the running stand-in
   * @throws IOException when no port can be bound
   */
  static DynamoDbStandIn start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    DynamoDbStandIn standIn = new DynamoDbStandIn(server);
    server.createContext("/", standIn::handle);
    server.start();
    return standIn;
  }

  /** Returns the endpoint to give the SDK's {@code endpointOverride}. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      ObjectNode request = (ObjectNode) JSON.readTree(exchange.getRequestBody());
      try {
        respond(exchange, 200, dispatch(target.substring(TARGET_PREFIX.length()), request));
      } catch (DynamoError e) {
        ObjectNode error = JSON.createObjectNode().put("__type", ERROR_PREFIX + e.type);
        respond(exchange, 400, error.put("message", e.getMessage()));
      }
    } finally {
      exchange.close();
    }
  }

  private ObjectNode dispatch(String operation, ObjectNode request) {
    return switch (operation) {
      case "CreateTable" -> createTable(request);
      case "DescribeTable" -> JSON.createObjectNode().set("Table", table(request).description);
      case "PutItem" -> putItem(request);
      case "GetItem" -> getItem(request);
      case "UpdateItem" -> updateItem(request);
      default -> throw new DynamoError("ValidationException", "not in the stand-in: " + operation);
    };
  }

  private ObjectNode createTable(ObjectNode request) {
    String name = request.get("TableName").asText();
    String key = request.get("KeySchema").get(0).get("AttributeName").asText();
    ObjectNode description =
        JSON.createObjectNode().put("TableName", name).put("TableStatus", "ACTIVE");
    description.set("KeySchema", request.get("KeySchema"));
    description.set("AttributeDefinitions", request.get("AttributeDefinitions"));
    if (tables.putIfAbsent(name, new Table(key, description)) != null) {
      throw new DynamoError("ResourceInUseException", "Table already exists: " + name);
    }
    return JSON.createObjectNode().set("TableDescription", description);
  }

  private ObjectNode putItem(ObjectNode request) {
    Table table = table(request);
    ObjectNode item = (ObjectNode) request.get("Item");
    String key = item.get(table.key).toString();
    synchronized (table) {
      check(request, table.items.get(key));
      table.items.put(key, item);
    }
    return JSON.createObjectNode();
  }

  private ObjectNode getItem(ObjectNode request) {
    Table table = table(request);
    ObjectNode item = table.items.get(request.get("Key").get(table.key).toString());
    ObjectNode response = JSON.createObjectNode();
    return item == null ? response : response.set("Item", item.deepCopy());
  }

  private ObjectNode updateItem(ObjectNode request) {
    Table table = table(request);
    String update = request.get("UpdateExpression").asText();
    Matcher append = LIST_APPEND.matcher(update);
    if (!append.matches()) {
      throw new DynamoError("ValidationException", "update not in the stand-in: " + update);
    }
    String key = request.get("Key").get(table.key).toString();
    synchronized (table) {
      ObjectNode item = table.items.get(key);
      check(request, item);
      if (item == null) {
        throw new DynamoError(
            "ValidationException", "the stand-in does not create items on update");
      }
      ArrayNode list = (ArrayNode) item.get(append.group(1)).get("L");
      list.addAll((ArrayNode) value(request, append.group(2)).get("L"));
    }
    return JSON.createObjectNode();
  }

  /** Evaluates a condition of terms joined by AND; throws when it does not hold. */
  private static void check(ObjectNode request, ObjectNode item) {
    JsonNode condition = request.get("ConditionExpression");
    if (condition == null) {
      return;
    }
    for (String term : condition.asText().split(" AND ")) {
      if (!holds(term.trim(), request, item)) {
        throw new DynamoError("ConditionalCheckFailedException", "The conditional request failed");
      }
    }
  }

  private static boolean holds(String term, ObjectNode request, ObjectNode item) {
    Matcher matcher;
    if ((matcher = EXISTS.matcher(term)).matches()) {
      return item != null && item.has(matcher.group(1));
    }
    if ((matcher = NOT_EXISTS.matcher(term)).matches()) {
      return item == null || !item.has(matcher.group(1));
    }
    if ((matcher = NOT_CONTAINS.matcher(term)).matches()) {
      JsonNode list = item == null ? null : item.get(matcher.group(1));
      JsonNode wanted = value(request, matcher.group(2));
      if (list == null) {
        return true;
      }
      for (JsonNode element : list.get("L")) {
        if (element.equals(wanted)) {
          return false;
        }
      }
      return true;
    }
    throw new DynamoError("ValidationException", "condition not in the stand-in: " + term);
  }

  private static JsonNode value(ObjectNode request, String placeholder) {
    return request.get("ExpressionAttributeValues").get(placeholder);
  }

  private Table table(ObjectNode request) {
    String name = request.get("TableName").asText();
    Table table = tables.get(name);
    if (table == null) {
      throw new DynamoError("ResourceNotFoundException", "Requested resource not found: " + name);
    }
    return table;
  }

  private static void respond(HttpExchange exchange, int status, ObjectNode body)
      throws IOException {
    byte[] json = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
    exchange.sendResponseHeaders(status, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  /** A table: the name of its key attribute, its description and its items by key value. */
  private static final class Table {
    final String key;
    final ObjectNode description;
    final Map<String, ObjectNode> items = new ConcurrentHashMap<>();

    Table(String key, ObjectNode description) {
      this.key = key;
      this.description = description;
    }
  }

  /** A DynamoDB error: its type (after the {@code #}) and message. */
  private static final class DynamoError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String type;

    DynamoError(String type, String message) {
      super(message);
      this.type = type;
    }
  }
}
