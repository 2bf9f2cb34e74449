package dev.vigil.example.order;

import static dev.vigil.http.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.Vigil;
import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.MessageBus;
import dev.vigil.example.suite.SuiteBus;
import dev.vigil.http.RecordedRequest;
import dev.vigil.http.Response;
import dev.vigil.http.WebhookServer;
import dev.vigil.junit5.VigilTest;
import dev.vigil.snapshot.Baseline;
import dev.vigil.snapshot.Diff;
import dev.vigil.snapshot.FieldChange;
import dev.vigil.snapshot.Snapshots;
import dev.vigil.snapshot.Table;
import dev.vigil.snapshot.TableSnapshot;
import dev.vigil.timeline.Trace;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's patterns on the Order service, end to end over HTTP and the bus, on real time: poll
 * and wait with diagnostics (pattern 1), callback capture (pattern 2), trace correlation (pattern
 * 4, with pitfall 3: order by index) and snapshot comparison (pattern 5). No test sleeps (pitfall
 * 1); the queues are purged before each test (pitfall 2). Queue drain (pattern 3) is {@link
 * OrderFanOutTest}.
 */
@VigilTest(bus = SuiteBus.class)
class OrderFlowTest {
  // One client for the class: the JDK's HttpClient has no close in Java 17.
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration FLOW = Duration.ofSeconds(10);

  /** The seed's chain, as the publishes of its topics. */
  private static final String[] CHAIN =
      Arrays.stream(EventType.values())
          .map(t -> BusEntries.publish(t.topic()))
          .toArray(String[]::new);

  private OrderSystem system;

  @BeforeEach
  void start(Vigil vigil, MessageBus bus, WebhookServer webhooks) {
    system = OrderSystem.on(vigil, bus, webhooks, HTTP).purgeQueues(bus);
    system.service.start();
  }

  @AfterEach
  void stop() throws Exception {
    system.close();
  }

  /** Seed 000, pattern 1 (poll and wait, enhanced with diagnostics): the order completes. */
  @Test
  void order_processed(Vigil vigil) {
    system.withProviderCallingBack();
    String correlationId = UUID.randomUUID().toString();
    String orderId = system.placeOrder(correlationId).path("order_id").asText();

    JsonNode order =
        vigil
            .eventually(() -> system.order(orderId))
            .matching(o -> o.path("status").asText().equals("COMPLETED"))
            .describedAs("order " + orderId + " to be COMPLETED")
            .diagnostics(
                () -> "its events so far: " + vigil.timeline().trace(correlationId).types())
            .within(FLOW);

    assertThat(order.path("customer_id").asText()).isEqualTo("cust-1");
    assertThat(order.path("estimated_delivery").asText()).isNotEmpty();
  }

  /**
   * Seed 000, pattern 2 (callback capture): the provider is asked to charge the order and given the
   * webhook; its callback makes the merchant's notification arrive, with the correlation id.
   */
  @Test
  void payment_webhook(WebhookServer webhooks) {
    webhooks.when(post("/payments")).respond(Response.jsonOf(201, Map.of("payment_id", "pay-1")));
    String orderId = system.placeOrder("corr-webhook").path("order_id").asText();

    RecordedRequest payment =
        webhooks.awaitRequest(post("/payments").withJsonField("order_id", orderId), FLOW);
    assertThat(payment.bodyAsJson().path("amount").decimalValue())
        .isEqualByComparingTo(new BigDecimal("99.99"));
    assertThat(payment.bodyAsJson().path("callback_url").asText())
        .isEqualTo(system.service.uri().resolve("/payments/webhook").toString());

    assertThat(system.completePayment(orderId)).isEqualTo(200); // the provider calls back

    RecordedRequest notice =
        webhooks.awaitRequest(post("/notifications").withJsonField("order_id", orderId), FLOW);
    assertThat(notice.bodyAsJson().path("event_type").asText()).isEqualTo("notification.sent");
    assertThat(notice.bodyAsJson().path("label_id").asText()).isEqualTo("label-" + orderId);
    assertThat(notice.correlationId()).contains("corr-webhook");
  }

  /**
   * Seed 000, pattern 2: a callback whose signature does not match is refused and changes nothing.
   */
  @Test
  void webhook_with_a_bad_signature_is_refused(Vigil vigil) {
    String orderId = system.placeOrder("corr-forged").path("order_id").asText();
    String body = "{\"order_id\": \"" + orderId + "\", \"status\": \"completed\"}";

    assertThat(system.callWebhook(body, "not-the-secret")).isEqualTo(401);

    // The webhook publishes before it answers, so nothing published by now means nothing at all.
    assertThat(vigil.timeline().trace("corr-forged").types())
        .doesNotContain(BusEntries.publish(EventType.PAYMENT_COMPLETED.topic()));
    assertThat(system.order(orderId).path("status").asText()).isNotEqualTo("PAID");
  }

  /**
   * Seed 000, pattern 4 (trace correlation) and pitfall 3 (ordering by index, not presence): the
   * whole chain under one correlation id, in order.
   */
  @Test
  void order_flow_end_to_end(Vigil vigil) {
    system.withProviderCallingBack();
    String correlationId = UUID.randomUUID().toString();
    assertThat(system.placeOrder(correlationId).path("correlation_id").asText())
        .isEqualTo(correlationId);

    // Woken by each timeline entry: no sleep(15) before reading the trace.
    Trace trace =
        vigil
            .eventually(() -> vigil.timeline().trace(correlationId).containsInOrder(CHAIN))
            .describedAs("the chain of " + correlationId + " in order")
            .within(FLOW);

    for (String step : CHAIN) {
      trace.containsExactlyOnce(step);
    }
    List<String> events = trace.types();
    int created = events.indexOf(CHAIN[0]);
    int paid = events.indexOf(CHAIN[2]);
    int shipped = events.indexOf(CHAIN[4]);
    assertThat(created).as("order.created before payment.completed").isLessThan(paid);
    assertThat(paid).as("payment.completed before shipping.label_created").isLessThan(shipped);
    trace.happensBefore(CHAIN[3], CHAIN[4]).happensBefore(CHAIN[4], CHAIN[5]);
  }

  /**
   * Seed 000, pattern 5 (snapshot comparison): an {@code order.created} event holds 3 of prod-789,
   * 100 → 97, and changes nothing else in the table.
   */
  @Test
  void inventory_updated_after_order(Vigil vigil, Snapshots snapshots, BusTestClient client) {
    Baseline<TableSnapshot> inventory =
        snapshots.take(Table.named(system.database, "inventory").ignoring("updated_at"));
    var stock = vigil.change(() -> system.stock("prod-789")).describedAs("stock of prod-789");

    client.publish(
        EventType.ORDER_CREATED.topic(),
        new OrderEvent(
            "order.created",
            "ord-snap",
            "cust-1",
            List.of(new OrderItem("prod-789", 3)),
            new BigDecimal("29.97"),
            null,
            null),
        "corr-snap");

    assertThat(stock.from(100).by(-3).within(FLOW)).isEqualTo(97);
    Diff diff = inventory.diffToNow();
    assertThat(diff.updated())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.key()).isEqualTo("prod-789");
              assertThat(row.changes()).containsExactly(new FieldChange("QUANTITY", 100, 97));
            });
    assertThat(diff.inserted()).isEmpty();
    assertThat(diff.deleted()).isEmpty();
  }
}
