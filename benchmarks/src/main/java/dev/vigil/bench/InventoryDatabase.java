package dev.vigil.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** An in-memory H2 database holding one inventory table of a given size, changed 1% at a time. */
final class InventoryDatabase {
  private final JdbcDataSource dataSource = new JdbcDataSource();
  private final int rows;
  private int changes;

  InventoryDatabase(String name, int rows) throws SQLException {
    this.rows = rows;
    dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    execute(
        "create table inventory (id int primary key, sku varchar(32) not null,"
            + " quantity int not null, updated_at timestamp not null)",
        "insert into inventory select x, concat('sku-', x), mod(x, 1000),"
            + " timestamp '2024-01-01 00:00:00' + x * interval '1' second"
            + " from system_range(1, "
            + rows
            + ")");
  }

  DataSource dataSource() {
    return dataSource;
  }

  int rows() {
    return rows;
  }

  /** Updates a different 1% of the rows each time (quantity and timestamp); not timed. */
  int changeOnePercent() throws SQLException {
    int remainder = changes++ % 100;
    execute(
        "update inventory set quantity = quantity - 1, updated_at = updated_at + interval '1' hour"
            + " where mod(id, 100) = "
            + remainder);
    return rows / 100;
  }

  void drop() throws SQLException {
    execute("drop all objects");
  }

  private void execute(String... statements) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }
}
