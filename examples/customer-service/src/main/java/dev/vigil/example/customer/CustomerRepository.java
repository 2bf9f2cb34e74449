package dev.vigil.example.customer;

import java.util.Optional;

/**
 * Where customers are stored: DynamoDB as in the seed ({@link DynamoDbCustomerRepository}) or a SQL
 * database ({@link JdbcCustomerRepository}). Every method may throw {@link
 * StoreUnavailableException} when the store cannot be reached.
 */
public interface CustomerRepository {

  /**
   * Stores a new customer.
   *
   * @param customer the customer, usually without orders
   * @throws IllegalStateException when a customer with the same id exists
   */
  void create(Customer customer);

  /**
   * Finds a customer by id.
   *
   * @param customerId the id
   * @return the customer with its orders, or empty when there is none
   */
  Optional<Customer> get(String customerId);

  /**
   * Associates an order with a customer, once: adding the same order again changes nothing, so a
   * redelivered message is harmless.
   *
   * @param customerId the customer's id
   * @param orderId the order's id
   * @return what happened
   */
  OrderAssociation addOrder(String customerId, String orderId);

  /** What {@link #addOrder} did. */
  enum OrderAssociation {
    /** The order is now the customer's newest. */
    ADDED,
    /** The customer already had the order; nothing changed. */
    ALREADY_ADDED,
    /** There is no such customer (yet); nothing changed. */
    NO_SUCH_CUSTOMER
  }
}
