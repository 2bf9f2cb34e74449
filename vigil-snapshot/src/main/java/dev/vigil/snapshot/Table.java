package dev.vigil.snapshot;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A database table, or a query, to snapshot over JDBC and diff by key: what changed between a
 * snapshot taken before an event and the rows after it, as inserted, deleted and updated rows with
 * column-level before and after values.
 *
 * <pre>{@code
 * Table inventory = Table.named(dataSource, "inventory").ignoring("updated_at");
 * TableSnapshot before = inventory.snapshot();
 * placeOrder("sku-1", 3);
 * Diff diff = inventory.diffSince(before);
 * assertThat(diff.updated()).singleElement()
 *     .satisfies(row -> assertThat(row.after("QUANTITY")).isEqualTo(97));
 * }</pre>
 *
 * <h2>Reading</h2>
 *
 * <p>Through a {@link DataSource}, each read takes a connection and closes it after. Through a
 * {@link Connection}, each read uses it as it is: it is never closed and its autocommit and
 * transaction are left alone, so a snapshot sees the test's own uncommitted writes, and after a
 * rollback no longer does. Rows are read once, forward only, in key order, and kept as bytes (a few
 * dozen per row, no object per row); {@link #diffSince} merges the current rows against a snapshot
 * as they arrive and keeps only the rows that differ. PostgreSQL's driver streams rows only inside
 * a transaction: reads through a data source run in one of their own; a connection in autocommit
 * mode is read whole by the driver first.
 *
 * <h2>Names and keys</h2>
 *
 * <p>A table name may be schema-qualified ({@code public.inventory}); unquoted parts are folded as
 * the database folds them (H2 to upper case, PostgreSQL to lower case), quoted parts ({@code "Order
 * Lines"}) are taken as written. Rows are keyed by the table's primary key unless {@link #keyedBy}
 * names other columns; a table without one, and a query, need {@code keyedBy} — an update is never
 * shown as a delete plus an insert. Column names given to {@code keyedBy} and {@link #ignoring}
 * match exactly, or else ignoring case; the diff names columns as the database reports them. Rows
 * are diffed in key order: numbers, dates and times by value, text by Unicode code point (not the
 * database's collation); a key of several columns by the first, then the next.
 *
 * <h2>Values</h2>
 *
 * <table class="striped">
 *   <caption>The Java type of each JDBC type</caption>
 *   <thead><tr><th>JDBC type</th><th>Java value</th></tr></thead>
 *   <tbody>
 *     <tr><td>TINYINT, SMALLINT, INTEGER</td><td>{@code Integer}</td></tr>
 *     <tr><td>BIGINT</td><td>{@code Long}</td></tr>
 *     <tr><td>DECIMAL, NUMERIC</td><td>{@code BigDecimal}</td></tr>
 *     <tr><td>REAL</td><td>{@code Float}</td></tr>
 *     <tr><td>FLOAT, DOUBLE</td><td>{@code Double}</td></tr>
 *     <tr><td>BOOLEAN, BIT</td><td>{@code Boolean} (a bit string wider than one bit: its text)</td></tr>
 *     <tr><td>CHAR, VARCHAR, CLOB and the other character types</td><td>{@code String}</td></tr>
 *     <tr><td>DATE</td><td>{@code LocalDate}</td></tr>
 *     <tr><td>TIME</td><td>{@code LocalTime}</td></tr>
 *     <tr><td>TIME WITH TIME ZONE</td><td>{@code OffsetTime}</td></tr>
 *     <tr><td>TIMESTAMP</td><td>{@code LocalDateTime}</td></tr>
 *     <tr><td>TIMESTAMP WITH TIME ZONE</td><td>{@code OffsetDateTime}</td></tr>
 *     <tr><td>BINARY, VARBINARY, BLOB and the other binary types</td><td>{@code byte[]}</td></tr>
 *     <tr><td>anything else: UUID, JSON, arrays, intervals…</td>
 *         <td>the {@code String} that {@code ResultSet.getString} gives</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>SQL {@code NULL} is {@code null}. A table is immutable: {@code keyedBy} and {@code ignoring}
 * return a new one.
 *
 * @since 0.1
 */
public final class Table {
  private final ConnectionSource source;
  private final String name;
  private final @Nullable String sql;
  private final List<String> keyedBy;
  private final List<String> ignoring;

  private Table(
      ConnectionSource source,
      String name,
      @Nullable String sql,
      List<String> keyedBy,
      List<String> ignoring) {
    this.source = source;
    this.name = name;
    this.sql = sql;
    this.keyedBy = List.copyOf(keyedBy);
    this.ignoring = List.copyOf(ignoring);
  }

  /**
   * Returns a table read through a data source, a connection per snapshot.
   *
   * @param dataSource where connections come from
   * @param table the table's name, such as {@code inventory} or {@code public.inventory}
   * @return the table, keyed by its primary key
   */
  public static Table named(DataSource dataSource, String table) {
    return named(ConnectionSource.of(dataSource), table);
  }

  /**
   * Returns a table read through the test's connection, which sees its uncommitted writes.
   *
   * @param connection an open connection; never closed, its transaction left alone
   * @param table the table's name, such as {@code inventory} or {@code public.inventory}
   * @return the table, keyed by its primary key
   */
  public static Table named(Connection connection, String table) {
    return named(ConnectionSource.of(connection), table);
  }

  /**
   * Returns the result of a query, read through a data source; call {@link #keyedBy} next.
   *
   * @param dataSource where connections come from
   * @param name what the diff calls the result, such as {@code low-stock}
   * @param sql a query; its rows need not be ordered
   * @return the query's snapshot spec, without a key yet
   */
  public static Table query(DataSource dataSource, String name, String sql) {
    return new Table(
        ConnectionSource.of(dataSource),
        checkName("name", name),
        checkName("sql", sql),
        List.of(),
        List.of());
  }

  /**
   * Returns the result of a query, read through the test's connection; call {@link #keyedBy} next.
   *
   * @param connection an open connection; never closed, its transaction left alone
   * @param name what the diff calls the result, such as {@code low-stock}
   * @param sql a query; its rows need not be ordered
   * @return the query's snapshot spec, without a key yet
   */
  public static Table query(Connection connection, String name, String sql) {
    return new Table(
        ConnectionSource.of(connection),
        checkName("name", name),
        checkName("sql", sql),
        List.of(),
        List.of());
  }

  /**
   * Returns this table keyed by the given columns instead of its primary key.
   *
   * @param columns the columns whose values identify a row, in key order
   * @return a new table
   */
  public Table keyedBy(String... columns) {
    List<String> names = checkColumns("keyedBy", columns);
    if (names.isEmpty()) {
      throw new IllegalArgumentException("keyedBy needs at least one column, was none");
    }
    return new Table(source, name, sql, names, ignoring);
  }

  /**
   * Returns this table without the given columns: not read, not compared (timestamps, versions).
   * Calls add up.
   *
   * @param columns columns of the table or query
   * @return a new table
   */
  public Table ignoring(String... columns) {
    List<String> names = new ArrayList<>(ignoring);
    names.addAll(checkColumns("ignoring", columns));
    return new Table(source, name, sql, keyedBy, names);
  }

  /**
   * Returns the table's name, or the query's, as given.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Reads the current rows.
   *
   * @return the snapshot
   * @throws IllegalArgumentException when the table, a key or ignored column is unknown, no key is
   *     known, or the key does not identify each row (a null or duplicate key)
   * @throws IllegalStateException when the connection is closed or the database fails
   */
  public TableSnapshot snapshot() {
    return source.run(describe(), connection -> new SnapshotReader(this).snapshot(connection));
  }

  /**
   * Diffs the current rows against an earlier snapshot, merging them as they are read, without
   * keeping a snapshot of them.
   *
   * @param earlier a snapshot of this table or query
   * @return the rows that differ, in key order
   * @throws IllegalArgumentException as {@link #snapshot()} does, or when the columns, their types
   *     or the key changed since the earlier snapshot
   * @throws IllegalStateException when the connection is closed or the database fails
   */
  public Diff diffSince(TableSnapshot earlier) {
    Objects.requireNonNull(earlier, "earlier must not be null");
    if (!earlier.name().equals(name)) {
      throw new IllegalArgumentException(
          "cannot diff " + describe() + " against a snapshot of '" + earlier.name() + "'");
    }
    return source.run(
        describe(), connection -> new SnapshotReader(this).diffSince(connection, earlier));
  }

  @Nullable String sql() {
    return sql;
  }

  List<String> keyColumnsGiven() {
    return keyedBy;
  }

  List<String> ignoredColumns() {
    return ignoring;
  }

  /** Names it for messages: {@code table 'inventory'} or {@code query 'low-stock'}. */
  String describe() {
    return (sql == null ? "table '" : "query '") + name + "'";
  }

  /** Renders as {@code table 'inventory' keyed by [ID] ignoring [UPDATED_AT]}. */
  @Override
  public String toString() {
    return describe()
        + (keyedBy.isEmpty() ? "" : " keyed by " + keyedBy)
        + (ignoring.isEmpty() ? "" : " ignoring " + ignoring);
  }

  private static Table named(ConnectionSource source, String table) {
    TableName.parse(checkName("table", table));
    return new Table(source, table, null, List.of(), List.of());
  }

  private static String checkName(String parameter, String value) {
    Objects.requireNonNull(value, parameter + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(parameter + " must not be blank, was '" + value + "'");
    }
    return value;
  }

  private static List<String> checkColumns(String method, String... columns) {
    Objects.requireNonNull(columns, method + " columns must not be null");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      Objects.requireNonNull(columns[i], method + " column " + i + " must not be null");
      if (columns[i].isBlank()) {
        throw new IllegalArgumentException(
            method + " column " + i + " must not be blank, was '" + columns[i] + "'");
      }
      names.add(columns[i]);
    }
    return names;
  }
}
