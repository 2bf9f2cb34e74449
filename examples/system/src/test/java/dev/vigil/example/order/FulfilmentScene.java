package dev.vigil.example.order;

import dev.vigil.Vigil;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One paid order and the parts that fulfil it, without a bus: the steps are recorded in a list. The
 * stock table, reset to 100 of prod-789, lives in an H2 database that {@link #dropDatabase} drops.
 */
final class FulfilmentScene {
  static final Duration SLOT_WAIT = Duration.ofSeconds(20);

  final OrderEvent paid =
      new OrderEvent(
          "payment.completed",
          "ord-1",
          "cust-1",
          List.of(new OrderItem("prod-789", 3)),
          new BigDecimal("99.99"),
          "pay-1",
          null);
  final List<EventType> published = new CopyOnWriteArrayList<>();
  final OrderStore orders = new OrderStore();
  final Fulfilment fulfilment;
  private final SqlStockStore stock;

  FulfilmentScene(Vigil vigil, Semaphore carrierSlots, DataSource database) {
    stock = new SqlStockStore(database, vigil.clock());
    stock.createTable(Map.of("prod-789", 100));
    stock.setQuantity("prod-789", 100);
    orders.add(
        new Order(
            paid.orderId(),
            "corr-1",
            "cust-1",
            paid.items(),
            paid.amount(),
            OrderStatus.PAID,
            null));
    Inventory inventory = new Inventory(stock, new AtomicStockReservation(stock));
    fulfilment =
        new Fulfilment(
            inventory,
            new Shipping(vigil.clock(), 3),
            carrierSlots,
            SLOT_WAIT,
            (type, event, correlationId) -> published.add(type),
            orders);
  }

  int stock() {
    return stock.quantity("prod-789");
  }

  boolean labelled() {
    return published.contains(EventType.SHIPPING_LABEL_CREATED);
  }

  OrderStatus status() {
    return orders.find(paid.orderId()).orElseThrow().status();
  }

  /** Returns a new in-memory database, kept until {@link #dropDatabase}. */
  static DataSource newDatabase() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:fulfilment-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return database;
  }

  static void dropDatabase(DataSource database) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }
}
