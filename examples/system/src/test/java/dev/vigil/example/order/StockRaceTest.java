package dev.vigil.example.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.RaceExplorer;
import dev.vigil.RaceFoundError;
import dev.vigil.Vigil;
import dev.vigil.junit5.ExploreSeeds;
import dev.vigil.time.Fiber;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two customers buy 3 each of the last 5 of a product at once: seed 002's "Testing Concurrent
 * Behavior" ({@code unsafe_increment} reads, awaits, writes; {@code safe_increment} holds a lock).
 * Each store call takes a millisecond of virtual time, as a database round trip does, so the two
 * reservations interleave; the seed decides in which order.
 */
class StockRaceTest {
  // One database for every run (they run one after another); each run resets the stock.
  private static final JdbcDataSource DATABASE = new JdbcDataSource();

  static {
    DATABASE.setURL("jdbc:h2:mem:race-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    try (Connection connection = DATABASE.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }

  /** Seed 002: the check-then-act reservation oversells, and an explored seed proves it. */
  @Test
  void the_naive_reservation_oversells_under_some_seed() {
    assertThatThrownBy(
            () ->
                RaceExplorer.seeds(1, 10)
                    .explore(
                        vigil -> twoCustomersBuyTheLastFive(vigil, NaiveStockReservation::new)))
        .isInstanceOf(RaceFoundError.class)
        .hasMessageContaining("sold 6 of 5");
  }

  /** Seed 002: the atomic reservation never sells more than there is, under every seed. */
  @ExploreSeeds(value = 10, first = 1)
  void the_atomic_reservation_never_oversells(Vigil vigil) throws Exception {
    twoCustomersBuyTheLastFive(vigil, AtomicStockReservation::new);
  }

  private static void twoCustomersBuyTheLastFive(
      Vigil vigil, Function<StockStore, StockReservation> reservations) throws Exception {
    SqlStockStore table = new SqlStockStore(DATABASE, vigil.clock());
    table.createTable(Map.of("prod-789", 5));
    table.setQuantity("prod-789", 5);
    StockReservation reservation = reservations.apply(new RoundTrips(table));
    AtomicInteger sold = new AtomicInteger();
    List<Fiber<?>> customers = new ArrayList<>();
    for (String customer : List.of("alice", "bob")) {
      customers.add(
          vigil
              .virtualTime()
              .startFiber(
                  customer,
                  () -> {
                    if (reservation.reserve("prod-789", 3)) {
                      sold.addAndGet(3);
                    }
                  }));
    }
    vigil.virtualTime().runUntilIdle();
    for (Fiber<?> customer : customers) {
      customer.get(); // a reservation that threw fails the run with its own exception
    }

    assertThat(sold.get()).as("sold %d of 5", sold.get()).isLessThanOrEqualTo(5);
    assertThat(table.quantity("prod-789")).isEqualTo(5 - sold.get());
  }

  /** The stock table, each call a millisecond of virtual time away (an await point). */
  private record RoundTrips(StockStore table) implements StockStore {
    @Override
    public int quantity(String productId) {
      roundTrip();
      return table.quantity(productId);
    }

    @Override
    public void setQuantity(String productId, int quantity) {
      roundTrip();
      table.setQuantity(productId, quantity);
    }

    @Override
    public boolean takeIfAvailable(String productId, int quantity) {
      roundTrip();
      return table.takeIfAvailable(productId, quantity);
    }

    @Override
    public void putBack(String productId, int quantity) {
      roundTrip();
      table.putBack(productId, quantity);
    }

    private static void roundTrip() {
      try {
        Fiber.sleep(Duration.ofMillis(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted during a round trip", e);
      }
    }
  }
}
