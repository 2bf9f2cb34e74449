package dev.vigil.example.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.bus.MessageBus;
import dev.vigil.example.customer.CustomerApp.Response;
import dev.vigil.example.suite.SuiteBus;
import dev.vigil.junit5.ContextScope;
import dev.vigil.junit5.VigilTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed's "Other application tests" (001, Testing Asynchronous Systems): the HTTP API answers at
 * once, so these tests need no wait — plus the bad requests the seed leaves out. They share one
 * service for the class (as the seed's module-scoped {@code http_client} does): each makes its own
 * customer, and none looks at the bus.
 */
@VigilTest(bus = SuiteBus.class, scope = ContextScope.CLASS)
class CustomerApiTest {
  private static CustomerApp app;

  @BeforeAll
  static void startService(Vigil vigil, MessageBus bus) {
    app = CustomerApp.start(vigil, bus, CustomerApp.AUTOTEST);
  }

  @AfterAll
  static void stopService() throws Exception {
    app.close();
  }

  @Test
  void created_and_get_customer() {
    Response created = app.post("/customer", "{\"name\": \"John Doe\"}");

    assertThat(created.status()).isEqualTo(200);
    String customerId = (String) created.body().get("customer_id");
    assertThat(UUID.fromString(customerId)).isNotNull();
    assertThat(created.body())
        .isEqualTo(Map.of("customer_id", customerId, "name", "John Doe", "orders", List.of()));

    Response fetched = app.get("/customer/" + customerId);

    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.body())
        .isEqualTo(Map.of("customer_id", customerId, "name", "John Doe", "orders", List.of()));
  }

  @Test
  void customer_not_found() {
    Response response = app.get("/customer/" + UUID.randomUUID());

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.body()).isEqualTo(Map.of("error", "CUSTOMER_NOT_FOUND"));
  }

  @Test
  void a_body_without_a_name_is_a_bad_request() {
    Response response = app.post("/customer", "{\"nickname\": \"John\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo(
            Map.of("error", "INVALID_REQUEST", "detail", "body must be JSON with a string 'name'"));
  }

  @Test
  void a_body_that_is_not_json_is_a_bad_request() {
    Response response = app.post("/customer", "name=John");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).containsEntry("error", "INVALID_REQUEST");
  }
}
