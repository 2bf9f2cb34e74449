package dev.vigil.example.suite;

import com.sun.net.httpserver.HttpServer;
import dev.vigil.Vigil;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.timeline.TimelineReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Loads, once before the first test, the classes nearly every test of the suite needs — a Vigil
 * context on virtual time, the embedded bus and Jackson, the JDK's HTTP server and client, H2, the
 * timeline report — so that the first test's time is its own and not the JVM's. The summary shows
 * how long this took. Registered through {@code META-INF/services}.
 */
public final class SuiteWarmUp implements TestExecutionListener {
  private static volatile Duration took = Duration.ZERO;

  /** Made by the JUnit Platform. */
  public SuiteWarmUp() {}

  /**
   * Returns how long the warm-up took.
   *
   * @return zero before it ran
   */
  static Duration took() {
    return took;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    long start = System.nanoTime();
    busOnVirtualTime();
    httpRoundTrip();
    database();
    took = Duration.ofNanos(System.nanoTime() - start);
  }

  private static void busOnVirtualTime() {
    try (Vigil vigil = Vigil.withVirtualTime();
        EmbeddedBus bus = EmbeddedBus.create(vigil)) {
      bus.createQueue("warm-up");
      BusTestClient client = BusTestClient.of(vigil, bus);
      client.send("warm-up", Map.of("n", 1));
      client.drain("warm-up", 1, Duration.ofSeconds(1), Map.class);
      vigil.never(() -> false).within(Duration.ofSeconds(1));
      TimelineReport.html(vigil.timeline(), "warm-up");
    }
  }

  private static void httpRoundTrip() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
      try {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
      } finally {
        server.stop(0);
      }
    } catch (IOException failure) {
      throw new UncheckedIOException("the warm-up's HTTP round trip failed", failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:warm-up");
    try (Connection connection = h2.getConnection()) {
      connection.createStatement().execute("select 1");
    } catch (SQLException failure) {
      throw new IllegalStateException("the warm-up's H2 query failed", failure);
    }
  }
}
