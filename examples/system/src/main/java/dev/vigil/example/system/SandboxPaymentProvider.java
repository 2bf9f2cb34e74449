package dev.vigil.example.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.example.order.WebhookSignatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A payment provider to explore the system by hand: {@code POST /payments} accepts every payment at
 * once and, a moment later, calls the order's {@code callback_url} with a signed {@code completed}
 * webhook, as a real provider's sandbox does. Tests use a scripted {@code WebhookServer} instead.
 */
final class SandboxPaymentProvider implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final WebhookSignatures signatures;
  private final Duration settleAfter;

  private SandboxPaymentProvider(
      HttpClient http, ScheduledExecutorService scheduler, String secret, Duration settleAfter)
      throws IOException {
    this.http = http;
    this.scheduler = scheduler;
    this.signatures = new WebhookSignatures(secret);
    this.settleAfter = settleAfter;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/payments", this::accept);
    server.start();
  }

  /**
   * Starts the provider on loopback and a free port.
   *
   * @param http the client that calls the webhooks
   * @param scheduler when the webhooks are sent
   * @param secret the secret the webhooks are signed with, shared with the Order service
   * @param settleAfter how long after a payment its webhook comes
   * @return the running provider
   */
  static SandboxPaymentProvider start(
      HttpClient http, ScheduledExecutorService scheduler, String secret, Duration settleAfter) {
    try {
      return new SandboxPaymentProvider(http, scheduler, secret, settleAfter);
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot start the sandbox payment provider", failure);
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void accept(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode payment = JSON.readTree(exchange.getRequestBody());
      String paymentId = "pay-" + UUID.randomUUID();
      byte[] answer = JSON.writeValueAsBytes(Map.of("payment_id", paymentId));
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(202, answer.length);
      exchange.getResponseBody().write(answer);
      scheduler.schedule(
          () -> settle(payment, paymentId), settleAfter.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void settle(JsonNode payment, String paymentId) {
    try {
      byte[] body =
          JSON.writeValueAsBytes(
              Map.of(
                  "order_id",
                  payment.path("order_id").asText(),
                  "payment_id",
                  paymentId,
                  "amount",
                  payment.path("amount").decimalValue(),
                  "status",
                  "completed"));
      HttpRequest webhook =
          HttpRequest.newBuilder(URI.create(payment.path("callback_url").asText()))
              .header("Content-Type", "application/json")
              .header(WebhookSignatures.HEADER, signatures.sign(body))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      http.send(webhook, HttpResponse.BodyHandlers.discarding());
    } catch (IOException failure) {
      System.err.println("sandbox provider: webhook failed: " + failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
