package dev.vigil.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotTest {
  record Item(String sku, int quantity, String warehouse) {}

  /** A bean with getters, as JPA entities and older DTOs are. */
  public static final class Account {
    private final String id;
    private final long balance;
    private final boolean active;

    Account(String id, long balance, boolean active) {
      this.id = id;
      this.balance = balance;
      this.active = active;
    }

    public String getId() {
      return id;
    }

    public long getBalance() {
      return balance;
    }

    public boolean isActive() {
      return active;
    }
  }

  @Test
  void records_diff_into_inserted_deleted_and_updated_entries_in_key_order() {
    Snapshot before =
        Snapshot.of(
            "inventory",
            List.of(new Item("sku-2", 5, "east"), new Item("sku-1", 100, "west")),
            Item::sku);
    Snapshot after =
        Snapshot.of(
            "inventory",
            List.of(new Item("sku-1", 97, "west"), new Item("sku-3", 1, "east")),
            Item::sku);

    Diff diff = before.diffTo(after);

    assertThat(diff).extracting(RowChange::key).containsExactly("sku-1", "sku-2", "sku-3");
    assertThat(diff.updated())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.changes()).containsExactly(new FieldChange("quantity", 100, 97));
              assertThat(row.before("quantity")).isEqualTo(100);
              assertThat(row.after("warehouse")).isEqualTo("west");
            });
    assertThat(diff.deleted()).extracting(RowChange::key).containsExactly("sku-2");
    assertThat(diff.inserted())
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.after())
                    .containsExactly(
                        Map.entry("sku", "sku-3"),
                        Map.entry("quantity", 1),
                        Map.entry("warehouse", "east")));
    assertThat(diff.row("sku-1")).isPresent();
    assertThat(diff.row("sku-9")).isEmpty();
  }

  @Test
  void unchanged_state_diffs_empty() {
    List<Item> items = List.of(new Item("sku-1", 100, "west"));

    Diff diff =
        Snapshot.of("inventory", items, Item::sku)
            .diffTo(Snapshot.of("inventory", items, Item::sku));

    assertThat(diff).isEmpty();
    assertThat(diff.summary()).isEqualTo("inventory: 0 updated, 0 inserted, 0 deleted");
  }

  @Test
  void beans_are_read_through_their_getters() {
    Snapshot before =
        Snapshot.of("accounts", List.of(new Account("a-1", 10, true)), Account::getId);
    Snapshot after = Snapshot.of("accounts", List.of(new Account("a-1", 7, false)), Account::getId);

    assertThat(before.diffTo(after).updated().get(0).changes())
        .containsExactly(
            new FieldChange("active", true, false), new FieldChange("balance", 10L, 7L));
  }

  @Test
  void maps_diff_field_by_field_and_plain_values_as_one_field() {
    Map<String, Object> hashBefore = new LinkedHashMap<>(Map.of("status", "NEW", "total", 30));
    Map<String, Object> hashAfter = new LinkedHashMap<>(Map.of("status", "PAID", "total", 30));

    Diff hashes =
        Snapshot.of("orders", Map.of("o-1", hashBefore))
            .diffTo(Snapshot.of("orders", Map.of("o-1", hashAfter)));
    Diff counters =
        Snapshot.of("counters", Map.of("hits", 1))
            .diffTo(Snapshot.of("counters", Map.of("hits", 2)));

    assertThat(hashes.get(0).changes()).containsExactly(new FieldChange("status", "NEW", "PAID"));
    assertThat(counters.get(0).changes()).containsExactly(new FieldChange("value", 1, 2));
  }

  @Test
  void a_snapshot_keeps_field_values_read_when_it_was_taken() {
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<String, Object> row = new LinkedHashMap<>(Map.of("id", 1, "qty", 5));
    rows.add(row);
    Snapshot before = Snapshot.of("rows", rows, r -> r.get("id"));

    row.put("qty", 4);

    assertThat(before.diffTo(Snapshot.of("rows", rows, r -> r.get("id"))).get(0).changes())
        .containsExactly(new FieldChange("qty", 5, 4));
  }

  @Test
  void arrays_compare_by_content() {
    Snapshot a = Snapshot.of("blobs", Map.of("k", new byte[] {1, 2}));
    Snapshot b = Snapshot.of("blobs", Map.of("k", new byte[] {1, 2}));

    assertThat(a.diffTo(b)).isEmpty();
  }

  @Test
  void keys_that_are_not_comparable_keep_the_order_they_were_seen_in() {
    Object k1 = new Object();
    Object k2 = new Object();
    Snapshot before = Snapshot.of("things", List.of(k2, k1), k -> k);

    Diff diff = before.diffTo(Snapshot.of("things", List.<Object>of(), k -> k));

    assertThat(diff).extracting(RowChange::key).containsExactly(k2, k1);
  }

  @Test
  void two_items_with_one_key_are_an_error_naming_the_key() {
    assertThatThrownBy(
            () ->
                Snapshot.of(
                    "inventory",
                    List.of(new Item("sku-1", 1, "a"), new Item("sku-1", 2, "b")),
                    Item::sku))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key of inventory must be unique, but two items have the key \"sku-1\"");
  }

  @Test
  void a_null_key_is_an_error_naming_the_item() {
    assertThatThrownBy(
            () -> Snapshot.of("inventory", List.of(new Item("sku-1", 1, "a")), item -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "key of inventory must not be null, was null for the item Item[sku=sku-1, quantity=1, warehouse=a]");
  }

  @Test
  void a_blank_name_is_an_error_showing_it() {
    assertThatThrownBy(() -> Snapshot.of(" ", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank, was ' '");
  }

  @Test
  void asking_for_a_field_a_row_lacks_names_the_fields_it_has() {
    Diff diff =
        Snapshot.of("inventory", List.<Item>of(), Item::sku)
            .diffTo(Snapshot.of("inventory", List.of(new Item("sku-1", 1, "a")), Item::sku));

    assertThat(diff.get(0).after("QUANTITY")).isEqualTo(1);
    assertThatThrownBy(() -> diff.get(0).after("qty"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "field must be one of [sku, quantity, warehouse] of the row after (the inserted row \"sku-1\"), was 'qty'");
  }
}
