package dev.vigil.snapshot;

import dev.vigil.snapshot.internal.KeyException;
import dev.vigil.snapshot.internal.ResultSetCursor;
import dev.vigil.snapshot.internal.RowMerge;
import dev.vigil.snapshot.internal.RowStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@link Table}'s rows: a query of the chosen columns in key order, read forward only,
 * encoded row by row into a snapshot or merged as a stream against an earlier one.
 */
final class SnapshotReader {
  /** Rows per round trip; PostgreSQL streams by it inside a transaction. */
  private static final int FETCH_SIZE = 4096;

  private final Table table;
  private final String what;

  SnapshotReader(Table table) {
    this.table = table;
    this.what = table.describe();
  }

  TableSnapshot snapshot(Connection connection) throws SQLException {
    SnapshotQuery query = SnapshotQuery.prepare(table, what, connection);
    try (Statement statement = statement(connection);
        ResultSet rows = statement.executeQuery(query.sql())) {
      SnapshotColumns columns = query.columnsOf(rows, what);
      return new TableSnapshot(table.name(), what, columns, read(rows, columns));
    }
  }

  /** Merges the current rows against the earlier snapshot as they are read, keeping none. */
  Diff diffSince(Connection connection, TableSnapshot earlier) throws SQLException {
    SnapshotQuery query = SnapshotQuery.prepare(table, what, connection);
    try (Statement statement = statement(connection);
        ResultSet rows = statement.executeQuery(query.sql())) {
      SnapshotColumns columns = query.columnsOf(rows, what);
      earlier.shape().checkSameAs(columns, what);
      if (!earlier.rows().arrivedInOrder()) {
        return earlier.diffTo(new TableSnapshot(table.name(), what, columns, read(rows, columns)));
      }
      Diff streamed = mergeInOrder(earlier, rows, columns);
      if (streamed != null) {
        return streamed;
      }
    }
    // The database's order is not the byte order (a collation): keep the rows and sort them.
    return earlier.diffTo(snapshot(connection));
  }

  /** The diff, or null when the rows turn out not to arrive in key order. */
  private @Nullable Diff mergeInOrder(
      TableSnapshot earlier, ResultSet rows, SnapshotColumns columns) throws SQLException {
    ChangeCollector changes = new ChangeCollector(columns);
    try {
      RowMerge.merge(
          earlier.rows().cursor(), new ResultSetCursor(rows, columns.codec(), true), changes);
    } catch (KeyException e) {
      if (e.problem() == KeyException.Problem.OUT_OF_ORDER) {
        return null;
      }
      throw keyProblem(e, columns);
    }
    return changes.diff(table.name());
  }

  private RowStore read(ResultSet rows, SnapshotColumns columns) throws SQLException {
    try {
      return RowStore.read(new ResultSetCursor(rows, columns.codec(), false), columns.codec());
    } catch (KeyException e) {
      throw keyProblem(e, columns);
    }
  }

  private IllegalArgumentException keyProblem(KeyException problem, SnapshotColumns columns) {
    if (problem.problem() == KeyException.Problem.NULL_KEY) {
      return new IllegalArgumentException(
          what
              + ": key column "
              + columns.names().get(problem.column())
              + " is null in a row; a key must identify every row: key by non-null columns with"
              + " keyedBy(...)");
    }
    return new IllegalArgumentException(
        what
            + ": two rows have the key "
            + Values.render(ChangeCollector.keyOf(problem.key()))
            + " (key columns "
            + columns.keys()
            + "); key by columns that identify a single row with keyedBy(...)");
  }

  private static Statement statement(Connection connection) throws SQLException {
    Statement statement =
        connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    statement.setFetchSize(FETCH_SIZE);
    return statement;
  }
}
