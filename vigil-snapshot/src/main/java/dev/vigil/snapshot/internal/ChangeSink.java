package dev.vigil.snapshot.internal;

/** Receives the rows that differ, in key order, while {@link RowMerge} walks two snapshots. */
public interface ChangeSink {
  /**
   * A row only the later side has.
   *
   * @param later positioned on the row; valid during the call only
   */
  void inserted(RowCursor later);

  /**
   * A row only the earlier side has.
   *
   * @param earlier positioned on the row; valid during the call only
   */
  void deleted(RowCursor earlier);

  /**
   * A row both sides have, with different values.
   *
   * @param earlier positioned on the row as it was
   * @param later positioned on the row as it is
   */
  void updated(RowCursor earlier, RowCursor later);
}
