package dev.vigil.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the text of a diff, which failures and logs show. */
class DiffTableTest {
  private static Map<String, Object> row(Object... fieldsAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      row.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
    }
    return row;
  }

  @Test
  void a_diff_renders_as_a_table_with_one_line_per_changed_field() {
    Diff diff =
        new Diff(
            "inventory",
            List.of(
                RowChange.updated(
                    "sku-1", row("sku", "sku-1", "qty", 100), row("sku", "sku-1", "qty", 97)),
                RowChange.inserted("sku-9", row("sku", "sku-9", "qty", 5)),
                RowChange.deleted("sku-4", row("sku", "sku-4", "qty", 0))));

    assertThat(diff.toString())
        .isEqualTo(
            String.join(
                "\n",
                "inventory: 1 updated, 1 inserted, 1 deleted",
                "  change    key      field  before   after",
                "  updated   \"sku-1\"  qty    100      97",
                "  inserted  \"sku-9\"  sku             \"sku-9\"",
                "                     qty             5",
                "  deleted   \"sku-4\"  sku    \"sku-4\"",
                "                     qty    0"));
  }

  @Test
  void an_empty_diff_is_its_summary() {
    assertThat(new Diff("inventory", List.of()).toString())
        .isEqualTo("inventory: 0 updated, 0 inserted, 0 deleted");
  }

  @Test
  void a_long_diff_shows_the_first_rows_and_counts_the_rest() {
    List<RowChange> changes = new ArrayList<>();
    for (int i = 0; i < DiffTable.MAX_ROWS + 7; i++) {
      changes.add(RowChange.inserted(i, row("id", i)));
    }

    assertThat(new Diff("t", changes).toString()).endsWith("\n  … and 7 more rows");
  }

  @Test
  void values_are_quoted_escaped_and_cut() {
    assertThat(Values.render("a\nb")).isEqualTo("\"a\\nb\"");
    assertThat(Values.render(new byte[] {(byte) 0xCA, 0x0F})).isEqualTo("0xca0f");
    assertThat(Values.render(null)).isEqualTo("null");
    assertThat(Values.render("x".repeat(100))).hasSize(60).endsWith("…");
  }
}
