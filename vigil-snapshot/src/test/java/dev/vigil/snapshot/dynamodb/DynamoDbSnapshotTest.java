package dev.vigil.snapshot.dynamodb;

import static dev.vigil.snapshot.dynamodb.DynamoItems.scanAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.http.RecordedRequest;
import dev.vigil.http.RequestMatcher;
import dev.vigil.http.WebhookServer;
import dev.vigil.snapshot.Baseline;
import dev.vigil.snapshot.Diff;
import dev.vigil.snapshot.FieldChange;
import dev.vigil.snapshot.RowChange;
import dev.vigil.snapshot.Snapshot;
import dev.vigil.snapshot.Snapshots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * A store without JDBC snapshotted through the generic form, keyed by its primary key: a DynamoDB
 * table scanned through the AWS SDK. The client talks to {@link InMemoryDynamoDb}; pointed at real
 * DynamoDB or LocalStack instead, the same tests run unchanged.
 */
class DynamoDbSnapshotTest {
  private static final int PAGE_SIZE = 2;
  private static final RequestMatcher SCANS =
      RequestMatcher.post("/").withHeader("X-Amz-Target", "DynamoDB_20120810.Scan");

  // Real time: the SDK's own timeouts and the HTTP exchanges run on the wall clock.
  private final Vigil vigil = Vigil.create();
  private final WebhookServer endpoint = WebhookServer.start(vigil);
  private final DynamoDbClient client =
      DynamoDbClient.builder()
          .endpointOverride(endpoint.uri("/"))
          .region(Region.US_EAST_1)
          .credentialsProvider(
              StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
          .httpClient(UrlConnectionHttpClient.create())
          .build();
  private final Snapshots snapshots = Snapshots.of(vigil);

  @BeforeEach
  void startDynamoDb() {
    InMemoryDynamoDb.serveOn(endpoint);
  }

  @AfterEach
  void close() {
    client.close();
    endpoint.close();
    vigil.close();
  }

  @Test
  void a_wait_returns_the_updated_inserted_and_deleted_items_with_their_fields() {
    createInventory(100, 50, 20, 10, 5);
    Baseline<Snapshot> inventory =
        snapshots.take(
            "inventory", () -> scanAll(client, "inventory", PAGE_SIZE), item -> item.get("sku"));

    vigil.scheduler().execute(this::sellThreeRestockSixDropFour); // the code under test

    Diff diff = inventory.awaitChange().matching(d -> d.size() == 3).within(Duration.ofSeconds(10));

    assertThat(diff.summary()).isEqualTo("inventory: 1 updated, 1 inserted, 1 deleted");
    RowChange sold = diff.row("sku-1").orElseThrow();
    assertThat(sold.kind()).isEqualTo(RowChange.Kind.UPDATED);
    // The nested list and the flag read anew by every scan compare by value: only quantity moved.
    assertThat(sold.changes()).containsExactly(new FieldChange("quantity", 100L, 97L));
    assertThat(sold.changes().get(0)).hasToString("quantity: 100 -> 97");
    assertThat(diff.inserted())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.key()).isEqualTo("sku-6");
              assertThat(row.after()).isEqualTo(item("sku-6", 40));
            });
    assertThat(diff.deleted())
        .singleElement()
        .satisfies(row -> assertThat(row.before()).isEqualTo(item("sku-4", 10)));
  }

  @Test
  void the_snapshot_reads_every_page_of_the_scan() {
    createInventory(100, 50, 20, 10, 5);

    Baseline<Snapshot> inventory =
        snapshots.take(
            "inventory", () -> scanAll(client, "inventory", PAGE_SIZE), item -> item.get("sku"));

    assertThat(inventory.snapshot().rows())
        .containsOnlyKeys("sku-1", "sku-2", "sku-3", "sku-4", "sku-5");
    // Five items two a page: the second and third scans start after the last key of the one before.
    assertThat(endpoint.requests(SCANS))
        .extracting(DynamoDbSnapshotTest::exclusiveStartSku)
        .containsExactly("", "sku-2", "sku-4");
  }

  @Test
  void a_change_on_the_last_page_shows_in_the_diff() {
    createInventory(100, 50, 20, 10, 5);
    Baseline<Snapshot> inventory =
        snapshots.take(
            "inventory", () -> scanAll(client, "inventory", PAGE_SIZE), item -> item.get("sku"));

    setQuantity("sku-5", 0);

    assertThat(inventory.diffToNow())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.key()).isEqualTo("sku-5");
              assertThat(row.changes()).containsExactly(new FieldChange("quantity", 5L, 0L));
            });
  }

  @Test
  void a_composite_primary_key_keys_each_item_by_partition_and_sort_key() {
    createTable("orders", "customer", ScalarAttributeType.S, "orderId", ScalarAttributeType.N);
    putOrder("alice", 1, "NEW");
    putOrder("alice", 2, "NEW");
    putOrder("bob", 1, "NEW");
    Baseline<Snapshot> orders =
        snapshots.take(
            "orders",
            () -> scanAll(client, "orders", PAGE_SIZE),
            item -> List.of(item.get("customer"), item.get("orderId")));

    vigil
        .scheduler()
        .execute(
            () -> {
              client.updateItem(
                  update ->
                      update
                          .tableName("orders")
                          .key(Map.of("customer", s("bob"), "orderId", n(1)))
                          .updateExpression("SET #status = :status")
                          .expressionAttributeNames(Map.of("#status", "status"))
                          .expressionAttributeValues(Map.of(":status", s("SHIPPED"))));
              putOrder("alice", 3, "NEW");
            });

    Diff diff = orders.awaitChange().matching(d -> d.size() == 2).within(Duration.ofSeconds(10));

    assertThat(orders.size()).isEqualTo(3);
    assertThat(diff.row(List.of("bob", 1L)).orElseThrow().changes())
        .containsExactly(new FieldChange("status", "NEW", "SHIPPED"));
    assertThat(diff.row(List.of("alice", 3L)).orElseThrow().kind())
        .isEqualTo(RowChange.Kind.INSERTED);
    assertThat(diff.row(List.of("alice", 1L))).isEmpty();
  }

  private void sellThreeRestockSixDropFour() {
    setQuantity("sku-1", 97);
    client.putItem(put -> put.tableName("inventory").item(attributes("sku-6", 40)));
    client.deleteItem(delete -> delete.tableName("inventory").key(Map.of("sku", s("sku-4"))));
  }

  private void setQuantity(String sku, int quantity) {
    client.updateItem(
        update ->
            update
                .tableName("inventory")
                .key(Map.of("sku", s(sku)))
                .updateExpression("SET quantity = :q")
                .expressionAttributeValues(Map.of(":q", n(quantity))));
  }

  /** Items sku-1, sku-2, … with these quantities. */
  private void createInventory(int... quantities) {
    createTable("inventory", "sku", ScalarAttributeType.S, null, null);
    for (int i = 0; i < quantities.length; i++) {
      Map<String, AttributeValue> item = attributes("sku-" + (i + 1), quantities[i]);
      client.putItem(put -> put.tableName("inventory").item(item));
    }
  }

  private void putOrder(String customer, int orderId, String status) {
    client.putItem(
        put ->
            put.tableName("orders")
                .item(Map.of("customer", s(customer), "orderId", n(orderId), "status", s(status))));
  }

  private static Map<String, AttributeValue> attributes(String sku, int quantity) {
    return Map.of(
        "sku", s(sku),
        "quantity", n(quantity),
        "tags", AttributeValue.fromL(List.of(s("fragile"), s("boxed"))),
        "active", AttributeValue.fromBool(true));
  }

  /** The same item as {@link DynamoItems#plain} reads it back. */
  private static Map<String, Object> item(String sku, long quantity) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("active", true);
    item.put("quantity", quantity);
    item.put("sku", sku);
    item.put("tags", List.of("fragile", "boxed"));
    return item;
  }

  /** Creates a table and waits until it is active, as real DynamoDB needs. */
  private void createTable(
      String table,
      String partitionKey,
      ScalarAttributeType partitionType,
      String sortKey,
      ScalarAttributeType sortType) {
    List<KeySchemaElement> keys = new ArrayList<>();
    List<AttributeDefinition> definitions = new ArrayList<>();
    keys.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
    definitions.add(definition(partitionKey, partitionType));
    if (sortKey != null) {
      keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
      definitions.add(definition(sortKey, sortType));
    }
    client.createTable(
        create ->
            create
                .tableName(table)
                .keySchema(keys)
                .attributeDefinitions(definitions)
                .billingMode(BillingMode.PAY_PER_REQUEST));
    try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).build()) {
      waiter.waitUntilTableExists(describe -> describe.tableName(table));
    }
  }

  private static AttributeDefinition definition(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static String exclusiveStartSku(RecordedRequest scan) {
    return scan.bodyAsJson().path("ExclusiveStartKey").path("sku").path("S").asText();
  }

  private static AttributeValue s(String text) {
    return AttributeValue.fromS(text);
  }

  private static AttributeValue n(long number) {
    return AttributeValue.fromN(Long.toString(number));
  }
}
