package dev.vigil.snapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Where a table is read from: a {@link DataSource}, which gives a connection per read that is
 * closed after it, or the {@link Connection} the test gave, which is used as it is — never closed,
 * its autocommit and transaction untouched, so the test's own uncommitted writes are visible.
 */
abstract class ConnectionSource {
  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  static ConnectionSource of(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource must not be null");
    return new ConnectionSource() {
      @Override
      <T> T use(String what, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
          return onOwnConnection(connection, work);
        }
      }
    };
  }

  static ConnectionSource of(Connection connection) {
    Objects.requireNonNull(connection, "connection must not be null");
    return new ConnectionSource() {
      @Override
      <T> T use(String what, Work<T> work) throws SQLException {
        if (connection.isClosed()) {
          throw new IllegalStateException(
              "cannot snapshot " + what + ": its connection is closed; pass an open connection");
        }
        return work.run(connection);
      }
    };
  }

  abstract <T> T use(String what, Work<T> work) throws SQLException;

  /**
   * Runs the work on a connection of the source, turning a database failure into an unchecked error
   * that says what was being read.
   */
  final <T> T run(String what, Work<T> work) {
    try {
      return use(what, work);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot snapshot " + what + ": " + e.getMessage(), e);
    }
  }

  private static <T> T onOwnConnection(Connection connection, Work<T> work) throws SQLException {
    if (!connection.getAutoCommit()) {
      return work.run(connection);
    }
    // PostgreSQL streams a result by a fetch size only inside a transaction; without one its
    // driver holds every row in memory.
    connection.setAutoCommit(false);
    T result;
    try {
      result = work.run(connection);
    } catch (RuntimeException | SQLException failure) {
      try {
        endReadOnlyTransaction(connection);
      } catch (SQLException cleanup) {
        failure.addSuppressed(cleanup);
      }
      throw failure;
    }
    endReadOnlyTransaction(connection);
    return result;
  }

  /** Ends the transaction the read ran in and gives the connection back as it came. */
  private static void endReadOnlyTransaction(Connection connection) throws SQLException {
    connection.rollback();
    connection.setAutoCommit(true);
  }
}
