package dev.vigil.example.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The stock in table {@code inventory(product_id PK, quantity, updated_at)}, over plain JDBC. Each
 * call is one statement in its own connection, so {@link #takeIfAvailable} is atomic: the database
 * checks and takes in one {@code UPDATE}.
 */
public final class SqlStockStore implements StockStore {
  private final DataSource dataSource;
  private final Clock clock;

  /**
   * Reads and writes {@code inventory} on {@code dataSource}.
   *
   * @param dataSource the database
   * @param clock the clock {@code updated_at} is read from
   */
  public SqlStockStore(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * Creates the {@code inventory} table when missing and gives each product of {@code initialStock}
   * that has no row its initial quantity.
   *
   * @param initialStock product to quantity
   */
  public void createTable(Map<String, Integer> initialStock) {
    update(
        "CREATE TABLE IF NOT EXISTS inventory (product_id VARCHAR(64) PRIMARY KEY,"
            + " quantity INT NOT NULL, updated_at TIMESTAMP NOT NULL)");
    initialStock.forEach(
        (product, quantity) -> {
          if (update("UPDATE inventory SET product_id = product_id WHERE product_id = ?", product)
              == 0) {
            update("INSERT INTO inventory VALUES (?, ?, ?)", product, quantity, now());
          }
        });
  }

  @Override
  public int quantity(String productId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT quantity FROM inventory WHERE product_id = ?")) {
      select.setString(1, productId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw new StockException("cannot read the stock of " + productId, e);
    }
  }

  @Override
  public void setQuantity(String productId, int quantity) {
    update(
        "UPDATE inventory SET quantity = ?, updated_at = ? WHERE product_id = ?",
        quantity,
        now(),
        productId);
  }

  @Override
  public boolean takeIfAvailable(String productId, int quantity) {
    return update(
            "UPDATE inventory SET quantity = quantity - ?, updated_at = ?"
                + " WHERE product_id = ? AND quantity >= ?",
            quantity,
            now(),
            productId,
            quantity)
        == 1;
  }

  @Override
  public void putBack(String productId, int quantity) {
    update(
        "UPDATE inventory SET quantity = quantity + ?, updated_at = ? WHERE product_id = ?",
        quantity,
        now(),
        productId);
  }

  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private int update(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new StockException("inventory statement failed: " + sql, e);
    }
  }

  /** A statement on the inventory table failed. */
  public static final class StockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StockException(String message, SQLException cause) {
      super(message, cause);
    }
  }
}
