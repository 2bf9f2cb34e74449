package dev.vigil.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.MessageBus;
import dev.vigil.bus.QueueSpec;
import dev.vigil.kafka.broker.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The README's example: one test, written against {@link MessageBus} and {@link BusTestClient}, on
 * the embedded bus and on Kafka; the two classes differ in the line that makes the bus.
 */
class OneLineSwitchTest {
  private static EmbeddedKafkaBroker kafka;

  @BeforeAll
  static void startKafka() {
    kafka = EmbeddedKafkaBroker.start();
  }

  @AfterAll
  static void stopKafka() {
    kafka.close();
  }

  /** What an order is, as the code under test reads it. */
  record OrderCreated(String orderId, String customerId) {}

  /** The code under test: bills known customers and refuses the rest. */
  static void bill(OrderCreated order) {
    if (order.customerId().equals("c-404")) {
      throw new IllegalArgumentException("unknown customer " + order.customerId());
    }
  }

  /** The test itself, for any bus. */
  abstract static class BillingScenario {
    abstract Vigil vigil();

    abstract MessageBus bus();

    @Test
    void an_unknown_customers_order_is_dead_lettered_after_three_attempts() {
      String orders = "orders-" + UUID.randomUUID();
      bus()
          .createQueue(
              QueueSpec.named(orders)
                  .withVisibilityTimeout(Duration.ofSeconds(1))
                  .withDeadLetterQueue(orders + "-dlq", 3));
      BusTestClient client = BusTestClient.of(vigil(), bus());
      bus().consume(orders, message -> bill(message.decode(client.codec(), OrderCreated.class)));

      client.send(orders, new OrderCreated("o-1", "c-404"), "flow-1");

      assertThat(client.drainDeadLetters(orders, 1, Duration.ofSeconds(10), OrderCreated.class))
          .containsExactly(new OrderCreated("o-1", "c-404"));
      vigil()
          .timeline()
          .trace("flow-1")
          .containsInOrder(BusEntries.send(orders), BusEntries.deadLetter(orders));
    }
  }

  @Nested
  class OnKafka extends BillingScenario {
    @AutoClose final Vigil vigil = Vigil.create();
    @AutoClose final MessageBus bus = KafkaBus.connect(vigil, kafka.bootstrapServers());

    @Override
    Vigil vigil() {
      return vigil;
    }

    @Override
    MessageBus bus() {
      return bus;
    }
  }

  @Nested
  class OnTheEmbeddedBus extends BillingScenario {
    @AutoClose final Vigil vigil = Vigil.create();
    @AutoClose final MessageBus bus = EmbeddedBus.create(vigil);

    @Override
    Vigil vigil() {
      return vigil;
    }

    @Override
    MessageBus bus() {
      return bus;
    }
  }
}
