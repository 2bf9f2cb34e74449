package dev.vigil.snapshot.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.Change;
import dev.vigil.Vigil;
import dev.vigil.WaitTimeoutError;
import dev.vigil.snapshot.Baseline;
import dev.vigil.snapshot.Diff;
import dev.vigil.snapshot.FieldChange;
import dev.vigil.snapshot.SnapshotEntries;
import dev.vigil.snapshot.Snapshots;
import dev.vigil.snapshot.Table;
import dev.vigil.snapshot.TableSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's snapshot pattern (inventory 100 -> 97) as the README shows it, on H2. */
class InventoryExampleTest {
  private final JdbcDataSource dataSource = new JdbcDataSource();
  private final Vigil vigil = Vigil.create();
  private final Orders orders = new Orders(dataSource, vigil.scheduler());
  private Connection keepAlive;

  @BeforeEach
  void createInventory() throws SQLException {
    dataSource.setURL("jdbc:h2:mem:inventory-" + System.nanoTime());
    keepAlive = dataSource.getConnection(); // an in-memory H2 database lives while one is open
    try (Statement sql = keepAlive.createStatement()) {
      sql.execute(
          "CREATE TABLE inventory (sku VARCHAR(20) PRIMARY KEY, quantity INT NOT NULL,"
              + " updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
      sql.execute("INSERT INTO inventory (sku, quantity) VALUES ('prod-789', 100), ('prod-1', 5)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    vigil.close();
    keepAlive.close();
  }

  @Test
  void an_order_takes_its_quantity_from_the_inventory_table() {
    Snapshots snapshots = Snapshots.of(vigil);
    Baseline<TableSnapshot> inventory =
        snapshots.take(Table.named(dataSource, "inventory").ignoring("updated_at"));

    orders.place("ord-snap", "prod-789", 3);

    Diff diff =
        inventory
            .awaitChange()
            .matching(d -> !d.updated().isEmpty())
            .within(Duration.ofSeconds(10));

    assertThat(diff.updated())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.key()).isEqualTo("prod-789");
              assertThat(row.changes()).containsExactly(new FieldChange("QUANTITY", 100, 97));
              assertThat(row.after("quantity")).isEqualTo(97);
            });
    assertThat(diff.inserted()).isEmpty();
    assertThat(diff.deleted()).isEmpty();
    assertThat(vigil.timeline().byType(SnapshotEntries.diff("inventory"))).hasSize(1);
  }

  @Test
  void change_checks_the_exact_delta_of_one_value() {
    Change<Integer> stock =
        vigil.change(() -> orders.quantity("prod-789")).describedAs("stock of prod-789");

    orders.place("ord-snap", "prod-789", 3);

    assertThat(stock.from(100).by(-3).within(Duration.ofSeconds(10))).isEqualTo(97);
  }

  @Test
  void a_wait_for_the_wrong_diff_times_out_showing_the_last_diff_as_a_table() {
    Baseline<TableSnapshot> inventory =
        Snapshots.of(vigil).take(Table.named(dataSource, "inventory").ignoring("updated_at"));
    orders.place("ord-snap", "prod-789", 2);
    vigil
        .eventually(() -> inventory.diffToNow())
        .describedAs("the reservation")
        .within(Duration.ofSeconds(10));

    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () ->
                inventory
                    .awaitChange()
                    .matching(
                        d -> d.row("prod-789").map(r -> r.after("quantity")).orElse(0).equals(97))
                    .within(Duration.ofMillis(200)));

    assertThat(error.getMessage())
        .contains(
            String.join(
                System.lineSeparator(),
                "  last value:   inventory: 1 updated, 0 inserted, 0 deleted",
                "                  change   key         field     before  after",
                "                  updated  \"prod-789\"  QUANTITY  100     98"));
  }
}
