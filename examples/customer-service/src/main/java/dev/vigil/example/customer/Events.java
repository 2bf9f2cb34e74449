package dev.vigil.example.customer;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/** The messages the Customer service publishes and consumes, as the seed writes them in JSON. */
public final class Events {
  /** Where the service publishes {@link CustomerCreated}. */
  public static final String CUSTOMER_CREATED_TOPIC = "customer--created";

  /** Where the Order service publishes {@link OrderCreated}. */
  public static final String ORDER_CREATED_TOPIC = "order--created";

  /** Where the service publishes {@link CustomerOrderRegistered}. */
  public static final String ORDER_REGISTERED_TOPIC = "customer--order-registered";

  private Events() {}

  /**
   * Published when a customer is created: {@code {"customer_id": ..., "name": ...}}.
   *
   * @param customerId the new customer's id
   * @param name the new customer's name
   */
  public record CustomerCreated(
      @JsonProperty("customer_id") String customerId, @JsonProperty("name") String name) {}

  /**
   * Published by the Order service when an order is created: {@code {"order_id": ...,
   * "customer_id": ...}}. A field that is missing or blank makes the message undecodable.
   *
   * @param orderId the order's id
   * @param customerId the id of the customer who placed it
   */
  public record OrderCreated(
      @JsonProperty("order_id") String orderId, @JsonProperty("customer_id") String customerId) {

    /**
     * Refuses a message without both ids: such a message can never be handled.
     *
     * @param orderId the order's id
     * @param customerId the id of the customer who placed it
     */
    public OrderCreated {
      requirePresent("order_id", orderId);
      requirePresent("customer_id", customerId);
    }
  }

  /**
   * Published once for each order newly associated with a customer — the outcome a test counts to
   * prove the consumer idempotent.
   *
   * @param customerId the customer's id
   * @param orderId the order's id
   * @param registeredAt when the order was associated, ISO-8601 from the service's clock
   */
  public record CustomerOrderRegistered(
      @JsonProperty("customer_id") String customerId,
      @JsonProperty("order_id") String orderId,
      @JsonProperty("registered_at") String registeredAt) {}

  private static void requirePresent(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must be present, was " + value);
    }
  }
}
