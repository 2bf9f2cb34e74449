package dev.vigil.example.customer;

import dev.vigil.example.suite.EmbeddedBusOnly;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;

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
}
