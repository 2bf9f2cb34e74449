package dev.vigil.example.customer;

import dev.vigil.bus.QueueSpec;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The Customer service's settings, with the seed's production defaults: a message of {@code
 * customer--order-created} is received at most 3 times, 30 seconds apart, before it moves to the
 * dead-letter queue. Tests shrink them as the seed's autotest environment does ({@code
 * AWS_SQS_MAX_RECEIVE_COUNT=1}, {@code AWS_SQS_VISIBILITY_TIMEOUT=3}) or keep them and run on
 * virtual time.
 *
 * <pre>{@code
 * CustomerConfig config = CustomerConfig.fromEnvironment();          // production, unless overridden
 * CustomerConfig autotest = CustomerConfig.defaults()
 *     .withMaxReceiveCount(1)
 *     .withVisibilityTimeout(Duration.ofSeconds(1));
 * }</pre>
 *
 * @param maxReceiveCount how many times a message is received before it is dead-lettered, 1–1000
 * @param visibilityTimeout how long a received message stays hidden before it is redelivered
 * @param tableName the DynamoDB table of {@link DynamoDbCustomerRepository}
 */
public record CustomerConfig(int maxReceiveCount, Duration visibilityTimeout, String tableName) {
  /** The environment variable (or system property) for {@link #maxReceiveCount}. */
  public static final String MAX_RECEIVE_COUNT = "AWS_SQS_MAX_RECEIVE_COUNT";

  /** The environment variable (or system property) for {@link #visibilityTimeout}, in seconds. */
  public static final String VISIBILITY_TIMEOUT = "AWS_SQS_VISIBILITY_TIMEOUT";

  /** The environment variable (or system property) for {@link #tableName}. */
  public static final String TABLE_NAME = "DYNAMODB_TABLE_NAME";

  /**
   * Checks the values.
   *
   * @param maxReceiveCount how many times a message is received before it is dead-lettered, 1–1000
   * @param visibilityTimeout how long a received message stays hidden, not negative
   * @param tableName the DynamoDB table, not blank
   */
  public CustomerConfig {
    if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
      throw new IllegalArgumentException(
          "maxReceiveCount must be between 1 and 1000, was " + maxReceiveCount);
    }
    Objects.requireNonNull(visibilityTimeout, "visibilityTimeout must not be null");
    if (visibilityTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "visibilityTimeout must not be negative, was " + visibilityTimeout);
    }
    if (tableName.isBlank()) {
      throw new IllegalArgumentException("tableName must not be blank, was '" + tableName + "'");
    }
  }

  /**
   * Returns the production settings: 3 receives, 30 seconds visibility, table {@code customers}.
   *
   * @return the defaults
   */
  public static CustomerConfig defaults() {
    return new CustomerConfig(3, Duration.ofSeconds(30), "customers");
  }

  /**
   * Returns the defaults overridden by the environment variables {@value #MAX_RECEIVE_COUNT},
   * {@value #VISIBILITY_TIMEOUT} (seconds) and {@value #TABLE_NAME}, or by system properties of the
   * same names, which win.
   *
   * @return the settings
   * @throws IllegalArgumentException when a value is not a number or out of range
   */
  public static CustomerConfig fromEnvironment() {
    return fromLookup(
        name -> {
          String property = System.getProperty(name);
          return property != null ? property : System.getenv(name);
        });
  }

  /**
   * Returns the defaults overridden by the values {@code lookup} finds, as {@link
   * #fromEnvironment()} does with the environment.
   *
   * @param lookup a setting's value by name, or {@code null} when unset
   * @return the settings
   */
  static CustomerConfig fromLookup(Function<String, @Nullable String> lookup) {
    CustomerConfig defaults = defaults();
    String receives = lookup.apply(MAX_RECEIVE_COUNT);
    String visibility = lookup.apply(VISIBILITY_TIMEOUT);
    String table = lookup.apply(TABLE_NAME);
    return new CustomerConfig(
        receives == null ? defaults.maxReceiveCount() : parse(MAX_RECEIVE_COUNT, receives),
        visibility == null
            ? defaults.visibilityTimeout()
            : Duration.ofSeconds(parse(VISIBILITY_TIMEOUT, visibility)),
        table == null ? defaults.tableName() : table);
  }

  private static int parse(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
    }
  }

  /**
   * Returns the spec of the queue the service consumes: {@code customer--order-created} with this
   * visibility timeout and its dead-letter queue after this many receives.
   *
   * @return the queue's spec
   */
  public QueueSpec orderCreatedQueue() {
    return QueueSpec.named(CustomerService.ORDER_CREATED_QUEUE)
        .withVisibilityTimeout(visibilityTimeout)
        .withDeadLetterQueue(CustomerService.ORDER_CREATED_DLQ, maxReceiveCount);
  }

  /**
   * Returns a copy with another receive count.
   *
   * @param receives how many times a message is received before it is dead-lettered
   * @return the copy
   */
  public CustomerConfig withMaxReceiveCount(int receives) {
    return new CustomerConfig(receives, visibilityTimeout, tableName);
  }

  /**
   * Returns a copy with another visibility timeout.
   *
   * @param timeout how long a received message stays hidden
   * @return the copy
   */
  public CustomerConfig withVisibilityTimeout(Duration timeout) {
    return new CustomerConfig(maxReceiveCount, timeout, tableName);
  }

  /**
   * Returns a copy with another DynamoDB table name.
   *
   * @param name the table's name
   * @return the copy
   */
  public CustomerConfig withTableName(String name) {
    return new CustomerConfig(maxReceiveCount, visibilityTimeout, name);
  }
}
