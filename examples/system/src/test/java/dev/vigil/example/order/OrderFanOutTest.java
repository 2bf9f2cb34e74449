package dev.vigil.example.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.MessageBus;
import dev.vigil.example.suite.SuiteBus;
import dev.vigil.http.WebhookServer;
import dev.vigil.junit5.VigilTest;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 000, pattern 3 (queue drain): one order, one {@code order.created} on each of billing's,
 * shipping's and inventory's queues; and pitfall 2 (queues cleaned between tests). The service runs
 * its API only, as in the seed, where billing, shipping and inventory are other services: the test
 * reads their queues.
 */
@VigilTest(bus = SuiteBus.class)
class OrderFanOutTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration DRAIN = Duration.ofSeconds(10);

  private OrderSystem system;

  @BeforeEach
  void start(Vigil vigil, MessageBus bus, WebhookServer webhooks) {
    system = OrderSystem.on(vigil, bus, webhooks, HTTP).purgeQueues(bus);
    system.service.startApiOnly();
  }

  @AfterEach
  void stop() throws Exception {
    system.close();
  }

  /**
   * Seed 000, pattern 3: creating an order produces one event for billing, shipping and inventory.
   */
  @Test
  void order_generates_three_events(BusTestClient client) {
    String orderId = system.placeOrder("corr-fan-out").path("order_id").asText();

    for (String queue : OrderQueues.FAN_OUT) {
      List<OrderEvent> events = client.drain(queue, 1, DRAIN, OrderEvent.class);
      assertThat(events)
          .as(queue)
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.eventType()).isEqualTo("order.created");
                assertThat(event.orderId()).isEqualTo(orderId);
              });
      assertThat(client.take(queue, OrderEvent.class)).as("more on " + queue).isEmpty();
    }
  }

  /**
   * Seed 000, pitfall 2: a message left on a queue by an earlier test is purged before this one
   * starts, so the drain sees this test's order only.
   */
  @Test
  void a_leftover_message_does_not_reach_the_next_test(MessageBus bus, BusTestClient client) {
    OrderEvent leftover =
        new OrderEvent(
            "order.created",
            "ord-from-an-earlier-test",
            "cust-0",
            List.of(new OrderItem("prod-789", 1)),
            BigDecimal.ONE,
            null,
            null);
    client.send(OrderQueues.BILLING_ORDER_CREATED, leftover);
    system.purgeQueues(bus); // what each test's @BeforeEach does

    String orderId = system.placeOrder("corr-isolated").path("order_id").asText();

    assertThat(client.drain(OrderQueues.BILLING_ORDER_CREATED, 1, DRAIN, OrderEvent.class))
        .extracting(OrderEvent::orderId)
        .containsExactly(orderId);
    assertThat(client.take(OrderQueues.BILLING_ORDER_CREATED, OrderEvent.class)).isEmpty();
  }
}
