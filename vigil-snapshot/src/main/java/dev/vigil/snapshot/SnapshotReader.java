package dev.vigil.snapshot;

import dev.vigil.snapshot.internal.KeyException;
import dev.vigil.snapshot.internal.ResultSetCursor;
import dev.vigil.snapshot.internal.RowMerge;
import dev.vigil.snapshot.internal.RowStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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
    Query query = prepare(connection);
    try (Statement statement = statement(connection);
        ResultSet rows = statement.executeQuery(query.sql())) {
      SnapshotColumns columns = query.columnsOf(rows, what);
      return new TableSnapshot(table.name(), what, columns, read(rows, columns));
    }
  }

  /** Merges the current rows against the earlier snapshot as they are read, keeping none. */
  Diff diffSince(Connection connection, TableSnapshot earlier) throws SQLException {
    Query query = prepare(connection);
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

  private Query prepare(Connection connection) throws SQLException {
    String sql = table.sql();
    if (sql != null) {
      if (table.keyColumnsGiven().isEmpty()) {
        throw new IllegalArgumentException(
            what + " needs key columns: call keyedBy(...) with the columns that identify a row");
      }
      return new Query(sql, table.keyColumnsGiven(), table.ignoredColumns());
    }
    TableLookup.FoundTable found = TableLookup.find(connection, table.name());
    List<String> ignored =
        ColumnNames.match(found.columns(), table.ignoredColumns(), what, "ignore");
    List<String> keys =
        table.keyColumnsGiven().isEmpty()
            ? found.primaryKey()
            : ColumnNames.match(found.columns(), table.keyColumnsGiven(), what, "key by");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(
          what
              + " ("
              + found.qualified()
              + ") has no primary key: name the columns that identify a row with keyedBy(...),"
              + " as in Table.named(dataSource, \""
              + table.name()
              + "\").keyedBy(\"id\")");
    }
    for (String key : keys) {
      if (ignored.contains(key)) {
        throw new IllegalArgumentException(
            what + " cannot ignore its key column " + key + "; key it by other columns");
      }
    }
    List<String> selected = new ArrayList<>(found.columns());
    selected.removeAll(ignored);
    Quoting quoting = new Quoting(connection.getMetaData().getIdentifierQuoteString());
    String select =
        "SELECT "
            + quoting.list(selected)
            + " FROM "
            + (found.schema() == null ? "" : quoting.quote(found.schema()) + ".")
            + quoting.quote(found.table())
            + " ORDER BY "
            + quoting.list(keys);
    // Ignored columns are left out of the select itself, so they are keyed against none.
    return new Query(select, keys, List.of());
  }

  /** The SQL to run and the key and ignored columns to find in its result. */
  private record Query(String sql, List<String> keys, List<String> ignored) {
    SnapshotColumns columnsOf(ResultSet rows, String what) throws SQLException {
      return SnapshotColumns.of(rows.getMetaData(), what, keys, ignored);
    }
  }

  /** Identifiers quoted as the database quotes them, so that any name survives. */
  private record Quoting(String mark) {
    String quote(String identifier) {
      String q = mark.isBlank() ? "" : mark;
      return q + identifier.replace(q.isEmpty() ? "\0" : q, q + q) + q;
    }

    String list(List<String> identifiers) {
      return identifiers.stream().map(this::quote).collect(Collectors.joining(", "));
    }
  }
}
