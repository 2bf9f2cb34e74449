package dev.vigil.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The table contracts on a real PostgreSQL server, started once for the class. */
class PostgresTableTest {
  private static PostgresServer server;
  private static TestDatabase postgres;

  @BeforeAll
  static void startServer() {
    server = PostgresServer.start();
    postgres = TestDatabase.postgres(server);
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void the_server_listens_on_localhost_only() throws SQLException {
    try (Connection connection = server.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("show listen_addresses")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("localhost");
    }
  }

  @Nested
  class Changes extends TableChangesContract {
    @Override
    TestDatabase database() {
      return postgres;
    }
  }

  @Nested
  class Reading extends TableReadingContract {
    @Override
    TestDatabase database() {
      return postgres;
    }
  }

  @Nested
  class BadInput extends TableBadInputContract {
    @Override
    TestDatabase database() {
      return postgres;
    }
  }

  @Nested
  class Waiting extends TableWaitingContract {
    @Override
    TestDatabase database() {
      return postgres;
    }
  }
}
