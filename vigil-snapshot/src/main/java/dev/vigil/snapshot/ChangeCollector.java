package dev.vigil.snapshot;

import dev.vigil.snapshot.internal.ChangeSink;
import dev.vigil.snapshot.internal.RowCursor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Decodes the rows a merge finds different into {@link RowChange}s, in the order found. */
final class ChangeCollector implements ChangeSink {
  private final SnapshotColumns columns;
  private final List<RowChange> changes = new ArrayList<>();

  ChangeCollector(SnapshotColumns columns) {
    this.columns = columns;
  }

  @Override
  public void inserted(RowCursor later) {
    @Nullable Object[] after = columns.codec().decodeRow(later);
    changes.add(RowChange.inserted(key(after), row(after)));
  }

  @Override
  public void deleted(RowCursor earlier) {
    @Nullable Object[] before = columns.codec().decodeRow(earlier);
    changes.add(RowChange.deleted(key(before), row(before)));
  }

  @Override
  public void updated(RowCursor earlier, RowCursor later) {
    @Nullable Object[] before = columns.codec().decodeRow(earlier);
    @Nullable Object[] after = columns.codec().decodeRow(later);
    changes.add(RowChange.updated(key(before), row(before), row(after)));
  }

  Diff diff(String name) {
    return new Diff(name, changes);
  }

  private Object key(@Nullable Object[] values) {
    List<Object> key = new ArrayList<>();
    for (String column : columns.keys()) {
      key.add(Objects.requireNonNull(values[columns.names().indexOf(column)]));
    }
    return keyOf(key);
  }

  private Map<String, @Nullable Object> row(@Nullable Object[] values) {
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    for (int column = 0; column < values.length; column++) {
      row.put(columns.names().get(column), values[column]);
    }
    return row;
  }

  /** The key of a row as a diff shows it: the value, or a list of values for several columns. */
  static Object keyOf(List<Object> values) {
    return values.size() == 1 ? values.get(0) : List.copyOf(values);
  }
}
