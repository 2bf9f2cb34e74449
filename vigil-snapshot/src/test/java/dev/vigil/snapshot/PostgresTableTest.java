package dev.vigil.snapshot;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

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
