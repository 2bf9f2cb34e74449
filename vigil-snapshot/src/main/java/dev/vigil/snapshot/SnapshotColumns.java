package dev.vigil.snapshot;

import dev.vigil.snapshot.internal.ColumnKind;
import dev.vigil.snapshot.internal.RowCodec;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns a snapshot keeps, in result order, with their database types, their kinds and which
 * of them form the key; and the codec that encodes rows of this shape.
 */
final class SnapshotColumns {
  private final List<String> names;
  private final List<String> typeNames;
  private final List<ColumnKind> kinds;
  private final List<String> keys;
  private final RowCodec codec;

  private SnapshotColumns(
      List<String> names,
      List<String> typeNames,
      List<ColumnKind> kinds,
      List<String> keys,
      int[] sourceColumns) {
    this.names = List.copyOf(names);
    this.typeNames = List.copyOf(typeNames);
    this.kinds = List.copyOf(kinds);
    this.keys = List.copyOf(keys);
    int[] keyIndexes = keys.stream().mapToInt(names::indexOf).toArray();
    this.codec = new RowCodec(kinds, sourceColumns, keyIndexes);
  }

  /**
   * Reads the shape of a result, keeping every column but the ignored ones.
   *
   * @param what "table 'x'" or "query 'x'", for errors
   * @param keyNames the key columns as the test or the metadata named them
   * @param ignoredNames the columns to leave out as the test named them
   */
  static SnapshotColumns of(
      ResultSetMetaData metadata, String what, List<String> keyNames, List<String> ignoredNames)
      throws SQLException {
    List<String> labels = labels(metadata, what);
    List<String> keys = ColumnNames.match(labels, keyNames, what, "key by");
    List<String> ignored = ColumnNames.match(labels, ignoredNames, what, "ignore");
    ColumnNames.checkKeyNotIgnored(keys, ignored, what);
    List<String> names = new ArrayList<>();
    List<String> typeNames = new ArrayList<>();
    List<ColumnKind> kinds = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    for (int column = 1; column <= labels.size(); column++) {
      if (!ignored.contains(labels.get(column - 1))) {
        names.add(labels.get(column - 1));
        typeNames.add(metadata.getColumnTypeName(column));
        kinds.add(
            ColumnKind.of(
                metadata.getColumnType(column),
                metadata.getColumnTypeName(column),
                metadata.getPrecision(column)));
        sources.add(column);
      }
    }
    return new SnapshotColumns(
        names, typeNames, kinds, keys, sources.stream().mapToInt(Integer::intValue).toArray());
  }

  private static List<String> labels(ResultSetMetaData metadata, String what) throws SQLException {
    List<String> labels = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int column = 1; column <= metadata.getColumnCount(); column++) {
      String label = metadata.getColumnLabel(column);
      if (!seen.add(label)) {
        throw new IllegalArgumentException(
            what + " has two columns named " + label + "; give them distinct names with AS");
      }
      labels.add(label);
    }
    return labels;
  }

  List<String> names() {
    return names;
  }

  List<String> keys() {
    return keys;
  }

  RowCodec codec() {
    return codec;
  }

  /** Checks that a later snapshot has the same columns, types and key, so rows compare. */
  void checkSameAs(SnapshotColumns later, String what) {
    if (!names.equals(later.names)) {
      throw new IllegalArgumentException(columnsChanged(later, what));
    }
    for (int column = 0; column < names.size(); column++) {
      if (kinds.get(column) != later.kinds.get(column)) {
        throw new IllegalArgumentException(
            "column "
                + names.get(column)
                + " of "
                + what
                + " changed type between the snapshots, from "
                + typeNames.get(column)
                + " to "
                + later.typeNames.get(column)
                + "; take a new snapshot to compare against");
      }
    }
    if (!keys.equals(later.keys)) {
      throw new IllegalArgumentException(
          "the key of "
              + what
              + " changed between the snapshots, from "
              + keys
              + " to "
              + later.keys);
    }
  }

  private String columnsChanged(SnapshotColumns later, String what) {
    List<String> added = new ArrayList<>(later.names);
    added.removeAll(names);
    List<String> removed = new ArrayList<>(names);
    removed.removeAll(later.names);
    return "the columns of "
        + what
        + " changed between the snapshots: added "
        + added
        + ", removed "
        + removed
        + " (before "
        + names
        + ", after "
        + later.names
        + "); take a new snapshot to compare against";
  }
}
