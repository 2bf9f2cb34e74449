package dev.vigil.example.customer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * A {@link CustomerRepository} on DynamoDB, the seed's store: one item per customer, keyed by
 * {@code customer_id}, with its {@code name} and its {@code orders} as a list of order ids.
 * Conditional writes keep it correct without reading first: a customer is created only when absent,
 * and an order is appended only when the customer exists and does not have it yet.
 *
 * <pre>{@code
 * DynamoDbClient dynamo = DynamoDbClient.builder()
 *     .endpointOverride(URI.create("http://localhost:4566"))   // LocalStack; omit for AWS
 *     .build();
 * DynamoDbCustomerRepository customers = new DynamoDbCustomerRepository(dynamo, "customers");
 * customers.createTableIfMissing();
 * }</pre>
 */
public final class DynamoDbCustomerRepository implements CustomerRepository {
  private static final String KEY = "customer_id";
  private static final String NAME = "name";
  private static final String ORDERS = "orders";

  private final DynamoDbClient dynamo;
  private final String table;

  /**
   * Creates a repository on {@code table}; {@link #createTableIfMissing()} creates the table.
   *
   * @param dynamo the client, pointed at DynamoDB or LocalStack
   * @param table the table's name, such as {@link CustomerConfig#tableName()}
   */
  public DynamoDbCustomerRepository(DynamoDbClient dynamo, String table) {
    this.dynamo = Objects.requireNonNull(dynamo, "dynamo must not be null");
    this.table = Objects.requireNonNull(table, "table must not be null");
  }

  /** Creates the table, billed per request, unless it exists; returns once it is active. */
  public void createTableIfMissing() {
    try {
      dynamo.describeTable(request -> request.tableName(table));
      return;
    } catch (ResourceNotFoundException missing) {
      // created below
    } catch (SdkException e) {
      throw new StoreUnavailableException("cannot describe table " + table, e);
    }
    try {
      dynamo.createTable(
          request ->
              request
                  .tableName(table)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      AttributeDefinition.builder()
                          .attributeName(KEY)
                          .attributeType(ScalarAttributeType.S)
                          .build())
                  .keySchema(
                      KeySchemaElement.builder().attributeName(KEY).keyType(KeyType.HASH).build()));
      try (DynamoDbWaiter waiter = dynamo.waiter()) {
        waiter.waitUntilTableExists(request -> request.tableName(table));
      }
    } catch (SdkException e) {
      throw new StoreUnavailableException("cannot create table " + table, e);
    }
  }

  @Override
  public void create(Customer customer) {
    try {
      dynamo.putItem(
          request ->
              request
                  .tableName(table)
                  .item(
                      Map.of(
                          KEY, string(customer.customerId()),
                          NAME, string(customer.name()),
                          ORDERS, strings(customer.orderIds())))
                  .conditionExpression("attribute_not_exists(customer_id)"));
    } catch (ConditionalCheckFailedException e) {
      throw new IllegalStateException("customer " + customer.customerId() + " exists", e);
    } catch (SdkException e) {
      throw new StoreUnavailableException("cannot store customer " + customer.customerId(), e);
    }
  }

  @Override
  public Optional<Customer> get(String customerId) {
    Map<String, AttributeValue> item;
    try {
      item =
          dynamo
              .getItem(
                  request -> request.tableName(table).key(key(customerId)).consistentRead(true))
              .item();
    } catch (SdkException e) {
      throw new StoreUnavailableException("cannot read customer " + customerId, e);
    }
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    List<String> orderIds = attribute(item, ORDERS).l().stream().map(AttributeValue::s).toList();
    return Optional.of(new Customer(customerId, attribute(item, NAME).s(), orderIds));
  }

  @Override
  public OrderAssociation addOrder(String customerId, String orderId) {
    try {
      dynamo.updateItem(
          request ->
              request
                  .tableName(table)
                  .key(key(customerId))
                  .updateExpression("SET orders = list_append(orders, :new_orders)")
                  .conditionExpression(
                      "attribute_exists(customer_id) AND NOT contains(orders, :order_id)")
                  .expressionAttributeValues(
                      Map.of(
                          ":new_orders", strings(List.of(orderId)), ":order_id", string(orderId))));
      return OrderAssociation.ADDED;
    } catch (ConditionalCheckFailedException e) {
      // Either the customer is missing or it has the order: one read tells which.
      return get(customerId).isEmpty()
          ? OrderAssociation.NO_SUCH_CUSTOMER
          : OrderAssociation.ALREADY_ADDED;
    } catch (SdkException e) {
      throw new StoreUnavailableException("cannot add order " + orderId + " to " + customerId, e);
    }
  }

  private static AttributeValue attribute(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    if (value == null) {
      throw new IllegalStateException("customer item has no '" + name + "' attribute: " + item);
    }
    return value;
  }

  private static Map<String, AttributeValue> key(String customerId) {
    return Map.of(KEY, string(customerId));
  }

  private static AttributeValue string(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue strings(List<String> values) {
    return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
  }
}
