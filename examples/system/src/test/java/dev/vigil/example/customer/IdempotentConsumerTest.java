package dev.vigil.example.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.FaultPlan;
import dev.vigil.bus.FaultRate;
import dev.vigil.bus.MessageBus;
import dev.vigil.example.suite.SuiteBus;
import dev.vigil.junit5.VigilTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's "Probing for no visible effect" (001), first approach: deliver an {@code OrderCreated}
 * twice and prove that exactly one outcome — {@code CustomerOrderRegistered} — was published, once
 * both copies were handled. The embedded bus duplicates the delivery itself ({@link
 * FaultPlan#withDuplicates}); on Kafka and SQS the test publishes the copy. The second approach
 * (outcome first, then the duplicate and a quiet window) is {@link
 * IdempotentConsumerOnVirtualTimeTest}.
 */
@VigilTest(bus = SuiteBus.class)
class IdempotentConsumerTest {
  private static final String QUEUE = CustomerService.ORDER_CREATED_QUEUE;

  Vigil vigil;
  MessageBus bus;
  BusTestClient client;
  CustomerApp app;

  @BeforeEach
  void startService() {
    app = CustomerApp.start(vigil, bus, CustomerApp.AUTOTEST);
  }

  @AfterEach
  void stopService() throws Exception {
    app.close();
  }

  @Test
  void a_duplicated_order_created_registers_the_order_once() {
    String customerId = app.createCustomer("John Doe");
    Map<String, String> order =
        Map.of("order_id", UUID.randomUUID().toString(), "customer_id", customerId);

    publishDelivering(order, 2);

    vigil
        .eventually(() -> assertThat(vigil.timeline().byType(BusEntries.ack(QUEUE))).hasSize(2))
        .describedAs("both copies handled")
        .within(Duration.ofSeconds(5));
    assertThat(vigil.timeline().byType(BusEntries.publish(Events.ORDER_REGISTERED_TOPIC)))
        .as("CustomerOrderRegistered events published")
        .hasSize(1);
    assertThat(app.get("/customer/" + customerId).body().get("orders"))
        .isEqualTo(List.of(Map.of("order_id", order.get("order_id"))));
  }

  /** Publishes {@code order} so that the service's queue receives {@code copies} copies of it. */
  private void publishDelivering(Map<String, String> order, int copies) {
    if (bus instanceof EmbeddedBus embedded) {
      embedded.injectFaults(QUEUE, FaultPlan.none().withDuplicates(FaultRate.everyNth(1)));
      client.publish(Events.ORDER_CREATED_TOPIC, order);
    } else {
      // A real broker duplicates only now and then; publish the copy ourselves.
      for (int i = 0; i < copies; i++) {
        client.publish(Events.ORDER_CREATED_TOPIC, order);
      }
    }
  }
}
