package dev.vigil.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How table snapshots see inserted, deleted and updated rows, on every database. */
abstract class TableChangesContract {
  abstract TestDatabase database();

  @BeforeEach
  void createInventory() throws SQLException {
    database()
        .execute(
            "create table inventory (id int primary key, sku varchar(20) not null, quantity int,"
                + " updated_at timestamp)",
            "insert into inventory values (1, 'sku-1', 100, timestamp '2024-01-01 10:00:00'),"
                + " (2, 'sku-2', 50, timestamp '2024-01-01 10:00:00'),"
                + " (3, 'sku-3', 7, timestamp '2024-01-01 10:00:00')");
  }

  @AfterEach
  void dropTables() throws SQLException {
    database().dropEverything();
  }

  String col(String name) {
    return database().folded(name);
  }

  DataSource dataSource() {
    return database().dataSource();
  }

  @Test
  void detects_inserted_updated_and_deleted_rows_with_column_level_before_and_after()
      throws SQLException {
    Table inventory = Table.named(dataSource(), "inventory");
    TableSnapshot before = inventory.snapshot();
    database()
        .execute(
            "update inventory set quantity = 97 where id = 1",
            "delete from inventory where id = 2",
            "insert into inventory values (4, 'sku-4', 12, timestamp '2024-01-02 08:00:00')");

    Diff diff = inventory.diffSince(before);

    assertThat(diff)
        .extracting(RowChange::kind, RowChange::key)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(RowChange.Kind.UPDATED, 1),
            org.assertj.core.groups.Tuple.tuple(RowChange.Kind.DELETED, 2),
            org.assertj.core.groups.Tuple.tuple(RowChange.Kind.INSERTED, 4));
    RowChange updated = diff.get(0);
    assertThat(updated.changes()).containsExactly(new FieldChange(col("quantity"), 100, 97));
    assertThat(updated.before(col("sku"))).isEqualTo("sku-1");
    assertThat(updated.after().keySet())
        .containsExactly(col("id"), col("sku"), col("quantity"), col("updated_at"));
    assertThat(diff.deleted().get(0).before(col("quantity"))).isEqualTo(50);
    assertThat(diff.deleted().get(0).after()).isEmpty();
    assertThat(diff.inserted().get(0).after(col("sku"))).isEqualTo("sku-4");
    assertThat(diff.name()).isEqualTo("inventory");
  }

  @Test
  void a_diff_of_two_snapshots_equals_the_diff_since_the_first() throws SQLException {
    Table inventory = Table.named(dataSource(), "inventory");
    TableSnapshot before = inventory.snapshot();
    database()
        .execute(
            "update inventory set sku = 'sku-one' where id = 1",
            "delete from inventory where id = 3",
            "insert into inventory values (0, 'sku-0', 1, null)");

    Diff twoSnapshots = before.diffTo(inventory.snapshot());

    assertThat(twoSnapshots).isEqualTo(inventory.diffSince(before)).hasSize(3);
    assertThat(twoSnapshots.summary()).isEqualTo("inventory: 1 updated, 1 inserted, 1 deleted");
  }

  @Test
  void unchanged_rows_give_an_empty_diff() {
    Table inventory = Table.named(dataSource(), "inventory");
    TableSnapshot before = inventory.snapshot();

    assertThat(inventory.diffSince(before)).isEmpty();
    assertThat(before.diffTo(inventory.snapshot())).isEmpty();
  }

  @Test
  void rows_with_a_composite_key_are_keyed_by_a_list_of_their_values() throws SQLException {
    database()
        .execute(
            "create table order_lines (order_id int, line int, sku varchar(20), quantity int,"
                + " primary key (order_id, line))",
            "insert into order_lines values (1, 1, 'sku-1', 2), (1, 2, 'sku-2', 1),"
                + " (2, 1, 'sku-1', 5)");
    Table lines = Table.named(dataSource(), "order_lines");
    TableSnapshot before = lines.snapshot();
    database()
        .execute(
            "update order_lines set quantity = 3 where order_id = 1 and line = 2",
            "insert into order_lines values (2, 2, 'sku-3', 1)");

    Diff diff = lines.diffSince(before);

    assertThat(before.keyColumns()).containsExactly(col("order_id"), col("line"));
    assertThat(diff).extracting(RowChange::key).containsExactly(List.of(1, 2), List.of(2, 2));
    assertThat(diff.row(List.of(1, 2)).orElseThrow().changes())
        .containsExactly(new FieldChange(col("quantity"), 1, 3));
  }

  @Test
  void ignored_columns_are_neither_read_nor_compared() throws SQLException {
    Table inventory = Table.named(dataSource(), "inventory").ignoring("updated_at");
    TableSnapshot before = inventory.snapshot();
    database()
        .execute(
            "update inventory set updated_at = timestamp '2024-06-01 00:00:00'",
            "update inventory set quantity = 6 where id = 3");

    Diff diff = inventory.diffSince(before);

    assertThat(before.columns()).containsExactly(col("id"), col("sku"), col("quantity"));
    assertThat(diff)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.key()).isEqualTo(3);
              assertThat(row.changes()).containsExactly(new FieldChange(col("quantity"), 7, 6));
              assertThat(row.after()).doesNotContainKey(col("updated_at"));
            });
  }

  @Test
  void a_query_snapshot_is_keyed_by_the_columns_given() throws SQLException {
    Table lowStock =
        Table.query(
                dataSource(),
                "low-stock",
                "select sku, quantity, updated_at from inventory where quantity < 60")
            .keyedBy("sku")
            .ignoring("updated_at");
    TableSnapshot before = lowStock.snapshot();
    database()
        .execute(
            "update inventory set quantity = 5, updated_at = null where id = 3",
            "update inventory set quantity = 10 where id = 1");

    Diff diff = lowStock.diffSince(before);

    assertThat(before.keyColumns()).containsExactly(col("sku"));
    assertThat(before.columns()).containsExactly(col("sku"), col("quantity"));
    assertThat(diff.name()).isEqualTo("low-stock");
    assertThat(diff.inserted()).extracting(RowChange::key).containsExactly("sku-1");
    assertThat(diff.updated())
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.changes()).containsExactly(new FieldChange(col("quantity"), 7, 5)));
  }

  @Test
  void a_query_read_in_any_order_is_diffed_in_key_order() throws SQLException {
    Table descending =
        Table.query(
                dataSource(), "descending", "select id, quantity from inventory order by id desc")
            .keyedBy("id");
    TableSnapshot before = descending.snapshot();
    database()
        .execute(
            "update inventory set quantity = quantity + 1",
            "insert into inventory values (-1, 'sku-minus', 0, null)");

    assertThat(descending.diffSince(before))
        .extracting(RowChange::key)
        .containsExactly(-1, 1, 2, 3);
    assertThat(before.diffTo(descending.snapshot()))
        .extracting(RowChange::key)
        .containsExactly(-1, 1, 2, 3);
  }

  @Test
  void a_query_whose_order_changes_between_reads_is_still_diffed_by_key() throws SQLException {
    database().execute("update inventory set quantity = id * 10");
    Table byQuantity =
        Table.query(
                dataSource(), "by-quantity", "select id, quantity from inventory order by quantity")
            .keyedBy("id");
    TableSnapshot before = byQuantity.snapshot();
    database().execute("update inventory set quantity = 1000 where id = 1");

    assertThat(byQuantity.diffSince(before))
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.changes())
                    .containsExactly(new FieldChange(col("quantity"), 10, 1000)));
  }

  @Test
  void text_keys_are_diffed_in_code_point_order() throws SQLException {
    database()
        .execute(
            "create table labels (name varchar(20) primary key, uses int)",
            "insert into labels values ('b', 1), ('B', 1), ('a b', 1), ('ab', 1), ('a', 1),"
                + " ('é', 1)");
    Table labels = Table.named(dataSource(), "labels");
    TableSnapshot before = labels.snapshot();
    database().execute("update labels set uses = 2");

    assertThat(labels.diffSince(before))
        .extracting(RowChange::key)
        .containsExactly("B", "a", "a b", "ab", "b", "é");
  }

  @Test
  void changes_to_and_from_null_are_seen() throws SQLException {
    Table inventory = Table.named(dataSource(), "inventory");
    TableSnapshot before = inventory.snapshot();
    database().execute("update inventory set quantity = null where id = 1");
    TableSnapshot middle = inventory.snapshot();
    database().execute("update inventory set quantity = 5 where id = 1");

    assertThat(before.diffTo(middle).get(0).changes())
        .containsExactly(new FieldChange(col("quantity"), 100, null));
    assertThat(inventory.diffSince(middle).get(0).changes())
        .containsExactly(new FieldChange(col("quantity"), null, 5));
  }

  @Test
  void many_rows_across_several_chunks_diff_to_exactly_the_rows_changed() throws SQLException {
    database()
        .execute(
            "create table stock (id int primary key, sku varchar(20), quantity int)",
            "insert into stock select x, concat('sku-', x), 100 from ("
                + database().series(20_000)
                + ") s");
    Table stock = Table.named(dataSource(), "stock");
    TableSnapshot before = stock.snapshot();
    database()
        .execute(
            "update stock set quantity = 99 where mod(id, 100) = 0",
            "delete from stock where id <= 10",
            "insert into stock values (20001, 'sku-new', 1)");

    Diff diff = stock.diffSince(before);

    assertThat(before.rowCount()).isEqualTo(20_000);
    assertThat(diff.updated()).hasSize(200);
    assertThat(diff.deleted())
        .extracting(RowChange::key)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(diff.inserted()).extracting(RowChange::key).containsExactly(20001);
    assertThat(diff).isEqualTo(before.diffTo(stock.snapshot()));
  }

  @Test
  void a_table_without_a_primary_key_can_be_keyed_by_columns_given() throws SQLException {
    database()
        .execute(
            "create table events (code varchar(10), seen int)",
            "insert into events values ('a', 1), ('b', 1)");
    Table events = Table.named(dataSource(), "events").keyedBy("code");
    TableSnapshot before = events.snapshot();
    database().execute("update events set seen = 2 where code = 'b'");

    assertThat(events.diffSince(before))
        .singleElement()
        .satisfies(
            row -> assertThat(row.changes()).containsExactly(new FieldChange(col("seen"), 1, 2)));
  }

  @Test
  void a_row_lists_every_column_in_table_order() throws SQLException {
    Table inventory = Table.named(dataSource(), "inventory");
    TableSnapshot before = inventory.snapshot();
    database().execute("delete from inventory where id = 3");

    Map<String, Object> deleted = inventory.diffSince(before).get(0).before();

    assertThat(deleted)
        .containsExactly(
            Map.entry(col("id"), 3),
            Map.entry(col("sku"), "sku-3"),
            Map.entry(col("quantity"), 7),
            Map.entry(col("updated_at"), java.time.LocalDateTime.of(2024, 1, 1, 10, 0)));
  }
}
