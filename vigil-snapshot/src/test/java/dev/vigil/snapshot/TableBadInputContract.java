package dev.vigil.snapshot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each bad input is a clear error naming the table or column and the value, on every database. */
abstract class TableBadInputContract {
  abstract TestDatabase database();

  @BeforeEach
  void createInventory() throws SQLException {
    database()
        .execute(
            "create table inventory (id int primary key, sku varchar(20), quantity int)",
            "insert into inventory values (1, 'sku-1', 100), (2, 'sku-2', 50)");
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

  List<String> inventoryColumns() {
    return List.of(col("id"), col("sku"), col("quantity"));
  }

  @Test
  void an_unknown_table_is_named_with_the_tables_of_a_similar_name() {
    assertThatThrownBy(() -> Table.named(dataSource(), "inventry").snapshot())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "table 'inventry' not found; similar tables: ["
                + col("public")
                + "."
                + col("inventory")
                + "]");
    assertThatThrownBy(() -> Table.named(dataSource(), "zzz").snapshot())
        .hasMessage("table 'zzz' not found");
  }

  @Test
  void a_table_without_a_primary_key_and_no_key_given_is_an_error_naming_it_and_keyed_by()
      throws SQLException {
    database().execute("create table events (code varchar(10), seen int)");

    assertThatThrownBy(() -> Table.named(dataSource(), "events").snapshot())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "table 'events' ("
                + col("public")
                + "."
                + col("events")
                + ") has no primary key: name the columns that identify a row with keyedBy(...),"
                + " as in Table.named(dataSource, \"events\").keyedBy(\"id\")");
  }

  @Test
  void an_unknown_key_or_ignored_column_is_named_with_the_columns_there_are() {
    assertThatThrownBy(() -> Table.named(dataSource(), "inventory").keyedBy("code").snapshot())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "table 'inventory' has no column 'code' to key by; its columns are "
                + inventoryColumns());
    assertThatThrownBy(() -> Table.named(dataSource(), "inventory").ignoring("colour").snapshot())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "table 'inventory' has no column 'colour' to ignore; its columns are "
                + inventoryColumns());
    assertThatThrownBy(
            () ->
                Table.query(dataSource(), "q", "select sku from inventory")
                    .keyedBy("id")
                    .snapshot())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("query 'q' has no column 'id' to key by; its columns are [" + col("sku") + "]");
  }

  @Test
  void the_key_column_cannot_be_ignored() {
    assertThatThrownBy(() -> Table.named(dataSource(), "inventory").ignoring("id").snapshot())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "table 'inventory' cannot ignore its key column "
                + col("id")
                + "; key it by other columns");
  }

  @Test
  void a_column_added_or_removed_between_snapshots_is_named() throws SQLException {
    Table inventory = Table.named(dataSource(), "inventory");
    TableSnapshot before = inventory.snapshot();
    database().execute("alter table inventory add column colour varchar(10)");
    String added =
        "the columns of table 'inventory' changed between the snapshots: added ["
            + col("colour")
            + "], removed [] (before "
            + inventoryColumns()
            + ", after "
            + List.of(col("id"), col("sku"), col("quantity"), col("colour"))
            + "); take a new snapshot to compare against";

    assertThatThrownBy(() -> inventory.diffSince(before))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(added);
    assertThatThrownBy(() -> before.diffTo(inventory.snapshot())).hasMessage(added);

    database().execute("alter table inventory drop column quantity");
    assertThatThrownBy(() -> inventory.diffSince(before))
        .hasMessageStartingWith(
            "the columns of table 'inventory' changed between the snapshots: added ["
                + col("colour")
                + "], removed ["
                + col("quantity")
                + "]");
  }

  @Test
  void a_column_whose_type_changed_between_snapshots_is_named() throws SQLException {
    Table inventory = Table.named(dataSource(), "inventory");
    TableSnapshot before = inventory.snapshot();
    database().execute(database().changeColumnType("inventory", "quantity", "varchar(10)"));

    assertThatThrownBy(() -> inventory.diffSince(before))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "column "
                + col("quantity")
                + " of table 'inventory' changed type between the snapshots, from ");
  }

  @Test
  void null_arguments_are_named() {
    Table inventory = Table.named(dataSource(), "inventory");

    assertThatThrownBy(() -> Table.named((DataSource) null, "inventory"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("dataSource must not be null");
    assertThatThrownBy(() -> Table.named((Connection) null, "inventory"))
        .hasMessage("connection must not be null");
    assertThatThrownBy(() -> Table.named(dataSource(), null)).hasMessage("table must not be null");
    assertThatThrownBy(() -> Table.query(dataSource(), null, "select 1"))
        .hasMessage("name must not be null");
    assertThatThrownBy(() -> Table.query(dataSource(), "q", null))
        .hasMessage("sql must not be null");
    assertThatThrownBy(() -> inventory.keyedBy((String[]) null))
        .hasMessage("keyedBy columns must not be null");
    assertThatThrownBy(() -> inventory.keyedBy("id", null))
        .hasMessage("keyedBy column 1 must not be null");
    assertThatThrownBy(() -> inventory.ignoring((String) null))
        .hasMessage("ignoring column 0 must not be null");
    assertThatThrownBy(() -> inventory.diffSince(null)).hasMessage("earlier must not be null");
    assertThatThrownBy(() -> inventory.snapshot().diffTo(null))
        .hasMessage("later must not be null");
  }

  @Test
  void blank_names_and_an_empty_key_are_refused() {
    assertThatThrownBy(() -> Table.named(dataSource(), " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("table must not be blank, was ' '");
    assertThatThrownBy(() -> Table.named(dataSource(), "inventory").keyedBy())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyedBy needs at least one column, was none");
    assertThatThrownBy(() -> Table.named(dataSource(), "a.b.c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "table must be a name such as inventory, public.inventory or \"Order Lines\", was 'a.b.c'");
  }

  @Test
  void a_closed_connection_is_an_error_naming_the_table() throws SQLException {
    Connection connection = dataSource().getConnection();
    Table inventory = Table.named(connection, "inventory");
    TableSnapshot before = inventory.snapshot();
    connection.close();

    assertThatThrownBy(inventory::snapshot)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "cannot snapshot table 'inventory': its connection is closed; pass an open connection");
    assertThatThrownBy(() -> inventory.diffSince(before))
        .hasMessageContaining("table 'inventory': its connection is closed");
  }

  @Test
  void a_query_needs_key_columns() {
    assertThatThrownBy(
            () -> Table.query(dataSource(), "stock", "select * from inventory").snapshot())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "query 'stock' needs key columns: call keyedBy(...) with the columns that identify a row");
  }

  @Test
  void duplicate_keys_are_named() throws SQLException {
    database().execute("update inventory set quantity = 100");
    Table byQuantity =
        Table.query(dataSource(), "by-quantity", "select quantity, sku from inventory")
            .keyedBy("quantity");

    assertThatThrownBy(byQuantity::snapshot)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "query 'by-quantity': two rows have the key 100 (key columns ["
                + col("quantity")
                + "]); key by columns that identify a single row with keyedBy(...)");
  }

  @Test
  void duplicate_keys_are_named_when_the_rows_arrive_out_of_key_order() throws SQLException {
    database().execute("insert into inventory values (3, 'sku-3', 100)");
    Table byQuantity =
        Table.query(dataSource(), "by-quantity", "select quantity, sku from inventory order by id")
            .keyedBy("quantity");

    assertThatThrownBy(byQuantity::snapshot)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("query 'by-quantity': two rows have the key 100 (key columns");
  }

  @Test
  void duplicate_keys_are_named_when_a_diff_streams_the_rows() throws SQLException {
    Table bySku = Table.named(dataSource(), "inventory").keyedBy("sku");
    TableSnapshot before = bySku.snapshot();
    database().execute("update inventory set sku = 'sku-1'");

    assertThatThrownBy(() -> bySku.diffSince(before))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("table 'inventory': two rows have the key \"sku-1\"");
  }

  @Test
  void a_null_key_is_named() throws SQLException {
    database().execute("update inventory set quantity = null where id = 2");
    Table byQuantity = Table.named(dataSource(), "inventory").keyedBy("quantity");

    assertThatThrownBy(byQuantity::snapshot)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "table 'inventory': key column "
                + col("quantity")
                + " is null in a row; a key must identify every row: key by non-null columns with"
                + " keyedBy(...)");
  }

  @Test
  void a_query_with_two_columns_of_one_name_is_refused() {
    assertThatThrownBy(
            () ->
                Table.query(dataSource(), "twice", "select id, id from inventory")
                    .keyedBy("id")
                    .snapshot())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "query 'twice' has two columns named "
                + col("id")
                + "; give them distinct names with AS");
  }

  @Test
  void snapshots_of_different_tables_are_not_diffed() throws SQLException {
    database()
        .execute("create table other_stock (id int primary key, sku varchar(20), quantity int)");
    TableSnapshot inventory = Table.named(dataSource(), "inventory").snapshot();
    TableSnapshot other = Table.named(dataSource(), "other_stock").snapshot();

    assertThatThrownBy(() -> inventory.diffTo(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot diff snapshots of different tables: 'inventory' and 'other_stock'");
    assertThatThrownBy(() -> Table.named(dataSource(), "other_stock").diffSince(inventory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot diff table 'other_stock' against a snapshot of 'inventory'");
  }

  @Test
  void a_failing_query_names_the_query_and_keeps_the_cause() {
    assertThatThrownBy(
            () ->
                Table.query(dataSource(), "broken", "select nothing from nowhere")
                    .keyedBy("x")
                    .snapshot())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot snapshot query 'broken': ")
        .hasCauseInstanceOf(SQLException.class);
  }
}
