package dev.vigil.snapshot;

import dev.vigil.snapshot.internal.RowMerge;
import dev.vigil.snapshot.internal.RowStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * The rows of a {@link Table} at one moment, kept compactly (a few dozen bytes per row, no object
 * per row) in key order, ready to be diffed against a later snapshot.
 *
 * <pre>{@code
 * TableSnapshot before = inventory.snapshot();
 * placeOrder("sku-1", 3);
 * Diff diff = before.diffTo(inventory.snapshot());
 * }</pre>
 *
 * <p>A snapshot is immutable and may be diffed from any thread.
 *
 * @since 0.1
 */
public final class TableSnapshot {
  private final String name;
  private final String what;
  private final SnapshotColumns shape;
  private final RowStore rows;

  TableSnapshot(String name, String what, SnapshotColumns shape, RowStore rows) {
    this.name = name;
    this.what = what;
    this.shape = shape;
    this.rows = rows;
  }

  /**
   * Returns the name of the table or query snapshot, as the {@link Table} was given it.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns how many rows were read.
   *
   * @return the row count
   */
  public int rowCount() {
    return rows.rowCount();
  }

  /**
   * Returns the columns kept, in the order the database gave them, named as it reports them (H2:
   * upper case; PostgreSQL: lower case), ignored columns left out.
   *
   * @return the column names
   */
  public List<String> columns() {
    return shape.names();
  }

  /**
   * Returns the columns that identify a row, in key order.
   *
   * @return the key column names
   */
  public List<String> keyColumns() {
    return shape.keys();
  }

  /**
   * Diffs this snapshot against a later one of the same table: inserted, deleted and updated rows
   * in key order, with column-level before and after values.
   *
   * @param later a later snapshot of the same table or query
   * @return the rows that differ
   * @throws IllegalArgumentException when the later snapshot is of another table, or its columns,
   *     their types or its key changed
   */
  public Diff diffTo(TableSnapshot later) {
    Objects.requireNonNull(later, "later must not be null");
    if (!name.equals(later.name)) {
      throw new IllegalArgumentException(
          "cannot diff snapshots of different tables: '" + name + "' and '" + later.name + "'");
    }
    shape.checkSameAs(later.shape, what);
    ChangeCollector changes = new ChangeCollector(later.shape);
    try {
      RowMerge.merge(rows.cursor(), later.rows.cursor(), changes);
    } catch (SQLException e) {
      throw new IllegalStateException("snapshots in memory never read the database", e);
    }
    return changes.diff(name);
  }

  SnapshotColumns shape() {
    return shape;
  }

  RowStore rows() {
    return rows;
  }

  /** Renders as {@code table 'inventory': 1000 rows, columns [ID, SKU, QUANTITY], key [ID]}. */
  @Override
  public String toString() {
    return what + ": " + rowCount() + " rows, columns " + columns() + ", key " + keyColumns();
  }
}
