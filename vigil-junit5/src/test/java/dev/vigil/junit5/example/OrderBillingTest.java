package dev.vigil.junit5.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.QueueSpec;
import dev.vigil.junit5.VigilTest;
import dev.vigil.junit5.example.Billing.OrderPlaced;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's complete test class: the whole harness is the fields and {@code @BeforeEach}. */
@VigilTest(virtualTime = true)
class OrderBillingTest {
  Vigil vigil;
  EmbeddedBus bus;
  BusTestClient client;
  Billing billing = new Billing(Set.of("c-1"));

  @BeforeEach
  void start() {
    bus.createTopic("order-placed");
    bus.createQueue(
        QueueSpec.named("billing")
            .withVisibilityTimeout(Duration.ofSeconds(30)) // production settings
            .withDeadLetterQueue("billing-dlq", 3));
    bus.subscribe("order-placed", "billing");
    billing.start(bus, "billing"); // closed with the bus, after the test
  }

  @Test
  void a_placed_order_is_billed() {
    Billing.place(bus, "order-placed", new OrderPlaced("o-1", "c-1"));

    vigil
        .eventually(() -> assertThat(billing.billed()).containsExactly("o-1"))
        .within(Duration.ofSeconds(5));
  }

  @Test
  void an_order_of_an_unknown_customer_is_dead_lettered_after_three_tries() {
    Billing.place(bus, "order-placed", new OrderPlaced("o-2", "c-unknown"));

    vigil
        .eventually(() -> client.deadLetters("billing", OrderPlaced.class))
        .within(Duration.ofMinutes(2)); // 60 virtual seconds, milliseconds of wall time
    assertThat(billing.billed()).isEmpty();
  }
}
