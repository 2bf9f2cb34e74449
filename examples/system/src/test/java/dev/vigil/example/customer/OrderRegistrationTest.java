package dev.vigil.example.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.Message;
import dev.vigil.bus.MessageBus;
import dev.vigil.example.customer.CustomerApp.Response;
import dev.vigil.example.suite.SuiteBus;
import dev.vigil.junit5.VigilTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's "Testing asynchronous message consumers" (001): two {@code OrderCreated} events on
 * {@code order--created}, then the customer's {@code GET} probed until both orders show, in order —
 * the seed's {@code probe_until}, here {@code vigil.eventually}. Plus what the seed's consumer does
 * with a message it can never handle: acknowledge it, so that it is neither retried nor
 * dead-lettered. On every backend.
 */
@VigilTest(bus = SuiteBus.class)
class OrderRegistrationTest {
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
  void register_created_order() {
    String customerId = app.createCustomer("John Doe");
    List<String> orderIds =
        List.of("6c403295-2755-4178-a4f1-e3b698927971", "c8bb390a-71f4-4e8f-8879-c92261b0e18e");

    for (String orderId : orderIds) {
      client.publish(
          Events.ORDER_CREATED_TOPIC, Map.of("order_id", orderId, "customer_id", customerId));
    }

    vigil
        .eventually(
            () -> {
              Response response = app.get("/customer/" + customerId);
              assertThat(response.status()).isEqualTo(200);
              assertThat(response.body())
                  .isEqualTo(
                      Map.of(
                          "customer_id",
                          customerId,
                          "name",
                          "John Doe",
                          "orders",
                          List.of(
                              Map.of("order_id", orderIds.get(0)),
                              Map.of("order_id", orderIds.get(1)))));
            })
        .describedAs("both orders associated with customer " + customerId)
        .within(Duration.ofSeconds(5));
  }

  @Test
  void a_malformed_order_created_is_acknowledged_not_dead_lettered() {
    client.publish(Events.ORDER_CREATED_TOPIC, Message.of("this is not JSON"));
    client.publish(Events.ORDER_CREATED_TOPIC, Map.of("order_id", "o-without-customer"));

    // Both handled and acknowledged: the consumer discards what it can never handle.
    vigil
        .eventually(
            () ->
                assertThat(entries(BusEntries.ack(CustomerService.ORDER_CREATED_QUEUE))).hasSize(2))
        .within(Duration.ofSeconds(5));
    assertThat(entries(BusEntries.handlerFailed(CustomerService.ORDER_CREATED_QUEUE))).isEmpty();
    assertThat(entries(BusEntries.deadLetter(CustomerService.ORDER_CREATED_QUEUE))).isEmpty();
  }

  private List<?> entries(String type) {
    return vigil.timeline().byType(type);
  }
}
