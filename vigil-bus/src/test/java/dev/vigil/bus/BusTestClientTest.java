package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.WaitTimeoutError;
import java.lang.reflect.Proxy;
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
  void take_returns_a_published_payload_typed_and_deletes_it() {
    client.subscribe("order--created", "customer--order-created");

    client.publish("order--created", new OrderCreated("o-1", "c-1"));

    assertThat(client.take("customer--order-created", OrderCreated.class))
        .containsExactly(new OrderCreated("o-1", "c-1"));
    assertThat(client.take("customer--order-created", OrderCreated.class)).isEmpty();
  }

  @Test
  void a_client_and_its_copies_name_the_context_they_wait_on() {
    assertThat(client.vigil()).isSameAs(vigil);
    assertThat(client.withCodec(JsonCodec.tomodachiJsonBase()).vigil()).isSameAs(vigil);
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
  void the_tomodachi_json_base_codec_speaks_the_seeds_json_base_envelope() {
    BusTestClient tomodachi = client.withCodec(JsonCodec.tomodachiJsonBase());
    tomodachi.subscribe("customer--created", "customer--created");

    tomodachi.publish("customer--created", new OrderCreated("o-1", "c-1"));

    String body = bus.peek("customer--created").get(0).body();
    assertThat(body).contains("tomodachi-json-base");
    assertThat(tomodachi.take("customer--created", OrderCreated.class))
        .containsExactly(new OrderCreated("o-1", "c-1"));
  }

  @Test
  void purge_empties_a_queue_between_tests() {
    bus.createQueue("billing");
    client.send("billing", new OrderCreated("o-1", "c-1"));

    assertThat(client.purge("billing")).isEqualTo(1);
    assertThat(client.take("billing", OrderCreated.class)).isEmpty();
  }

  @Test
  void drain_rejects_a_count_below_one_and_an_unknown_queue_at_once() {
    assertThatThrownBy(() -> client.drain("billing", 0, Duration.ofSeconds(1), String.class))
        .hasMessage("count must be at least 1, was 0");
    assertThatThrownBy(() -> client.drain("nowhere", 1, Duration.ofSeconds(1), String.class))
        .isInstanceOf(BusException.class)
        .hasMessage("no queue named 'nowhere'; queues: []");
  }

  @Test
  void a_typed_payload_published_with_a_correlation_id_joins_that_flow() {
    client.subscribe("order--created", "billing");

    client.publish("order--created", new OrderCreated("o-1", "c-1"), "flow-1");
    client.send("billing", new OrderCreated("o-2", "c-1"), "flow-1");

    assertThat(client.drain("billing", 2, Duration.ofSeconds(1), OrderCreated.class))
        .containsExactly(new OrderCreated("o-1", "c-1"), new OrderCreated("o-2", "c-1"));
    vigil
        .timeline()
        .trace("flow-1")
        .containsInOrder(
            BusEntries.publish("order--created"),
            BusEntries.send("billing"),
            BusEntries.send("billing"),
            BusEntries.ack("billing"));
  }

  @Test
  void peek_leaves_on_the_queue_what_take_deletes() {
    bus.createQueue("orders");
    client.send("orders", new OrderCreated("o-1", "c-1"));

    assertThat(client.peek("orders", OrderCreated.class)).hasSize(1);
    assertThat(client.take("orders", OrderCreated.class)).hasSize(1);
    assertThat(client.peek("orders", OrderCreated.class)).isEmpty();
  }

  @Test
  void codec_returns_the_codec_the_client_encodes_with() {
    MessageCodec tomodachi = JsonCodec.tomodachiJsonBase();

    assertThat(client.codec().toString()).isEqualTo("JsonCodec.plain()");
    assertThat(client.withCodec(tomodachi).codec()).isSameAs(tomodachi);
  }

  @Test
  void peeking_on_a_bus_that_can_only_look_by_receiving_fails_naming_the_backend() {
    MessageBus receiveOnly =
        (MessageBus)
            Proxy.newProxyInstance(
                MessageBus.class.getClassLoader(),
                new Class<?>[] {MessageBus.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("backend")) {
                    return "sqs";
                  }
                  if (method.getName().equals("spec")) {
                    return QueueSpec.named("orders").withDeadLetterQueue("orders-dlq", 3);
                  }
                  throw new AssertionError("the client must not call " + method.getName());
                });
    BusTestClient client = BusTestClient.of(vigil, receiveOnly);

    assertThatThrownBy(() -> client.peek("orders", String.class))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "the sqs bus cannot peek at queue 'orders': it can only look by receiving;"
                + " use take or drain, or a PeekableBus");
    assertThatThrownBy(() -> client.deadLetters("orders", String.class))
        .isInstanceOf(BusException.class)
        .hasMessageStartingWith("the sqs bus cannot peek at queue 'orders-dlq'");
  }
}
