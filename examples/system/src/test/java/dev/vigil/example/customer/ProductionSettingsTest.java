package dev.vigil.example.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.example.customer.CustomerApp.Response;
import dev.vigil.example.suite.EmbeddedBusOnly;
import dev.vigil.junit5.VigilTest;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's "Testing error-handling with dead-letter queues" (001) at the settings the seed says
 * production must keep — 3 receives, 30 s visibility timeout — which would make the test wait 90 s
 * on real time. On virtual time the bus's redeliveries run at their virtual instants, so the test
 * asserts the timing itself (receives at +0 s, +30 s, +60 s) in milliseconds of wall time. The same
 * settings prove the transient-error path: a failure that passes later is retried and the order
 * registered.
 */
@VigilTest(virtualTime = true)
@EmbeddedBusOnly("production settings on virtual time: real brokers keep real time")
class ProductionSettingsTest {
  private static final String QUEUE = CustomerService.ORDER_CREATED_QUEUE;

  Vigil vigil;
  EmbeddedBus bus;
  BusTestClient client;
  CustomerApp app;

  @BeforeEach
  void startServiceWithProductionSettings() {
    app = CustomerApp.start(vigil, bus, CustomerConfig.defaults());
  }

  @AfterEach
  void stopService() throws Exception {
    app.close();
  }

  @Test
  @SuppressWarnings("rawtypes")
  void customer_not_found_for_newly_created_order_at_production_settings() {
    String customerId = UUID.randomUUID().toString();
    String orderId = UUID.randomUUID().toString();
    Instant published = vigil.clock().instant();

    client.publish(
        Events.ORDER_CREATED_TOPIC, Map.of("order_id", orderId, "customer_id", customerId));

    List<Map> deadLetters = client.drainDeadLetters(QUEUE, 1, Duration.ofMinutes(5), Map.class);
    assertThat(deadLetters).containsExactly(Map.of("order_id", orderId, "customer_id", customerId));
    assertThat(secondsAfter(published, BusEntries.receive(QUEUE))).containsExactly(0L, 30L, 60L);
    // The third failure's message is moved once its visibility timeout ends, as SQS does.
    assertThat(secondsAfter(published, BusEntries.deadLetter(QUEUE))).containsExactly(90L);
  }

  @Test
  void an_order_whose_customer_is_stored_late_is_retried_until_registered() {
    String customerId = UUID.randomUUID().toString();
    String orderId = UUID.randomUUID().toString();
    client.publish(
        Events.ORDER_CREATED_TOPIC, Map.of("order_id", orderId, "customer_id", customerId));
    vigil
        .eventually(() -> vigil.timeline().byType(BusEntries.handlerFailed(QUEUE)))
        .describedAs("the first attempt to fail: customer not found yet")
        .within(Duration.ofSeconds(5));

    app.customers().create(Customer.withoutOrders(customerId, "Late Larry"));

    vigil
        .eventually(
            () -> vigil.timeline().byType(BusEntries.publish(Events.ORDER_REGISTERED_TOPIC)))
        .describedAs("the order to be registered on a later receive")
        .within(Duration.ofMinutes(2));
    Response customer = app.get("/customer/" + customerId);
    assertThat(customer.body().get("orders")).isEqualTo(List.of(Map.of("order_id", orderId)));
    assertThat(secondsAfterFirst(BusEntries.receive(QUEUE))).containsExactly(0L, 30L);
    assertThat(vigil.timeline().byType(BusEntries.deadLetter(QUEUE))).isEmpty();
  }

  @Test
  void an_order_received_during_a_store_outage_is_retried_until_registered() {
    String customerId = app.createCustomer("John Doe");
    String orderId = UUID.randomUUID().toString();
    app.customers().failFromNowOn();
    client.publish(
        Events.ORDER_CREATED_TOPIC, Map.of("order_id", orderId, "customer_id", customerId));
    vigil
        .eventually(() -> vigil.timeline().byType(BusEntries.handlerFailed(QUEUE)))
        .describedAs("the first attempt to fail: store unavailable")
        .within(Duration.ofSeconds(5));

    app.customers().recover();

    vigil
        .eventually(
            () -> vigil.timeline().byType(BusEntries.publish(Events.ORDER_REGISTERED_TOPIC)))
        .describedAs("the order to be registered once the store is back")
        .within(Duration.ofMinutes(2));
    assertThat(app.get("/customer/" + customerId).body().get("orders"))
        .isEqualTo(List.of(Map.of("order_id", orderId)));
    assertThat(secondsAfterFirst(BusEntries.receive(QUEUE))).containsExactly(0L, 30L);
  }

  private List<Long> secondsAfterFirst(String type) {
    List<TimelineEntry> entries = vigil.timeline().byType(type);
    return secondsAfter(entries.get(0).at(), type);
  }

  private List<Long> secondsAfter(Instant start, String type) {
    return vigil.timeline().byType(type).stream()
        .map(entry -> Duration.between(start, entry.at()).toSeconds())
        .toList();
  }
}
