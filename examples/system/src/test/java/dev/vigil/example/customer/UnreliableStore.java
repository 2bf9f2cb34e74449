package dev.vigil.example.customer;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A {@link CustomerRepository} that a test can take down: while down, every call fails with {@link
 * StoreUnavailableException}, as the real repositories do when their database cannot be reached.
 */
final class UnreliableStore implements CustomerRepository {
  private final CustomerRepository store;
  private volatile boolean down;

  UnreliableStore(CustomerRepository store) {
    this.store = store;
  }

  /** Makes every following call fail until {@link #recover()}. */
  void failFromNowOn() {
    down = true;
  }

  /** Makes calls reach the store again. */
  void recover() {
    down = false;
  }

  @Override
  public void create(Customer customer) {
    checkUp();
    store.create(customer);
  }

  @Override
  public Optional<Customer> get(String customerId) {
    checkUp();
    return store.get(customerId);
  }

  @Override
  public OrderAssociation addOrder(String customerId, String orderId) {
    checkUp();
    return store.addOrder(customerId, orderId);
  }

  private void checkUp() {
    if (down) {
      throw new StoreUnavailableException(
          "the test took the store down", new SQLException("Connection refused", "08001"));
    }
  }
}
