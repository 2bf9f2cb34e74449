package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.WaitTimeoutError;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class BusTestClientTest {
  record OrderCreated(String orderId, String customerId) {}

  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);
  private final BusTestClient client = BusTestClient.of(vigil, bus);

  @Test
  void a_published_payload_is_received_typed_and_deleted() {
    client.subscribe("order--created", "customer--order-created");

    client.publish("order--created", new OrderCreated("o-1", "c-1"));

    assertThat(client.receive("customer--order-created", OrderCreated.class))
        .containsExactly(new OrderCreated("o-1", "c-1"));
    assertThat(client.receive("customer--order-created", OrderCreated.class)).isEmpty();
  }

  @Test
  void drain_returns_exactly_the_count_as_soon_as_it_arrives() {
    bus.createQueue("billing");
    bus.createQueue("shipping");
    // The system under test answers one order with a billing and a shipping event, 2 s later.
    vigil
        .scheduler()
        .schedule(
            () -> {
              client.send("billing", new OrderCreated("o-1", "c-1"));
              client.send("shipping", new OrderCreated("o-1", "c-1"));
              client.send("shipping", new OrderCreated("o-2", "c-1"));
            },
            2,
            java.util.concurrent.TimeUnit.SECONDS);
    long start = vigil.time().nanoTime();

    List<OrderCreated> billing =
        client.drain("billing", 1, Duration.ofSeconds(10), OrderCreated.class);
    List<OrderCreated> shipping =
        client.drain("shipping", 1, Duration.ofSeconds(10), OrderCreated.class);

    assertThat(billing).containsExactly(new OrderCreated("o-1", "c-1"));
    assertThat(shipping).containsExactly(new OrderCreated("o-1", "c-1"));
    assertThat(client.peek("shipping", OrderCreated.class))
        .containsExactly(new OrderCreated("o-2", "c-1"));
    assertThat(Duration.ofNanos(vigil.time().nanoTime() - start)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void drain_fails_with_what_did_arrive_when_too_few_come() {
    bus.createQueue("billing");
    client.send("billing", new OrderCreated("o-1", "c-1"));

    assertThatThrownBy(() -> client.drain("billing", 3, Duration.ofSeconds(10), OrderCreated.class))
        .isInstanceOf(WaitTimeoutError.class)
        .hasMessageContaining("3 message(s) on queue 'billing'")
        .hasMessageContaining(
            "1 arrived: [OrderCreated[orderId=o-1, customerId=c-1]]; queue QueueStats[visible=0,"
                + " inFlight=0, delayed=0]");
  }

  @Test
  void an_undecodable_body_fails_clearly_and_stays_on_the_queue() {
    bus.createQueue("billing");
    bus.send("billing", Message.of("not json at all"));

    assertThatThrownBy(() -> client.drain("billing", 1, Duration.ofSeconds(10), OrderCreated.class))
        .isInstanceOf(UndecodableMessageException.class)
        .hasMessageContaining("on queue 'billing' (kept on the queue)")
        .hasMessageContaining("raw body: not json at all");

    assertThat(bus.peek("billing"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.body()).isEqualTo("not json at all");
              assertThat(m.state()).isEqualTo(QueuedMessage.State.VISIBLE);
            });
    assertThat(vigil.timeline().byType("undecodable billing")).hasSize(1);
  }

  @Test
  void dead_letters_are_read_from_the_queues_dead_letter_queue_without_consuming_them() {
    bus.createQueue(
        QueueSpec.named("orders")
            .withVisibilityTimeout(Duration.ofSeconds(30))
            .withDeadLetterQueue("orders--dlq", 1));
    bus.consume(
        "orders",
        m -> {
          throw new IllegalStateException("always fails");
        });

    client.send("orders", new OrderCreated("o-9", "c-404"));

    vigil
        .eventually(() -> client.deadLetters("orders", OrderCreated.class))
        .within(Duration.ofMinutes(1));
    assertThat(client.deadLetters("orders", OrderCreated.class))
        .containsExactly(new OrderCreated("o-9", "c-404"));
  }

  @Test
  void dead_letters_of_a_queue_without_a_dead_letter_queue_is_an_error() {
    bus.createQueue("orders");

    assertThatThrownBy(() -> client.deadLetters("orders", OrderCreated.class))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "queue 'orders' has no dead-letter queue; create it with"
                + " QueueSpec.withDeadLetterQueue");
  }

  @Test
  void the_enveloped_codec_speaks_the_seeds_json_base_envelope() {
    BusTestClient enveloped = client.withCodec(JsonCodec.enveloped());
    enveloped.subscribe("customer--created", "customer--created");

    enveloped.publish("customer--created", new OrderCreated("o-1", "c-1"));

    String body = bus.peek("customer--created").get(0).body();
    assertThat(body).contains("tomodachi-json-base");
    assertThat(enveloped.receive("customer--created", OrderCreated.class))
        .containsExactly(new OrderCreated("o-1", "c-1"));
  }

  @Test
  void purge_empties_a_queue_between_tests() {
    bus.createQueue("billing");
    client.send("billing", new OrderCreated("o-1", "c-1"));

    assertThat(client.purge("billing")).isEqualTo(1);
    assertThat(client.receive("billing", OrderCreated.class)).isEmpty();
  }

  @Test
  void drain_rejects_a_count_below_one_and_an_unknown_queue_at_once() {
    assertThatThrownBy(() -> client.drain("billing", 0, Duration.ofSeconds(1), String.class))
        .hasMessage("count must be at least 1, was 0");
    assertThatThrownBy(() -> client.drain("nowhere", 1, Duration.ofSeconds(1), String.class))
        .isInstanceOf(BusException.class)
        .hasMessage("no queue named 'nowhere'; queues: []");
  }
}
