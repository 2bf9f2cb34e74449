package dev.vigil.example.order;

import static dev.vigil.http.RequestMatcher.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.Vigil;
import dev.vigil.bus.MessageBus;
import dev.vigil.http.Response;
import dev.vigil.http.WebhookServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The Order service as the suite runs it: on the test's bus, clock and scheduler, a fresh H2
 * database, and one {@link WebhookServer} that plays both the payment provider ({@code POST
 * /payments}) and the merchant ({@code POST /notifications}).
 */
final class OrderSystem implements AutoCloseable {
  static final String SECRET = "whsec-order-suite";
  static final String ORDER_JSON =
      "{\"customer_id\": \"cust-1\", \"amount\": 99.99,"
          + " \"items\": [{\"product_id\": \"prod-789\", \"quantity\": 3}]}";

  private static final ObjectMapper JSON = new ObjectMapper();

  final OrderConfig config;
  final OrderService service;
  final DataSource database;
  final WebhookServer webhooks;
  private final HttpClient http;

  private OrderSystem(
      OrderConfig config,
      OrderService service,
      DataSource database,
      WebhookServer webhooks,
      HttpClient http) {
    this.config = config;
    this.service = service;
    this.database = database;
    this.webhooks = webhooks;
    this.http = http;
  }

  /** Builds the service (not started) on the test's parts; its database is dropped on close. */
  static OrderSystem on(Vigil vigil, MessageBus bus, WebhookServer webhooks, HttpClient http) {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:orders-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    OrderConfig config =
        OrderConfig.defaults()
            .withPaymentProvider(webhooks.uri("/"))
            .withMerchantNotifications(webhooks.uri("/notifications"))
            .withWebhookSecret(SECRET);
    OrderService service =
        OrderService.builder(config, bus)
            .clock(vigil.clock())
            .scheduler(vigil.scheduler())
            .dataSource(database)
            .httpClient(http)
            .build();
    return new OrderSystem(config, service, database, webhooks, http);
  }

  /**
   * Declares the flow's queues and purges them and their dead-letter queues before anything runs:
   * on a shared broker (SQS) queues outlive a test (the seed's pitfall 2).
   */
  OrderSystem purgeQueues(MessageBus bus) {
    service.declareQueues();
    for (String queue : OrderQueues.ALL) {
      bus.purge(queue);
      bus.purge(OrderQueues.deadLetterQueue(queue));
    }
    return this;
  }

  /** Reads the stock of a product from the inventory table. */
  int stock(String productId) {
    return new SqlStockStore(database, java.time.Clock.systemUTC()).quantity(productId);
  }

  /**
   * Scripts the provider to accept every payment and call the webhook at once, as a real one does
   * later.
   */
  OrderSystem withProviderCallingBack() {
    webhooks
        .when(post("/payments"))
        .answer(
            request -> {
              completePayment(request.bodyAsJson().path("order_id").asText());
              return Response.jsonOf(201, Map.of("payment_id", "pay-1"));
            });
    return this;
  }

  /** Places the seed's order (3 of prod-789 for 99.99) and returns the service's answer. */
  JsonNode placeOrder(String correlationId) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(service.uri().resolve("/orders"))
                .header("content-type", "application/json")
                .header("correlation-id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(ORDER_JSON)));
    if (response.statusCode() != 201) {
      throw new AssertionError(
          "POST /orders answered " + response.statusCode() + ": " + response.body());
    }
    return json(response.body());
  }

  /** Reads {@code GET /orders/{id}}. */
  JsonNode order(String orderId) {
    return json(
        send(HttpRequest.newBuilder(service.uri().resolve("/orders/" + orderId)).GET()).body());
  }

  /** Calls the service's payment webhook as the provider does, signed with the shared secret. */
  int completePayment(String orderId) {
    return callWebhook(
        "{\"order_id\": \"" + orderId + "\", \"payment_id\": \"pay-1\", \"status\": \"completed\"}",
        SECRET);
  }

  /**
   * Calls the service's payment webhook with a body signed by {@code secret}; returns the status.
   */
  int callWebhook(String body, String secret) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String signature = new WebhookSignatures(secret).sign(bytes);
    return send(HttpRequest.newBuilder(service.uri().resolve("/payments/webhook"))
            .header(WebhookSignatures.HEADER, signature)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)))
        .statusCode();
  }

  @Override
  public void close() throws SQLException {
    service.close();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
