package dev.vigil.snapshot.internal;

import java.sql.SQLException;
import java.util.Arrays;

/**
 * The keyed diff of two row sequences in key order, in one pass over both: rows compare by their
 * key bytes, and rows with equal keys are equal when their value bytes are, so only the rows that
 * differ are ever decoded.
 */
public final class RowMerge {
  private RowMerge() {}

  /**
   * Walks both sides once and reports each row that differs.
   *
   * @param earlier the rows as they were, in key order
   * @param later the rows as they are, in key order
   * @param sink receives each difference, in key order
   * @throws SQLException when a side read from the database fails
   */
  public static void merge(RowCursor earlier, RowCursor later, ChangeSink sink)
      throws SQLException {
    boolean hasEarlier = earlier.next();
    boolean hasLater = later.next();
    while (hasEarlier || hasLater) {
      int order = !hasEarlier ? 1 : !hasLater ? -1 : compareKeys(earlier, later);
      if (order < 0) {
        sink.deleted(earlier);
        hasEarlier = earlier.next();
      } else if (order > 0) {
        sink.inserted(later);
        hasLater = later.next();
      } else {
        if (!sameValues(earlier, later)) {
          sink.updated(earlier, later);
        }
        hasEarlier = earlier.next();
        hasLater = later.next();
      }
    }
  }

  private static int compareKeys(RowCursor left, RowCursor right) {
    return Arrays.compareUnsigned(
        left.keyArray(),
        left.keyFrom(),
        left.keyTo(),
        right.keyArray(),
        right.keyFrom(),
        right.keyTo());
  }

  private static boolean sameValues(RowCursor left, RowCursor right) {
    return Arrays.equals(
        left.valueArray(),
        left.valueFrom(),
        left.valueTo(),
        right.valueArray(),
        right.valueFrom(),
        right.valueTo());
  }
}
