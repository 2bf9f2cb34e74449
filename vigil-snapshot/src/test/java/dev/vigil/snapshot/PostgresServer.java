package dev.vigil.snapshot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server for one test class, started from zonky's embedded binaries and bound to
 * localhost only. (Run as root, zonky starts it under {@code unshare -U}, since PostgreSQL refuses
 * to run as root.)
 */
final class PostgresServer implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static PostgresServer start() {
    try {
      return new PostgresServer(
          EmbeddedPostgres.builder()
              .setServerConfig("listen_addresses", "localhost")
              .setRegisterShutdownHook(true)
              .start());
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
    }
  }

  DataSource dataSource() {
    return postgres.getPostgresDatabase();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
