package dev.vigil.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How table snapshots read: connections, transactions, names and value types, on every database.
 */
abstract class TableReadingContract {
  abstract TestDatabase database();

  @BeforeEach
  void createInventory() throws SQLException {
    database()
        .execute(
            "create table inventory (id int primary key, sku varchar(20) not null, quantity int)",
            "insert into inventory values (1, 'sku-1', 100), (2, 'sku-2', 50)");
  }

  @AfterEach
  void dropTables() throws SQLException {
    database().dropEverything();
  }

  String col(String name) {
    return database().folded(name);
  }

  @Test
  void a_snapshot_through_the_test_connection_sees_its_uncommitted_rows_and_not_after_a_rollback()
      throws SQLException {
    try (Connection connection = database().dataSource().getConnection()) {
      connection.setAutoCommit(false);
      Table inventory = Table.named(connection, "inventory");
      connection.createStatement().execute("insert into inventory values (3, 'sku-3', 1)");

      TableSnapshot inTransaction = inventory.snapshot();
      connection.rollback();
      TableSnapshot afterRollback = inventory.snapshot();

      assertThat(inTransaction.rowCount()).isEqualTo(3);
      assertThat(afterRollback.rowCount()).isEqualTo(2);
      assertThat(inventory.diffSince(inTransaction))
          .extracting(RowChange::kind)
          .containsExactly(RowChange.Kind.DELETED);
    }
  }

  @Test
  void the_test_connection_is_left_open_with_its_transaction_and_autocommit_untouched()
      throws SQLException {
    try (Connection connection = database().dataSource().getConnection()) {
      connection.setAutoCommit(false);
      Table inventory = Table.named(connection, "inventory");
      TableSnapshot before = inventory.snapshot();
      connection.createStatement().execute("update inventory set quantity = 1 where id = 1");

      assertThat(inventory.diffSince(before)).hasSize(1);
      assertThat(connection.isClosed()).isFalse();
      assertThat(connection.getAutoCommit()).isFalse();
      connection.rollback();
      // Nothing was committed by the reads: the rollback undid the update.
      assertThat(inventory.diffSince(before)).isEmpty();
    }
  }

  @Test
  void a_data_source_gives_a_connection_per_read_that_is_closed_after_it() throws SQLException {
    List<Connection> handedOut = new ArrayList<>();
    DataSource tracking = TrackingDataSource.recording(database().dataSource(), handedOut);
    Table inventory = Table.named(tracking, "inventory");

    TableSnapshot before = inventory.snapshot();
    inventory.diffSince(before);

    assertThat(handedOut).hasSize(2);
    for (Connection connection : handedOut) {
      assertThat(connection.isClosed()).isTrue();
    }
  }

  @Test
  void a_pooled_connection_comes_back_in_autocommit_mode_even_after_a_failed_read()
      throws SQLException {
    try (Connection connection = database().dataSource().getConnection()) {
      AtomicInteger closes = new AtomicInteger();
      DataSource pool = TrackingDataSource.pooled(connection, closes);

      Table.named(pool, "inventory").snapshot();
      assertThatThrownBy(() -> Table.named(pool, "inventory").keyedBy("nothing").snapshot())
          .isInstanceOf(IllegalArgumentException.class);

      assertThat(closes).hasValue(2);
      assertThat(connection.getAutoCommit()).isTrue();
    }
  }

  @Test
  void values_decode_to_the_documented_java_types() throws SQLException {
    createTypedTable();
    Table typed = Table.named(database().dataSource(), "typed");
    TableSnapshot before = typed.snapshot();
    insertTypedRow();

    Map<String, Object> row = typed.diffSince(before).get(0).after();

    assertThat(row.get(col("small_value"))).isEqualTo(7);
    assertThat(row.get(col("int_value"))).isEqualTo(42);
    assertThat(row.get(col("big_value"))).isEqualTo(9_000_000_000L);
    assertThat(row.get(col("decimal_value"))).isEqualTo(new BigDecimal("12.34"));
    assertThat(row.get(col("real_value"))).isEqualTo(1.5f);
    assertThat(row.get(col("double_value"))).isEqualTo(2.25d);
    assertThat(row.get(col("flag"))).isEqualTo(true);
    assertThat(row.get(col("fixed_text"))).isEqualTo("abc");
    assertThat(row.get(col("text_value"))).isEqualTo("héllo");
    assertThat(row.get(col("day_value"))).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(row.get(col("time_of_day"))).isEqualTo(LocalTime.of(13, 14, 15));
    assertThat(row.get(col("zoned_time"))).isInstanceOf(OffsetTime.class);
    assertThat(row.get(col("moment")))
        .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000));
    assertThat(((OffsetDateTime) row.get(col("instant"))).toInstant())
        .isEqualTo(
            OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 0, ZoneOffset.ofHours(2)).toInstant());
    assertThat(row.get(col("bytes"))).isEqualTo(new byte[] {(byte) 0xCA, (byte) 0xFE});
    assertThat(row.get(col("uuid_value"))).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
  }

  @Test
  void null_values_of_every_type_decode_as_null() throws SQLException {
    createTypedTable();
    Table typed = Table.named(database().dataSource(), "typed");
    TableSnapshot before = typed.snapshot();
    database().execute("insert into typed (id) values (2)");

    Map<String, Object> row = typed.diffSince(before).get(0).after();

    assertThat(row).hasSize(17).containsEntry(col("id"), 2);
    assertThat(row.values().stream().filter(value -> value != null)).containsExactly(2);
  }

  @Test
  void table_names_resolve_as_the_database_folds_unquoted_names() throws SQLException {
    database().execute("create table \"Order Lines\" (\"Id\" int primary key, \"Qty\" int)");
    DataSource dataSource = database().dataSource();

    assertThat(Table.named(dataSource, "INVENTORY").snapshot().rowCount()).isEqualTo(2);
    assertThat(Table.named(dataSource, "Inventory").snapshot().rowCount()).isEqualTo(2);
    assertThat(Table.named(dataSource, "public.inventory").snapshot().rowCount()).isEqualTo(2);
    assertThat(Table.named(dataSource, "\"Order Lines\"").snapshot().columns())
        .containsExactly("Id", "Qty");
    assertThat(Table.named(dataSource, "Order Lines").snapshot().keyColumns())
        .containsExactly("Id");
  }

  @Test
  void a_table_in_another_schema_is_read_by_its_qualified_name() throws SQLException {
    database()
        .execute(
            "create schema other",
            "create table other.inventory (code varchar(10) primary key)",
            "insert into other.inventory values ('x')");

    TableSnapshot other = Table.named(database().dataSource(), "other.inventory").snapshot();
    TableSnapshot current = Table.named(database().dataSource(), "inventory").snapshot();

    assertThat(other.keyColumns()).containsExactly(col("code"));
    assertThat(current.keyColumns()).containsExactly(col("id"));
  }

  @Test
  void a_snapshot_tells_its_name_columns_key_and_row_count() {
    TableSnapshot snapshot = Table.named(database().dataSource(), "inventory").snapshot();

    assertThat(snapshot.name()).isEqualTo("inventory");
    assertThat(snapshot.rowCount()).isEqualTo(2);
    assertThat(snapshot.columns()).containsExactly(col("id"), col("sku"), col("quantity"));
    assertThat(snapshot.keyColumns()).containsExactly(col("id"));
    assertThat(snapshot)
        .hasToString(
            "table 'inventory': 2 rows, columns "
                + List.of(col("id"), col("sku"), col("quantity"))
                + ", key "
                + List.of(col("id")));
  }

  private void createTypedTable() throws SQLException {
    database()
        .execute(
            "create table typed (id int primary key, small_value smallint, int_value int,"
                + " big_value bigint, decimal_value decimal(10,2), real_value real,"
                + " double_value double precision, flag boolean, fixed_text char(3),"
                + " text_value varchar(20), day_value date, time_of_day time,"
                + " zoned_time time with time zone, moment timestamp,"
                + " instant timestamp with time zone, bytes "
                + database().binaryType()
                + ", uuid_value uuid)");
  }

  private void insertTypedRow() throws SQLException {
    try (Connection connection = database().dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into typed values (1, 7, 42, 9000000000, 12.34, 1.5, 2.25, true, 'abc',"
                    + " ?, date '2024-02-29', time '13:14:15', time with time zone '13:14:15+02:00',"
                    + " ?, ?, ?, ?)")) {
      insert.setString(1, "héllo");
      insert.setObject(2, LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000));
      insert.setObject(3, OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 0, ZoneOffset.ofHours(2)));
      insert.setBytes(4, new byte[] {(byte) 0xCA, (byte) 0xFE});
      insert.setObject(5, UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
      insert.executeUpdate();
    }
  }
}
