package dev.vigil.example.customer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.example.suite.EmbeddedBusOnly;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repository contract on {@link JdbcCustomerRepository} and an in-memory H2 database. */
@EmbeddedBusOnly("the store's contract does not touch the bus: it runs once, in the embedded pass")
class H2CustomerRepositoryTest implements CustomerRepositoryContract {
  private JdbcCustomerRepository repository;

  @BeforeEach
  void createSchema() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:customers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    repository = new JdbcCustomerRepository(h2);
    repository.createSchema();
  }

  @Override
  public CustomerRepository repository() {
    return repository;
  }

  @Test
  void a_database_that_cannot_be_opened_makes_the_store_unavailable() {
    JdbcDataSource missing = new JdbcDataSource();
    missing.setURL("jdbc:h2:mem:no-such-database;IFEXISTS=TRUE");
    JdbcCustomerRepository customers = new JdbcCustomerRepository(missing);

    assertThatThrownBy(() -> customers.addOrder("c-1", "o-1"))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessage("cannot add order o-1 to c-1");
  }
}
