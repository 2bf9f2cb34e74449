package dev.vigil.snapshot.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Encodes a result set's current row into key bytes and value bytes, and decodes them again.
 *
 * <p>A snapshot's columns are numbered from 0 in the order they are shown; each comes from a result
 * set column (numbered from 1, as JDBC does), so that columns read but ignored are simply not part
 * of the codec. The key columns are encoded in key order with {@link KeyEncoding}, the others in
 * column order with {@link ValueEncoding}.
 */
public final class RowCodec {
  private final ColumnKind[] kinds;
  private final int[] sourceColumns;
  private final int[] keyColumns;
  private final int[] valueColumns;

  /**
   * Creates the codec of one snapshot's columns.
   *
   * @param kinds each column's kind
   * @param sourceColumns each column's result set column (1-based)
   * @param keyColumns the key columns' indexes among the columns, in key order
   */
  public RowCodec(List<ColumnKind> kinds, int[] sourceColumns, int[] keyColumns) {
    this.kinds = kinds.toArray(new ColumnKind[0]);
    this.sourceColumns = sourceColumns.clone();
    this.keyColumns = keyColumns.clone();
    this.valueColumns = new int[kinds.size() - keyColumns.length];
    int next = 0;
    for (int column = 0; column < kinds.size(); column++) {
      if (!contains(keyColumns, column)) {
        valueColumns[next++] = column;
      }
    }
  }

  /**
   * Encodes the current row.
   *
   * @param rows positioned on a row
   * @param key cleared, then filled with the key bytes
   * @param values cleared, then filled with the value bytes
   * @throws SQLException when reading a column fails
   * @throws KeyException when a key column is null
   */
  public void encode(ResultSet rows, RowBuffer key, RowBuffer values) throws SQLException {
    key.clear();
    values.clear();
    for (int column : keyColumns) {
      if (!KeyEncoding.encode(kinds[column], rows, sourceColumns[column], key)) {
        throw KeyException.nullKey(column);
      }
    }
    for (int column : valueColumns) {
      ValueEncoding.encode(kinds[column], rows, sourceColumns[column], values);
    }
  }

  /**
   * Decodes a key.
   *
   * @param bytes the array holding it
   * @param from where it starts
   * @return its values in key order
   */
  public Object[] decodeKey(byte[] bytes, int from) {
    ByteReader in = new ByteReader(bytes, from);
    Object[] key = new Object[keyColumns.length];
    for (int i = 0; i < keyColumns.length; i++) {
      key[i] = KeyEncoding.decode(kinds[keyColumns[i]], in);
    }
    return key;
  }

  /**
   * Decodes the cursor's current row.
   *
   * @param row positioned on a row
   * @return the values of every column, by column index
   */
  public @Nullable Object[] decodeRow(RowCursor row) {
    @Nullable Object[] values = new Object[kinds.length];
    Object[] key = decodeKey(row.keyArray(), row.keyFrom());
    for (int i = 0; i < keyColumns.length; i++) {
      values[keyColumns[i]] = key[i];
    }
    ByteReader in = new ByteReader(row.valueArray(), row.valueFrom());
    for (int column : valueColumns) {
      values[column] = ValueEncoding.decode(kinds[column], in);
    }
    return values;
  }

  private static boolean contains(int[] values, int wanted) {
    for (int value : values) {
      if (value == wanted) {
        return true;
      }
    }
    return false;
  }
}
