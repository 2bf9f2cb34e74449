package dev.vigil.example.order;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The service's HTTP endpoints: {@code POST /orders}, {@code GET /orders/{id}} and the payment
 * provider's {@code POST /payments/webhook}.
 */
final class OrderHttpApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OrderStore orders;
  private final FlowEvents events;
  private final WebhookSignatures signatures;

  OrderHttpApi(OrderStore orders, FlowEvents events, WebhookSignatures signatures) {
    this.orders = orders;
    this.events = events;
    this.signatures = signatures;
  }

  /** The body of {@code POST /orders}. */
  record CreateOrder(
      @JsonProperty("customer_id") String customerId,
      @JsonProperty("items") List<OrderItem> items,
      @JsonProperty("amount") BigDecimal amount) {}

  void orders(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    if ("POST".equals(method) && path.equals("/orders")) {
      createOrder(exchange);
    } else if ("GET".equals(method) && path.startsWith("/orders/")) {
      getOrder(exchange, path.substring("/orders/".length()));
    } else {
      send(exchange, 404, Map.of("error", "NOT_FOUND"));
    }
  }

  void paymentWebhook(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (!"POST".equals(exchange.getRequestMethod())) {
      send(exchange, 405, Map.of("error", "METHOD_NOT_ALLOWED"));
    } else if (!signatures.verify(
        body, exchange.getRequestHeaders().getFirst(WebhookSignatures.HEADER))) {
      send(exchange, 401, Map.of("error", "BAD_SIGNATURE"));
    } else {
      JsonNode callback = JSON.readTree(body);
      Optional<Order> order = orders.find(callback.path("order_id").asText());
      if (order.isEmpty()) {
        send(exchange, 404, Map.of("error", "ORDER_NOT_FOUND"));
        return;
      }
      paymentSettled(order.get(), callback);
      send(exchange, 200, Map.of("received", true));
    }
  }

  private void paymentSettled(Order order, JsonNode callback) {
    if (!"completed".equals(callback.path("status").asText())) {
      orders.advance(order.orderId(), OrderStatus.PAYMENT_FAILED);
    } else if (orders.advance(order.orderId(), OrderStatus.PAID)) {
      // Only the first webhook moves the order to PAID: a provider's retry publishes nothing twice.
      OrderEvent paid =
          OrderEvent.created(order).withPaymentId(callback.path("payment_id").asText(null));
      events.publish(EventType.PAYMENT_COMPLETED, paid, order.correlationId());
    }
  }

  private void createOrder(HttpExchange exchange) throws IOException {
    CreateOrder request;
    try {
      request = JSON.readValue(exchange.getRequestBody(), CreateOrder.class);
      check(request);
    } catch (IOException | IllegalArgumentException e) {
      send(
          exchange,
          400,
          Map.of("error", "INVALID_ORDER", "detail", String.valueOf(e.getMessage())));
      return;
    }
    String header = exchange.getRequestHeaders().getFirst("correlation-id");
    String correlationId =
        header != null && !header.isBlank() ? header : UUID.randomUUID().toString();
    Order order =
        new Order(
            "ord-" + UUID.randomUUID(),
            correlationId,
            request.customerId(),
            request.items(),
            request.amount(),
            OrderStatus.CREATED,
            null);
    orders.add(order);
    events.publish(EventType.ORDER_CREATED, OrderEvent.created(order), correlationId);
    send(exchange, 201, view(order));
  }

  private static void check(CreateOrder request) {
    if (request.customerId() == null || request.customerId().isBlank()) {
      throw new IllegalArgumentException("customer_id must not be blank");
    }
    if (request.items() == null || request.items().isEmpty()) {
      throw new IllegalArgumentException("items must not be empty");
    }
    if (request.amount() == null || request.amount().signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative, was " + request.amount());
    }
  }

  private void getOrder(HttpExchange exchange, String orderId) throws IOException {
    Optional<Order> order = orders.find(orderId);
    if (order.isPresent()) {
      send(exchange, 200, view(order.get()));
    } else {
      send(exchange, 404, Map.of("error", "ORDER_NOT_FOUND"));
    }
  }

  private static Map<String, Object> view(Order order) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("order_id", order.orderId());
    view.put("correlation_id", order.correlationId());
    view.put("customer_id", order.customerId());
    view.put("items", order.items());
    view.put("amount", order.amount());
    view.put("status", order.status().name());
    if (order.estimatedDelivery() != null) {
      view.put("estimated_delivery", order.estimatedDelivery().toString());
    }
    return view;
  }

  private static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] json = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(status, json.length);
    try (var out = exchange.getResponseBody()) {
      out.write(json);
    }
  }
}
