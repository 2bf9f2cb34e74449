package dev.vigil.example.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.bus.BusTestClient;
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
 * The seed's "Testing error-handling with dead-letter queues" (001) as the seed runs it: with the
 * autotest settings (one receive, a short visibility timeout), an {@code OrderCreated} whose
 * customer does not exist reaches {@code customer--order-created--dlq} within seconds, on every
 * backend and on real time. {@link ProductionSettingsTest} runs the production settings (3
 * receives, 30 s) on virtual time instead of shrinking them.
 */
@VigilTest(bus = SuiteBus.class)
class DeadLetterTest {
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
  @SuppressWarnings("rawtypes")
  void customer_not_found_for_newly_created_order() {
    String customerId = UUID.randomUUID().toString();
    String orderId = UUID.randomUUID().toString();

    client.publish(
        Events.ORDER_CREATED_TOPIC, Map.of("order_id", orderId, "customer_id", customerId));

    List<Map> deadLetters =
        client.drainDeadLetters(
            CustomerService.ORDER_CREATED_QUEUE, 1, Duration.ofSeconds(10), Map.class);
    assertThat(deadLetters).containsExactly(Map.of("order_id", orderId, "customer_id", customerId));
  }
}
