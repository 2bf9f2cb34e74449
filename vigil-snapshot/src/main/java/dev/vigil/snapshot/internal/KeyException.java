package dev.vigil.snapshot.internal;

import java.util.Arrays;
import java.util.List;

/**
 * A row whose key cannot be used: a null key column, a key seen twice, or (for a stream that must
 * arrive in key order) a key smaller than the one before it. The API turns it into a message that
 * names the table and the columns.
 */
public final class KeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the key. */
  public enum Problem {
    /** A key column is null; {@link #column()} says which. */
    NULL_KEY,
    /** Two rows have the same key, {@link #key()}. */
    DUPLICATE_KEY,
    /** A stream that had to be in key order was not. */
    OUT_OF_ORDER
  }

  private final Problem problem;
  private final int column;
  private final transient List<Object> key;

  private KeyException(Problem problem, int column, List<Object> key) {
    super(problem + " " + (column >= 0 ? "column " + column : key), null, false, false);
    this.problem = problem;
    this.column = column;
    this.key = key;
  }

  static KeyException nullKey(int column) {
    return new KeyException(Problem.NULL_KEY, column, List.of());
  }

  static KeyException duplicate(Object[] key) {
    return new KeyException(Problem.DUPLICATE_KEY, -1, Arrays.asList(key));
  }

  static KeyException outOfOrder() {
    return new KeyException(Problem.OUT_OF_ORDER, -1, List.of());
  }

  /** Returns what is wrong. */
  public Problem problem() {
    return problem;
  }

  /** Returns the index (among the snapshot's columns) of the null key column, or -1. */
  public int column() {
    return column;
  }

  /** Returns the duplicate key's values in key order, or an empty list. */
  public List<Object> key() {
    return key;
  }
}
