package dev.vigil.example.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.example.customer.Events.CustomerOrderRegistered;
import dev.vigil.example.suite.EmbeddedBusOnly;
import dev.vigil.junit5.VigilTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's "Probing for no visible effect" (001), second approach: publish one {@code
 * OrderCreated}, see its outcome, publish the duplicate, and probe for 3 seconds that no second
 * outcome appears — the seed's {@code probe_during_interval}, here {@code vigil.never}. The seed
 * warns that the window costs test time; on virtual time the 3 seconds cost none.
 */
@VigilTest(virtualTime = true)
@EmbeddedBusOnly("a 3 s quiet window on virtual time")
class IdempotentConsumerOnVirtualTimeTest {
  /** The test's own queue on the outcome topic. */
  private static final String OUTCOMES = "customer--order-registered--test";

  Vigil vigil;
  EmbeddedBus bus;
  BusTestClient client;
  CustomerApp app;

  @BeforeEach
  void startService() {
    client.subscribe(Events.ORDER_REGISTERED_TOPIC, OUTCOMES);
    app = CustomerApp.start(vigil, bus, CustomerApp.AUTOTEST);
  }

  @AfterEach
  void stopService() throws Exception {
    app.close();
  }

  @Test
  void a_duplicate_after_the_outcome_never_produces_a_second_outcome() {
    String customerId = app.createCustomer("John Doe");
    String orderId = UUID.randomUUID().toString();
    Map<String, String> order = Map.of("order_id", orderId, "customer_id", customerId);
    client.publish(Events.ORDER_CREATED_TOPIC, order);
    List<CustomerOrderRegistered> outcomes =
        client.drain(OUTCOMES, 1, Duration.ofSeconds(5), CustomerOrderRegistered.class);
    assertThat(outcomes).extracting(CustomerOrderRegistered::orderId).containsExactly(orderId);

    client.publish(Events.ORDER_CREATED_TOPIC, order);

    vigil
        .never(() -> assertThat(client.take(OUTCOMES, CustomerOrderRegistered.class)).isNotEmpty())
        .describedAs("a second CustomerOrderRegistered")
        .within(Duration.ofSeconds(3));
    assertThat(vigil.timeline().byType(BusEntries.ack(CustomerService.ORDER_CREATED_QUEUE)))
        .as("both copies handled within the window")
        .hasSize(2);
  }
}
