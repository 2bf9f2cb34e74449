package dev.vigil.example.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.JsonCodec;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP API alone ({@link OrderService#startApiOnly()}): its answers and what it publishes. */
class OrderHttpApiTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Vigil vigil = Vigil.create();
  private final EmbeddedBus bus = EmbeddedBus.create(vigil);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final JdbcDataSource database = new JdbcDataSource();
  private final OrderService service = startService();

  @AfterEach
  void stop() throws Exception {
    service.close();
    try (var connection = database.getConnection();
        var statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
    scheduler.shutdownNow();
    bus.close();
    vigil.close();
  }

  @Test
  void a_new_order_is_created_and_published_with_its_correlation_id() throws Exception {
    HttpResponse<String> created =
        post(
            "/orders",
            "{\"customer_id\": \"c-1\", \"amount\": 9.5, \"items\": [{\"product_id\": \"prod-789\", \"quantity\": 1}]}");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"correlation_id\":\"corr-1\"", "\"status\":\"CREATED\"");
    List<ReceivedMessage> published = bus.receive(OrderQueues.BILLING_ORDER_CREATED, Receive.one());
    assertThat(published)
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.correlationId()).isEqualTo("corr-1");
              assertThat(message.decode(JsonCodec.plain(), OrderEvent.class).eventType())
                  .isEqualTo("order.created");
            });
  }

  @Test
  void an_order_without_items_is_refused_and_nothing_is_published() throws Exception {
    HttpResponse<String> refused =
        post("/orders", "{\"customer_id\": \"c-1\", \"amount\": 1, \"items\": []}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("INVALID_ORDER", "items must not be empty");
    assertThat(bus.receive(OrderQueues.BILLING_ORDER_CREATED, Receive.one())).isEmpty();
  }

  @Test
  void an_unknown_order_is_not_found() throws Exception {
    HttpResponse<String> missing =
        HTTP.send(
            HttpRequest.newBuilder(service.uri().resolve("/orders/ord-404")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"error\":\"ORDER_NOT_FOUND\"}");
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(service.uri().resolve(path))
            .header("correlation-id", "corr-1")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private OrderService startService() {
    // Kept while no connection is open, until SHUTDOWN: each statement opens its own connection.
    database.setURL("jdbc:h2:mem:api-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return OrderService.builder(OrderConfig.defaults(), bus)
        .scheduler(scheduler)
        .dataSource(database)
        .httpClient(HTTP)
        .build()
        .startApiOnly();
  }
}
