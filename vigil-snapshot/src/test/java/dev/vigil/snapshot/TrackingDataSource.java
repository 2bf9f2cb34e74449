package dev.vigil.snapshot;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A data source that records every connection it hands out, to check that each is closed. */
final class TrackingDataSource {
  private TrackingDataSource() {}

  static DataSource recording(DataSource delegate, List<Connection> handedOut) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, arguments) -> {
              Object result = method.invoke(delegate, arguments);
              if (result instanceof Connection connection) {
                handedOut.add(connection);
              }
              return result;
            });
  }

  /**
   * A data source that hands out one connection again and again and, as a pool does, keeps it open
   * when it is closed, counting the closes.
   */
  static DataSource pooled(Connection connection, AtomicInteger closes) {
    Connection kept =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                  if (method.getName().equals("close")) {
                    closes.incrementAndGet();
                    return null;
                  }
                  try {
                    return method.invoke(connection, arguments);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("getConnection")) {
                return kept;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
