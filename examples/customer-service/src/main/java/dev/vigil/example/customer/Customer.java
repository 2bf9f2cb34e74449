package dev.vigil.example.customer;

import java.util.List;
import java.util.Objects;

/**
 * A customer as the store keeps it: its id, its name and the ids of its orders, oldest first.
 *
 * @param customerId the customer's id (a random UUID)
 * @param name the name given when the customer was created
 * @param orderIds the ids of the customer's orders, in the order they were associated
 */
public record Customer(String customerId, String name, List<String> orderIds) {

  /**
   * Checks the fields and copies the order ids, so that a customer never changes.
   *
   * @param customerId the customer's id
   * @param name the customer's name
   * @param orderIds the ids of the customer's orders, oldest first
   */
  public Customer {
    Objects.requireNonNull(customerId, "customerId must not be null");
    Objects.requireNonNull(name, "name must not be null");
    orderIds = List.copyOf(orderIds);
  }

  /**
   * Returns a new customer without orders.
   *
   * @param customerId the customer's id
   * @param name the customer's name
   * @return the customer
   */
  public static Customer withoutOrders(String customerId, String name) {
    return new Customer(customerId, name, List.of());
  }
}
