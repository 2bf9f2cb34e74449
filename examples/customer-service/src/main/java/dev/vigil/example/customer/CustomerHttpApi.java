package dev.vigil.example.customer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.vigil.bus.Message;
import dev.vigil.bus.MessageBus;
import dev.vigil.bus.MessageCodec;
import dev.vigil.example.customer.Events.CustomerCreated;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API, as the seed's: {@code POST /customer} creates a customer and publishes {@code
 * CustomerCreated}; {@code GET /customer/{id}} returns it or 404 {@code {"error":
 * "CUSTOMER_NOT_FOUND"}}. A body that is not JSON or has no {@code name} is a 400 that says so. A
 * {@code correlation-id} request header is passed on to the event, so a test can trace the flow.
 */
final class CustomerHttpApi implements HttpHandler {
  private static final Pattern ONE_CUSTOMER = Pattern.compile("/customer/([^/]+?)/?");
  private static final Pattern ALL_CUSTOMERS = Pattern.compile("/customer/?");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request header whose value becomes the correlation id of the events the request causes. */
  static final String CORRELATION_HEADER = "correlation-id";

  private final CustomerRepository customers;
  private final MessageBus bus;
  private final MessageCodec codec;

  CustomerHttpApi(CustomerRepository customers, MessageBus bus, MessageCodec codec) {
    this.customers = Objects.requireNonNull(customers, "customers must not be null");
    this.bus = Objects.requireNonNull(bus, "bus must not be null");
    this.codec = Objects.requireNonNull(codec, "codec must not be null");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      route(exchange);
    } catch (StoreUnavailableException e) {
      respond(exchange, 503, Map.of("error", "STORE_UNAVAILABLE", "detail", e.toString()));
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    Matcher one = ONE_CUSTOMER.matcher(path);
    if (method.equals("POST") && ALL_CUSTOMERS.matcher(path).matches()) {
      createCustomer(exchange);
    } else if (method.equals("GET") && one.matches()) {
      getCustomer(exchange, one.group(1));
    } else {
      respond(exchange, 404, Map.of("error", "NOT_FOUND", "detail", method + " " + path));
    }
  }

  private void createCustomer(HttpExchange exchange) throws IOException {
    Optional<String> name = readName(exchange);
    if (name.isEmpty()) {
      respond(
          exchange,
          400,
          Map.of("error", "INVALID_REQUEST", "detail", "body must be JSON with a string 'name'"));
      return;
    }
    Customer customer = Customer.withoutOrders(UUID.randomUUID().toString(), name.get());
    customers.create(customer);
    Message created =
        Message.of(codec.encode(new CustomerCreated(customer.customerId(), customer.name())));
    String correlationId = exchange.getRequestHeaders().getFirst(CORRELATION_HEADER);
    bus.publish(
        Events.CUSTOMER_CREATED_TOPIC,
        correlationId == null ? created : created.withCorrelationId(correlationId));
    respond(exchange, 200, CustomerView.of(customer));
  }

  private void getCustomer(HttpExchange exchange, String customerId) throws IOException {
    Optional<Customer> customer = customers.get(customerId);
    if (customer.isEmpty()) {
      respond(exchange, 404, Map.of("error", "CUSTOMER_NOT_FOUND"));
    } else {
      respond(exchange, 200, CustomerView.of(customer.get()));
    }
  }

  private static Optional<String> readName(HttpExchange exchange) throws IOException {
    JsonNode body;
    try {
      body = JSON.readTree(exchange.getRequestBody());
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    JsonNode name = body == null ? null : body.get("name");
    return name != null && name.isTextual() && !name.asText().isBlank()
        ? Optional.of(name.asText())
        : Optional.empty();
  }

  private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] json = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  /** A customer as the API shows it: {@code {"customer_id", "name", "orders": [{"order_id"}]}}. */
  private record CustomerView(
      @JsonProperty("customer_id") String customerId,
      @JsonProperty("name") String name,
      @JsonProperty("orders") List<OrderView> orders) {

    static CustomerView of(Customer customer) {
      return new CustomerView(
          customer.customerId(),
          customer.name(),
          customer.orderIds().stream().map(OrderView::new).toList());
    }
  }

  /** One order of a customer, as the API shows it: {@code {"order_id"}}. */
  private record OrderView(@JsonProperty("order_id") String orderId) {}
}
