package dev.vigil.snapshot.internal;

import java.sql.SQLException;

/**
 * Rows in key order, one at a time: the current row's key and value bytes are ranges of arrays that
 * stay valid until the next call of {@link #next()}.
 */
public interface RowCursor {
  /**
   * Moves to the next row.
   *
   * @return false when there is none
   * @throws SQLException when reading the row from the database fails
   */
  boolean next() throws SQLException;

  /** Returns the array holding the current row's key. */
  byte[] keyArray();

  /** Returns where the current row's key starts. */
  int keyFrom();

  /** Returns where the current row's key ends (exclusive). */
  int keyTo();

  /** Returns the array holding the current row's other columns. */
  byte[] valueArray();

  /** Returns where the current row's other columns start. */
  int valueFrom();

  /** Returns where the current row's other columns end (exclusive). */
  int valueTo();
}
