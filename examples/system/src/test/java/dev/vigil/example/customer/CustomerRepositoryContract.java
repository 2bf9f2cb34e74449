package dev.vigil.example.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.example.customer.CustomerRepository.OrderAssociation;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CustomerRepository} promises, as default test methods: a class that implements
 * this interface and returns its repository from {@link #repository()} runs them all — on the
 * DynamoDB stand-in, H2 and PostgreSQL.
 */
interface CustomerRepositoryContract {

  /**
   * Returns the repository under test, its schema or table created.
   *
   * @return the repository
   */
  CustomerRepository repository();

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  @Test
  default void an_unknown_customer_is_not_found() {
    assertThat(repository().get(newId())).isEmpty();
  }

  @Test
  default void a_created_customer_is_found_without_orders() {
    String id = newId();
    repository().create(Customer.withoutOrders(id, "John Doe"));

    assertThat(repository().get(id)).contains(new Customer(id, "John Doe", List.of()));
  }

  @Test
  default void creating_an_existing_customer_again_is_refused() {
    String id = newId();
    repository().create(Customer.withoutOrders(id, "John Doe"));

    assertThatThrownBy(() -> repository().create(Customer.withoutOrders(id, "Jane Doe")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("customer " + id + " exists");
    assertThat(repository().get(id)).map(Customer::name).contains("John Doe");
  }

  @Test
  default void orders_are_kept_in_the_order_they_were_added() {
    String id = newId();
    repository().create(Customer.withoutOrders(id, "John Doe"));

    assertThat(repository().addOrder(id, "o-2")).isEqualTo(OrderAssociation.ADDED);
    assertThat(repository().addOrder(id, "o-1")).isEqualTo(OrderAssociation.ADDED);
    assertThat(repository().addOrder(id, "o-3")).isEqualTo(OrderAssociation.ADDED);

    assertThat(repository().get(id)).map(Customer::orderIds).contains(List.of("o-2", "o-1", "o-3"));
  }

  @Test
  default void adding_the_same_order_twice_associates_it_once() {
    String id = newId();
    repository().create(Customer.withoutOrders(id, "John Doe"));
    repository().addOrder(id, "o-1");

    assertThat(repository().addOrder(id, "o-1")).isEqualTo(OrderAssociation.ALREADY_ADDED);
    assertThat(repository().get(id)).map(Customer::orderIds).contains(List.of("o-1"));
  }

  @Test
  default void an_order_of_an_unknown_customer_changes_nothing() {
    String id = newId();

    assertThat(repository().addOrder(id, "o-1")).isEqualTo(OrderAssociation.NO_SUCH_CUSTOMER);
    assertThat(repository().get(id)).isEmpty();
  }

  @Test
  default void each_customer_keeps_its_own_orders() {
    String first = newId();
    String second = newId();
    repository().create(Customer.withoutOrders(first, "John Doe"));
    repository().create(Customer.withoutOrders(second, "Jane Doe"));

    repository().addOrder(first, "o-1");
    repository().addOrder(second, "o-2");

    assertThat(repository().get(first)).map(Customer::orderIds).contains(List.of("o-1"));
    assertThat(repository().get(second)).map(Customer::orderIds).contains(List.of("o-2"));
  }
}
