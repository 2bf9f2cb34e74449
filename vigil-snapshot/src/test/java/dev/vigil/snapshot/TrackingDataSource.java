package dev.vigil.snapshot;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
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
}
