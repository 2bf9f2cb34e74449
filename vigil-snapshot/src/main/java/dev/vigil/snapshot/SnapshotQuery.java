package dev.vigil.snapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL a snapshot runs and the key and ignored columns to find in its result: the test's own
 * query, or a select of a table's columns (ignored ones left out) ordered by its key.
 */
record SnapshotQuery(String sql, List<String> keys, List<String> ignored) {

  static SnapshotQuery prepare(Table table, String what, Connection connection)
      throws SQLException {
    String sql = table.sql();
    if (sql == null) {
      return forTable(table, what, connection);
    }
    if (table.keyColumnsGiven().isEmpty()) {
      throw new IllegalArgumentException(
          what + " needs key columns: call keyedBy(...) with the columns that identify a row");
    }
    return new SnapshotQuery(sql, table.keyColumnsGiven(), table.ignoredColumns());
  }

  SnapshotColumns columnsOf(ResultSet rows, String what) throws SQLException {
    return SnapshotColumns.of(rows.getMetaData(), what, keys, ignored);
  }

  private static SnapshotQuery forTable(Table table, String what, Connection connection)
      throws SQLException {
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
    ColumnNames.checkKeyNotIgnored(keys, ignored, what);
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
    // The ignored columns are not selected at all, so the result has none to leave out.
    return new SnapshotQuery(select, keys, List.of());
  }

  /** Identifiers quoted as the database quotes them, so that any name survives. */
  private record Quoting(String mark) {
    String quote(String identifier) {
      if (mark.isBlank()) {
        return identifier;
      }
      return mark + identifier.replace(mark, mark + mark) + mark;
    }

    String list(List<String> identifiers) {
      return identifiers.stream().map(this::quote).collect(Collectors.joining(", "));
    }
  }
}
