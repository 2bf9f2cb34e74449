package dev.vigil.snapshot;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A table name as the test wrote it, {@code inventory}, {@code public.inventory} or {@code "Order
 * Lines"}: a table and an optional schema, each either quoted (taken as written) or not (folded the
 * way the database folds unquoted names).
 */
record TableName(@Nullable Part schema, Part table) {
  /** One dot-separated part of the name. */
  record Part(String text, boolean quoted) {
    /** The spellings to look the part up by: as the database folds it, then as written. */
    List<String> spellings(DatabaseMetaData metadata) throws SQLException {
      if (quoted) {
        return List.of(text);
      }
      String folded = text;
      if (metadata.storesUpperCaseIdentifiers()) {
        folded = text.toUpperCase(Locale.ROOT);
      } else if (metadata.storesLowerCaseIdentifiers()) {
        folded = text.toLowerCase(Locale.ROOT);
      }
      return folded.equals(text) ? List.of(text) : List.of(folded, text);
    }
  }

  static TableName parse(String given) {
    List<Part> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    boolean inQuotes = false;
    for (int i = 0; i < given.length(); i++) {
      char c = given.charAt(i);
      if (c == '"' && inQuotes && i + 1 < given.length() && given.charAt(i + 1) == '"') {
        part.append('"');
        i++;
      } else if (c == '"') {
        inQuotes = !inQuotes;
        quoted = true;
      } else if (c == '.' && !inQuotes) {
        parts.add(new Part(part.toString().trim(), quoted));
        part.setLength(0);
        quoted = false;
      } else {
        part.append(c);
      }
    }
    parts.add(new Part(part.toString().trim(), quoted));
    if (inQuotes || parts.size() > 2 || parts.stream().anyMatch(p -> p.text().isEmpty())) {
      throw new IllegalArgumentException(
          "table must be a name such as inventory, public.inventory or \"Order Lines\", was '"
              + given
              + "'");
    }
    return parts.size() == 1
        ? new TableName(null, parts.get(0))
        : new TableName(parts.get(0), parts.get(1));
  }
}
