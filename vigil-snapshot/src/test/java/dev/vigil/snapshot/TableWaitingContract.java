package dev.vigil.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Baselines of tables waited on, on every database. */
abstract class TableWaitingContract {
  abstract TestDatabase database();

  private final Vigil vigil = Vigil.create();
  private final Snapshots snapshots = Snapshots.of(vigil);

  @BeforeEach
  void createInventory() throws SQLException {
    database()
        .execute(
            "create table inventory (sku varchar(20) primary key, quantity int not null)",
            "insert into inventory values ('sku-1', 100), ('sku-2', 5)");
  }

  @AfterEach
  void close() throws SQLException {
    vigil.close();
    database().dropEverything();
  }

  @Test
  void a_wait_returns_once_another_thread_has_written_the_expected_change() {
    Baseline<TableSnapshot> inventory =
        snapshots.take(Table.named(database().dataSource(), "inventory"));
    vigil
        .scheduler()
        .execute(
            () -> {
              try {
                database().execute("update inventory set quantity = 98 where sku = 'sku-1'");
                database().execute("update inventory set quantity = 97 where sku = 'sku-1'");
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });

    Diff diff =
        inventory
            .awaitChange()
            .matching(d -> d.row("sku-1").map(row -> row.after("quantity")).orElse(0).equals(97))
            .within(Duration.ofSeconds(10));

    assertThat(diff.updated())
        .singleElement()
        .satisfies(row -> assertThat(row.before("quantity")).isEqualTo(100));
    assertThat(inventory.size()).isEqualTo(2);
    assertThat(vigil.timeline().byType(SnapshotEntries.snapshot("inventory"))).hasSize(1);
    assertThat(vigil.timeline().byType(SnapshotEntries.diff("inventory")))
        .singleElement()
        .satisfies(entry -> assertThat(entry.attributes()).containsEntry("updated", "1"));
  }

  @Test
  void a_baseline_on_the_tests_own_connection_sees_its_uncommitted_writes() throws SQLException {
    try (Connection connection = database().dataSource().getConnection()) {
      connection.setAutoCommit(false);
      Baseline<TableSnapshot> inventory = snapshots.take(Table.named(connection, "inventory"));
      try (Statement sql = connection.createStatement()) {
        sql.executeUpdate("insert into inventory values ('sku-3', 1)");
      }

      assertThat(inventory.diffToNow().inserted())
          .extracting(RowChange::key)
          .containsExactly("sku-3");
      connection.rollback();
      assertThat(inventory.diffToNow()).isEmpty();
    }
  }
}
