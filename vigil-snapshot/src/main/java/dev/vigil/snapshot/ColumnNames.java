package dev.vigil.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Matches the column names a test wrote against the names the database reports: exactly, or else
 * ignoring case when that picks out a single column, so {@code keyedBy("sku")} finds H2's {@code
 * SKU}.
 */
final class ColumnNames {
  private ColumnNames() {}

  static List<String> match(List<String> available, List<String> wanted, String what, String use) {
    LinkedHashSet<String> matched = new LinkedHashSet<>();
    for (String name : wanted) {
      matched.add(match(available, name, what, use));
    }
    return List.copyOf(matched);
  }

  private static String match(List<String> available, String wanted, String what, String use) {
    if (available.contains(wanted)) {
      return wanted;
    }
    List<String> ignoringCase = new ArrayList<>();
    for (String name : available) {
      if (name.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
        ignoringCase.add(name);
      }
    }
    if (ignoringCase.size() == 1) {
      return ignoringCase.get(0);
    }
    throw new IllegalArgumentException(
        what
            + " has no column '"
            + wanted
            + "' to "
            + use
            + "; its columns are "
            + available
            + (ignoringCase.isEmpty() ? "" : " (" + ignoringCase + " differ only in case)"));
  }

  static void checkKeyNotIgnored(List<String> keys, List<String> ignored, String what) {
    for (String key : keys) {
      if (ignored.contains(key)) {
        throw new IllegalArgumentException(
            what + " cannot ignore its key column " + key + "; key it by other columns");
      }
    }
  }
}
