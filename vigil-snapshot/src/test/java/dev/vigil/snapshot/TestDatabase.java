package dev.vigil.snapshot;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;

/** A database the table contracts run on, with what differs between H2 and PostgreSQL. */
abstract class TestDatabase {
  abstract DataSource dataSource();

  /** An unquoted name as the database reports it. */
  abstract String folded(String name);

  abstract String binaryType();

  /** SQL giving the integers 1 to count in a column named x. */
  abstract String series(int count);

  abstract String changeColumnType(String table, String column, String type);

  /** Drops every table and schema the tests made. */
  abstract void dropEverything() throws SQLException;

  void execute(String... statements) throws SQLException {
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  static TestDatabase h2(String name) {
    DataSource dataSource = urlDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return new TestDatabase() {
      @Override
      DataSource dataSource() {
        return dataSource;
      }

      @Override
      String folded(String name) {
        return name.toUpperCase(Locale.ROOT);
      }

      @Override
      String binaryType() {
        return "varbinary(16)";
      }

      @Override
      String series(int count) {
        return "select x from system_range(1, " + count + ")";
      }

      @Override
      String changeColumnType(String table, String column, String type) {
        return "alter table " + table + " alter column " + column + " " + type;
      }

      @Override
      void dropEverything() throws SQLException {
        execute("drop all objects");
      }
    };
  }

  static TestDatabase postgres(PostgresServer server) {
    return new TestDatabase() {
      @Override
      DataSource dataSource() {
        return server.dataSource();
      }

      @Override
      String folded(String name) {
        return name.toLowerCase(Locale.ROOT);
      }

      @Override
      String binaryType() {
        return "bytea";
      }

      @Override
      String series(int count) {
        return "select x from generate_series(1, " + count + ") as s(x)";
      }

      @Override
      String changeColumnType(String table, String column, String type) {
        return "alter table " + table + " alter column " + column + " type " + type;
      }

      @Override
      void dropEverything() throws SQLException {
        execute(
            "drop schema public cascade",
            "create schema public",
            "drop schema if exists other cascade");
      }
    };
  }

  /**
   * A data source over {@link DriverManager} (H2's own implements {@code javax.naming} types, which
   * the module under test does not read).
   */
  static DataSource urlDataSource(String url) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("getConnection") && method.getParameterCount() == 0) {
                return DriverManager.getConnection(url);
              }
              if (method.getName().equals("toString")) {
                return url;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
