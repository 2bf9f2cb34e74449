package dev.vigil.snapshot.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Streams a result set's rows as encoded rows, checking that their keys ascend: an equal key is a
 * duplicate, a smaller one means the database's order is not the byte order (a collation, or a
 * query in another order).
 */
public final class ResultSetCursor implements RowCursor {
  private final ResultSet rows;
  private final RowCodec codec;
  private final boolean requireOrder;
  private RowBuffer key = new RowBuffer();
  private RowBuffer previousKey = new RowBuffer();
  private final RowBuffer values = new RowBuffer();
  private boolean first = true;
  private boolean inOrder = true;

  /**
   * Reads from a result set.
   *
   * @param rows the result set, before its first row
   * @param codec encodes each row
   * @param requireOrder whether a key out of order throws {@link KeyException} (when merging as a
   *     stream) rather than being noted in {@link #inOrder()} (when keeping the rows, to sort them)
   */
  public ResultSetCursor(ResultSet rows, RowCodec codec, boolean requireOrder) {
    this.rows = rows;
    this.codec = codec;
    this.requireOrder = requireOrder;
  }

  @Override
  public boolean next() throws SQLException {
    if (!rows.next()) {
      return false;
    }
    RowBuffer swap = previousKey;
    previousKey = key;
    key = swap;
    codec.encode(rows, key, values);
    if (!first && inOrder) {
      checkOrder();
    }
    first = false;
    return true;
  }

  private void checkOrder() {
    int order =
        Arrays.compareUnsigned(
            previousKey.array(), 0, previousKey.size(), key.array(), 0, key.size());
    if (order == 0) {
      throw KeyException.duplicate(codec.decodeKey(key.array(), 0));
    }
    if (order > 0) {
      if (requireOrder) {
        throw KeyException.outOfOrder();
      }
      inOrder = false;
    }
  }

  /** Returns whether every key so far was greater than the one before it. */
  public boolean inOrder() {
    return inOrder;
  }

  /** Returns the current row's encoded key. */
  RowBuffer key() {
    return key;
  }

  /** Returns the current row's encoded values. */
  RowBuffer values() {
    return values;
  }

  @Override
  public byte[] keyArray() {
    return key.array();
  }

  @Override
  public int keyFrom() {
    return 0;
  }

  @Override
  public int keyTo() {
    return key.size();
  }

  @Override
  public byte[] valueArray() {
    return values.array();
  }

  @Override
  public int valueFrom() {
    return 0;
  }

  @Override
  public int valueTo() {
    return values.size();
  }
}
