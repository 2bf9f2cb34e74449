package dev.vigil.assertj.internal;

import static dev.vigil.assertj.internal.Texts.NL;

import dev.vigil.snapshot.Diff;
import dev.vigil.snapshot.RowChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The one place where the failure texts of diff assertions are written. */
public final class DiffTexts {

  private DiffTexts() {}

  /** The diff was expected to be empty. */
  public static String notEmpty(Diff diff) {
    return expecting(diff) + "to be empty, but " + Texts.count(diff.size(), "row") + " changed.";
  }

  /** Rows expected with {@code kind} were not, or changed otherwise. */
  public static String missingRows(Diff diff, RowChange.Kind kind, List<?> expected) {
    List<String> why = new ArrayList<>();
    for (Object key : expected) {
      Optional<RowChange> row = Rows.find(diff, key);
      if (row.isEmpty()) {
        why.add(Texts.render(key) + " did not change");
      } else if (row.get().kind() != kind) {
        why.add(Texts.render(key) + " was " + kindName(row.get().kind()));
      }
    }
    return expecting(diff)
        + "to have "
        + kindName(kind)
        + " "
        + (expected.size() == 1 ? "row " : "rows ")
        + Texts.renderAll(expected)
        + ", but "
        + String.join(", ", why)
        + ".";
  }

  /** The row's changed fields were others, or the row was not updated. */
  public static String changedFields(Diff diff, Object key, List<String> expected, String why) {
    return expecting(diff)
        + "to have only "
        + expected
        + " changed in row "
        + Texts.render(key)
        + ", but "
        + why
        + ".";
  }

  /** One field did not change from {@code before} to {@code after}. */
  public static String fieldChange(
      Diff diff,
      Object key,
      String field,
      @Nullable Object before,
      @Nullable Object after,
      String why) {
    return expecting(diff)
        + "to have row "
        + Texts.render(key)
        + " change "
        + field
        + " from "
        + Texts.render(before)
        + " to "
        + Texts.render(after)
        + ", but "
        + why
        + ".";
  }

  /** Says {@code row "p-1" did not change} or {@code row "p-1" was inserted}. */
  public static String rowNot(Object key, Optional<RowChange> row) {
    return "row "
        + Texts.render(key)
        + row.map(r -> " was " + kindName(r.kind())).orElse(" did not change");
  }

  /** The kind as the failures write it: {@code inserted}, {@code updated}, {@code deleted}. */
  public static String kindName(RowChange.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  private static String expecting(Diff diff) {
    return NL + "Expecting diff:" + NL + Texts.indent(diff.toString(), 2) + NL;
  }
}
