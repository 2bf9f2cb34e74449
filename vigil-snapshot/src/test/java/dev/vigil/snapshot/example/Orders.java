package dev.vigil.snapshot.example;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

/** The code under test: placing an order reserves stock later, on another thread. */
final class Orders {
  private final DataSource dataSource;
  private final Executor executor;

  Orders(DataSource dataSource, Executor executor) {
    this.dataSource = dataSource;
    this.executor = executor;
  }

  void place(String orderId, String sku, int quantity) {
    executor.execute(() -> reserve(sku, quantity));
  }

  int quantity(String sku) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT quantity FROM inventory WHERE sku = ?")) {
      select.setString(1, sku);
      try (var rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("no inventory row for " + sku);
        }
        return rows.getInt(1);
      }
    }
  }

  private void reserve(String sku, int quantity) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE inventory SET quantity = quantity - ?, updated_at = CURRENT_TIMESTAMP"
                    + " WHERE sku = ?")) {
      update.setInt(1, quantity);
      update.setString(2, sku);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
