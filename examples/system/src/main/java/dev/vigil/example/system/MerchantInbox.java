package dev.vigil.example.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The merchant's end of the order flow, to explore the system by hand: {@code POST /notifications}
 * prints what the Order service says and answers 200. Tests capture it with a {@code WebhookServer}
 * instead.
 */
final class MerchantInbox implements AutoCloseable {
  private final HttpServer server;
  private final PrintStream out;

  private MerchantInbox(PrintStream out) throws IOException {
    this.out = out;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/notifications", this::receive);
    server.start();
  }

  /**
   * Starts the inbox on loopback and a free port.
   *
   * @param out where notifications are printed
   * @return the running inbox
   */
  static MerchantInbox start(PrintStream out) {
    try {
      return new MerchantInbox(out);
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot start the merchant inbox", failure);
    }
  }

  URI notificationsUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/notifications");
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      out.println("merchant notified: " + body);
      exchange.sendResponseHeaders(200, -1);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
