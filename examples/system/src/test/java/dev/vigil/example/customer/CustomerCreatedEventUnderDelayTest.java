package dev.vigil.example.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.FaultPlan;
import dev.vigil.example.suite.EmbeddedBusOnly;
import dev.vigil.junit5.VigilTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Why the seed's first {@code test_customer_created_event_emitted} (001, "Testing for published
 * messages", marked {@code xfail}) is flaky, made certain: the embedded bus delays every delivery
 * to the test's queue by 0.2–1 s, so receiving right after {@code POST /customer} finds nothing,
 * and the version that waits ({@link CustomerCreatedEventTest}) passes under the same delay. On
 * virtual time the delay costs no wall time.
 */
@VigilTest(virtualTime = true)
@EmbeddedBusOnly("injects a delivery delay, which only the embedded bus can")
class CustomerCreatedEventUnderDelayTest {
  Vigil vigil;
  EmbeddedBus bus;
  BusTestClient client;
  CustomerApp app;

  @BeforeEach
  void startServiceWithSlowDelivery() {
    client.subscribe(Events.CUSTOMER_CREATED_TOPIC, CustomerCreatedEventTest.CREATED_QUEUE);
    bus.injectFaults(
        CustomerCreatedEventTest.CREATED_QUEUE,
        FaultPlan.none().withDelay(Duration.ofMillis(200), Duration.ofSeconds(1)));
    app = CustomerApp.start(vigil, bus, CustomerApp.AUTOTEST);
  }

  @AfterEach
  void stopService() throws Exception {
    app.close();
  }

  @Test
  void customer_created_event_checked_at_once_is_missed_under_delivery_delay() {
    String customerId = app.createCustomer("John Doe");

    // The seed's first version: one receive, straight after the POST.
    assertThatThrownBy(() -> receiveAtOnceAndExpect(customerId))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected size: 1 but was: 0");
  }

  @SuppressWarnings("rawtypes")
  private void receiveAtOnceAndExpect(String customerId) {
    List<Map> events = client.take(CustomerCreatedEventTest.CREATED_QUEUE, Map.class);
    assertThat(events).hasSize(1);
    assertThat(events.get(0)).isEqualTo(Map.of("customer_id", customerId, "name", "John Doe"));
  }

  @Test
  @SuppressWarnings("rawtypes")
  void customer_created_event_emitted_with_a_wait_passes_under_delivery_delay() {
    Instant posted = vigil.clock().instant();
    String customerId = app.createCustomer("John Doe");

    List<Map> events =
        client.drain(CustomerCreatedEventTest.CREATED_QUEUE, 1, Duration.ofSeconds(5), Map.class);

    assertThat(events).containsExactly(Map.of("customer_id", customerId, "name", "John Doe"));
    assertThat(Duration.between(posted, vigil.clock().instant()))
        .as("virtual time the delivery took")
        .isBetween(Duration.ofMillis(200), Duration.ofSeconds(1));
  }
}
