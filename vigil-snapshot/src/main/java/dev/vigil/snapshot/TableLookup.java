package dev.vigil.snapshot;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Finds a table through {@link DatabaseMetaData}: its exact name, its columns, its primary key. */
final class TableLookup {
  private TableLookup() {}

  /** A table as the database names it. */
  record FoundTable(
      @Nullable String catalog,
      @Nullable String schema,
      String table,
      List<String> columns,
      List<String> primaryKey) {
    String qualified() {
      return schema == null ? table : schema + "." + table;
    }
  }

  private record Candidate(@Nullable String catalog, @Nullable String schema, String table) {
    String qualified() {
      return schema == null ? table : schema + "." + table;
    }
  }

  static FoundTable find(Connection connection, String given) throws SQLException {
    TableName name = TableName.parse(given);
    DatabaseMetaData metadata = connection.getMetaData();
    List<Candidate> candidates = candidates(metadata, name);
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException(unknownTable(metadata, given, name.table().text()));
    }
    Candidate table = choose(candidates, connection.getSchema(), given);
    return new FoundTable(
        table.catalog(),
        table.schema(),
        table.table(),
        columns(metadata, table),
        primaryKey(metadata, table));
  }

  private static List<Candidate> candidates(DatabaseMetaData metadata, TableName name)
      throws SQLException {
    List<@Nullable String> schemas = new ArrayList<>();
    if (name.schema() == null) {
      schemas.add(null);
    } else {
      schemas.addAll(name.schema().spellings(metadata));
    }
    for (String table : name.table().spellings(metadata)) {
      for (String schema : schemas) {
        List<Candidate> found = tables(metadata, schema, table);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return List.of();
  }

  private static List<Candidate> tables(
      DatabaseMetaData metadata, @Nullable String schema, String table) throws SQLException {
    List<Candidate> found = new ArrayList<>();
    String escape = metadata.getSearchStringEscape();
    try (ResultSet rows =
        metadata.getTables(
            null, schema == null ? null : pattern(schema, escape), pattern(table, escape), null)) {
      while (rows.next()) {
        Candidate candidate =
            new Candidate(
                rows.getString("TABLE_CAT"),
                rows.getString("TABLE_SCHEM"),
                rows.getString("TABLE_NAME"));
        if (isTable(rows.getString("TABLE_TYPE"))
            && candidate.table().equals(table)
            && (schema == null || schema.equals(candidate.schema()))) {
          found.add(candidate);
        }
      }
    }
    return found;
  }

  /** Tables, views and their kin; not the indexes and sequences PostgreSQL also lists. */
  private static boolean isTable(@Nullable String type) {
    String upper = type == null ? "" : type.toUpperCase(Locale.ROOT);
    return upper.contains("TABLE") || upper.contains("VIEW") || upper.contains("TEMPORARY");
  }

  private static Candidate choose(
      List<Candidate> candidates, @Nullable String currentSchema, String given) {
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    List<Candidate> inCurrent =
        candidates.stream().filter(c -> Objects.equals(c.schema(), currentSchema)).toList();
    if (inCurrent.size() == 1) {
      return inCurrent.get(0);
    }
    throw new IllegalArgumentException(
        "table '"
            + given
            + "' is in several schemas: "
            + candidates.stream().map(Candidate::qualified).toList()
            + "; qualify it, as in '"
            + candidates.get(0).qualified()
            + "'");
  }

  private static List<String> columns(DatabaseMetaData metadata, Candidate table)
      throws SQLException {
    TreeMap<Integer, String> byPosition = new TreeMap<>();
    String escape = metadata.getSearchStringEscape();
    try (ResultSet rows =
        metadata.getColumns(
            table.catalog(),
            table.schema() == null ? null : pattern(table.schema(), escape),
            pattern(table.table(), escape),
            "%")) {
      while (rows.next()) {
        if (table.table().equals(rows.getString("TABLE_NAME"))
            && Objects.equals(table.schema(), rows.getString("TABLE_SCHEM"))) {
          byPosition.put(rows.getInt("ORDINAL_POSITION"), rows.getString("COLUMN_NAME"));
        }
      }
    }
    return List.copyOf(byPosition.values());
  }

  private static List<String> primaryKey(DatabaseMetaData metadata, Candidate table)
      throws SQLException {
    TreeMap<Integer, String> bySequence = new TreeMap<>();
    try (ResultSet rows = metadata.getPrimaryKeys(table.catalog(), table.schema(), table.table())) {
      while (rows.next()) {
        bySequence.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
      }
    }
    return List.copyOf(bySequence.values());
  }

  private static String unknownTable(DatabaseMetaData metadata, String given, String table)
      throws SQLException {
    List<String> similar = new ArrayList<>();
    try (ResultSet rows = metadata.getTables(null, null, "%", null)) {
      while (rows.next()) {
        String name = rows.getString("TABLE_NAME");
        if (isTable(rows.getString("TABLE_TYPE"))
            && name != null
            && Similarity.similar(table, name)) {
          String schema = rows.getString("TABLE_SCHEM");
          similar.add(schema == null ? name : schema + "." + name);
        }
      }
    }
    String known =
        similar.isEmpty() ? "" : "; similar tables: " + similar.stream().sorted().limit(5).toList();
    return "table '" + given + "' not found" + known;
  }

  /** A metadata search pattern that matches only this name: {@code _} and {@code %} escaped. */
  private static String pattern(String name, String escape) {
    if (escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }
}
