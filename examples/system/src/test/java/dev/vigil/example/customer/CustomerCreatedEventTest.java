package dev.vigil.example.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.bus.BusEntries;
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
 * The seed's "Testing for published messages" (001), in its third and final version: after {@code
 * POST /customer}, wait for {@code CustomerCreated} on the queue subscribed to {@code
 * customer--created} — the seed's {@code probe_until}, here {@link BusTestClient#drain}, which
 * returns the moment the message arrives. It runs on every backend.
 *
 * <p>The seed's first version (receive at once) is flaky and its second (sleep a second, then
 * receive) is slow; {@link CustomerCreatedEventUnderDelayTest} shows the first failing under an
 * injected delivery delay and this wait passing under it. The second is not written here: a sleep
 * either waits too long (60 tests, 60 seconds) or not long enough (a slow CI run), and the wait
 * below already does what the sleep meant — it takes as long as delivery does, no longer.
 */
@VigilTest(bus = SuiteBus.class)
class CustomerCreatedEventTest {
  /** The test's own queue on the service's topic, as the seed's {@code subscribe_to} makes it. */
  static final String CREATED_QUEUE = "customer--created";

  Vigil vigil;
  MessageBus bus;
  BusTestClient client;
  CustomerApp app;

  @BeforeEach
  void startService() {
    client.subscribe(Events.CUSTOMER_CREATED_TOPIC, CREATED_QUEUE);
    client.purge(CREATED_QUEUE); // a shared broker keeps what earlier tests left
    app = CustomerApp.start(vigil, bus, CustomerApp.AUTOTEST);
  }

  @AfterEach
  void stopService() throws Exception {
    app.close();
  }

  @Test
  @SuppressWarnings("rawtypes") // the seed compares plain dicts; so do we
  void customer_created_event_emitted() {
    String customerId = app.createCustomer("John Doe");

    List<Map> events = client.drain(CREATED_QUEUE, 1, Duration.ofSeconds(5), Map.class);

    assertThat(events).containsExactly(Map.of("customer_id", customerId, "name", "John Doe"));
  }

  @Test
  void customer_created_event_joins_the_flow_of_the_request() {
    String flow = "signup-" + UUID.randomUUID();

    app.createCustomer("John Doe", flow);
    client.drain(CREATED_QUEUE, 1, Duration.ofSeconds(5), Map.class);

    vigil
        .timeline()
        .trace(flow)
        .containsExactlyOnce(BusEntries.publish(Events.CUSTOMER_CREATED_TOPIC));
  }
}
