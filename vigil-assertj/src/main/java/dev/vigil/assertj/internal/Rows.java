package dev.vigil.assertj.internal;

import dev.vigil.snapshot.Diff;
import dev.vigil.snapshot.FieldChange;
import dev.vigil.snapshot.RowChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Finds rows of a diff by key and fields of a row by name, the way the assertions compare them. */
public final class Rows {

  private Rows() {}

  /** The change of the row whose key is {@code key}, numbers compared by value. */
  public static Optional<RowChange> find(Diff diff, Object key) {
    return diff.stream().filter(row -> Values.same(key, row.key())).findFirst();
  }

  /**
   * The name the row gives {@code field}: the same name, or else the one name equal ignoring case
   * (H2 reports {@code QUANTITY} where PostgreSQL reports {@code quantity}), or {@code null}.
   */
  public static @Nullable String fieldName(RowChange row, String field) {
    List<String> names = fieldNames(row);
    if (names.contains(field)) {
      return field;
    }
    List<String> sameIgnoringCase = names.stream().filter(field::equalsIgnoreCase).toList();
    return sameIgnoringCase.size() == 1 ? sameIgnoringCase.get(0) : null;
  }

  /** Every field of the row, before and after. */
  public static List<String> fieldNames(RowChange row) {
    List<String> names = new ArrayList<>(row.before().keySet());
    row.after().keySet().stream().filter(name -> !names.contains(name)).forEach(names::add);
    return names;
  }

  /** The change of one field, or {@code null} when it did not change. */
  public static @Nullable FieldChange change(RowChange row, String field) {
    return row.changes().stream().filter(c -> c.field().equals(field)).findFirst().orElse(null);
  }
}
