package dev.vigil.assertj;

import static dev.vigil.assertj.VigilAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.snapshot.Diff;
import dev.vigil.snapshot.Snapshot;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Assertions on a snapshot diff, message by message; every failure shows the diff's table. */
class DiffAssertTest {
  private static final String NL = System.lineSeparator();

  record Stock(String sku, int stock, String updatedAt) {}

  private static final Diff INVENTORY =
      Snapshot.of(
              "inventory",
              List.of(
                  new Stock("prod-1", 100, "t0"),
                  new Stock("prod-2", 5, "t0"),
                  new Stock("prod-3", 7, "t0")),
              Stock::sku)
          .diffTo(
              Snapshot.of(
                  "inventory",
                  List.of(
                      new Stock("prod-1", 97, "t1"),
                      new Stock("prod-3", 7, "t0"),
                      new Stock("prod-4", 1, "t1")),
                  Stock::sku));

  private static final String TABLE =
      NL
          + "Expecting diff:"
          + NL
          + "  inventory: 1 updated, 1 inserted, 1 deleted"
          + NL
          + "    change    key       field      before    after"
          + NL
          + "    updated   \"prod-1\"  stock      100       97"
          + NL
          + "                        updatedAt  \"t0\"      \"t1\""
          + NL
          + "    deleted   \"prod-2\"  sku        \"prod-2\""
          + NL
          + "                        stock      5"
          + NL
          + "                        updatedAt  \"t0\""
          + NL
          + "    inserted  \"prod-4\"  sku                  \"prod-4\""
          + NL
          + "                        stock                1"
          + NL
          + "                        updatedAt            \"t1\""
          + NL;

  @Test
  void a_diff_with_every_kind_of_change_passes_what_it_holds() {
    assertThat(INVENTORY)
        .hasUpdated("prod-1")
        .hasDeleted("prod-2")
        .hasInserted("prod-4")
        .hasOnlyChangedFields("prod-1", "updatedAt", "STOCK")
        .hasFieldChange("prod-1", "stock", 100L, new BigDecimal("97.0"))
        .hasFieldChange("prod-4", "stock", null, 1)
        .hasFieldChange("prod-2", "sku", "prod-2", null);
  }

  @Test
  void is_empty_passes_when_nothing_changed_and_fails_showing_the_table() {
    Snapshot same = Snapshot.of("inventory", List.of(new Stock("prod-1", 1, "t0")), Stock::sku);
    assertThat(same.diffTo(same)).isEmpty();

    assertThatThrownBy(() -> assertThat(INVENTORY).isEmpty())
        .hasMessage(TABLE + "to be empty, but 3 rows changed.");
  }

  @Test
  void rows_not_changed_as_expected_are_named_with_what_happened_to_them() {
    assertThatThrownBy(() -> assertThat(INVENTORY).hasInserted("prod-4", "prod-1", "prod-3"))
        .hasMessage(
            TABLE
                + "to have inserted rows \"prod-4\", \"prod-1\", \"prod-3\", but \"prod-1\" was"
                + " updated, \"prod-3\" did not change.");
    assertThatThrownBy(() -> assertThat(INVENTORY).hasDeleted("prod-4"))
        .hasMessage(TABLE + "to have deleted row \"prod-4\", but \"prod-4\" was inserted.");
    assertThatThrownBy(() -> assertThat(INVENTORY).hasUpdated("prod-2"))
        .hasMessage(TABLE + "to have updated row \"prod-2\", but \"prod-2\" was deleted.");
  }

  @Test
  void keys_compare_numbers_by_value_and_lists_element_by_element() {
    Map<Object, Object> before = new LinkedHashMap<>();
    before.put(7L, "a");
    before.put(List.of("eu", 1L), "b");
    Map<Object, Object> after = new LinkedHashMap<>(before);
    after.put(7L, "c");
    after.put(List.of("eu", 1L), "d");

    assertThat(Snapshot.of("m", before).diffTo(Snapshot.of("m", after)))
        .hasUpdated(7, List.of("eu", 1))
        .hasFieldChange(7, "value", "a", "c");
  }

  @Test
  void only_changed_fields_fails_naming_the_fields_that_did_change() {
    assertThatThrownBy(() -> assertThat(INVENTORY).hasOnlyChangedFields("prod-1", "stock"))
        .hasMessage(
            TABLE
                + "to have only [stock] changed in row \"prod-1\", but its changed fields were"
                + " [stock, updatedAt].");
    assertThatThrownBy(() -> assertThat(INVENTORY).hasOnlyChangedFields("prod-4", "stock"))
        .hasMessage(
            TABLE
                + "to have only [stock] changed in row \"prod-4\", but row \"prod-4\" was"
                + " inserted.");
    assertThatThrownBy(() -> assertThat(INVENTORY).hasOnlyChangedFields("prod-3", "stock"))
        .hasMessage(
            TABLE
                + "to have only [stock] changed in row \"prod-3\", but row \"prod-3\" did not"
                + " change.");
  }

  @Test
  void a_field_change_that_differs_says_how_it_changed() {
    assertThatThrownBy(() -> assertThat(INVENTORY).hasFieldChange("prod-1", "stock", 100, 98))
        .hasMessage(
            TABLE
                + "to have row \"prod-1\" change stock from 100 to 98, but it changed from 100 to"
                + " 97.");
    assertThatThrownBy(() -> assertThat(INVENTORY).hasFieldChange("prod-1", "sku", "a", "b"))
        .hasMessage(
            TABLE
                + "to have row \"prod-1\" change sku from \"a\" to \"b\", but sku did not change"
                + " (it stayed \"prod-1\").");
    assertThatThrownBy(() -> assertThat(INVENTORY).hasFieldChange("prod-1", "price", 1, 2))
        .hasMessage(
            TABLE
                + "to have row \"prod-1\" change price from 1 to 2, but the row has no field price"
                + " (its fields: [sku, stock, updatedAt]).");
    assertThatThrownBy(() -> assertThat(INVENTORY).hasFieldChange("prod-3", "stock", 7, 6))
        .hasMessage(
            TABLE
                + "to have row \"prod-3\" change stock from 7 to 6, but row \"prod-3\" did not"
                + " change.");
  }

  @Test
  void bad_arguments_are_errors_and_null_fails() {
    assertThatThrownBy(() -> assertThat(INVENTORY).hasUpdated())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keys must not be empty");
    assertThatThrownBy(() -> assertThat(INVENTORY).hasOnlyChangedFields("prod-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fields must not be empty");
    assertThatThrownBy(() -> assertThat((Diff) null).isEmpty())
        .hasMessage(NL + "Expecting actual not to be null");
  }
}
