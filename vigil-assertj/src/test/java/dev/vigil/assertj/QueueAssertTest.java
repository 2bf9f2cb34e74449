package dev.vigil.assertj;

import static dev.vigil.assertj.VigilAssertions.assertThatQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.bus.BusException;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.JsonCodec;
import dev.vigil.bus.Message;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Assertions on what a queue holds, read by peeking, message by message. */
class QueueAssertTest {
  private static final String NL = System.lineSeparator();

  record Order(String orderId, int amount) {}

  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);
  private final BusTestClient client = BusTestClient.of(vigil, bus);

  @BeforeEach
  void queues() {
    bus.createQueue(QueueSpec.named("billing").withDeadLetterQueue("billing--dlq", 1));
    bus.createQueue("shipping");
  }

  /** Receives the only message of billing twice, so that its second receive dead-letters it. */
  private void deadLetterTheNextMessage() {
    ReceivedMessage first = bus.receive("billing", Receive.one()).get(0);
    bus.changeVisibility("billing", first.receiptHandle(), Duration.ZERO);
    assertThat(bus.receive("billing", Receive.one())).isEmpty();
  }

  @Test
  void is_empty_passes_on_an_empty_queue() {
    assertThatQueue(client, "billing").isEmpty().hasSize(0);
  }

  @Test
  void is_empty_fails_listing_every_message_in_delivery_order_with_its_state() {
    client.send("billing", new Order("o-1", 10));
    client.send("billing", Message.of("not json").withAttribute("tenant", "acme"));
    bus.receive("billing", Receive.one());

    assertThatThrownBy(() -> assertThatQueue(client, "billing").isEmpty())
        .hasMessage(
            NL
                + "Expecting queue billing:"
                + NL
                + "  [0] not json (visible; attributes {tenant=acme})"
                + NL
                + "  [1] {\"orderId\":\"o-1\",\"amount\":10} (in flight)"
                + NL
                + "to be empty, but it held 2 messages.");
  }

  @Test
  void has_size_counts_messages_in_every_state_and_consumes_none() {
    client.send("billing", new Order("o-1", 10));
    client.send("billing", new Order("o-2", 20));
    bus.receive("billing", Receive.one());

    assertThatQueue(client, "billing").hasSize(2).hasSize(2);
    assertThat(bus.stats("billing").visible()).isEqualTo(1);
    assertThat(bus.stats("billing").inFlight()).isEqualTo(1);
  }

  @Test
  void has_size_fails_saying_how_many_it_held() {
    client.send("billing", new Order("o-1", 10));

    assertThatThrownBy(() -> assertThatQueue(client, "billing").hasSize(3))
        .hasMessage(
            NL
                + "Expecting queue billing:"
                + NL
                + "  [0] {\"orderId\":\"o-1\",\"amount\":10} (visible)"
                + NL
                + "to hold 3 messages, but it held 1.");
    assertThatThrownBy(() -> assertThatQueue(client, "shipping").hasSize(1))
        .hasMessage(
            NL
                + "Expecting queue shipping:"
                + NL
                + "  (no messages)"
                + NL
                + "to hold 1 message, but it held 0.");
  }

  @Test
  void contains_message_with_matches_a_json_field_by_dotted_path_or_pointer() {
    client.send("billing", new Order("o-1", 10));
    client.send("billing", new Order("o-2", 20));

    assertThatQueue(client, "billing")
        .containsMessageWith("orderId", "o-2")
        .containsMessageWith("/amount", 20.0);
  }

  @Test
  void contains_message_with_fails_saying_why_each_message_did_not_match() {
    client.send("billing", new Order("o-1", 10));
    client.send("billing", Message.of("not json"));

    assertThatThrownBy(
            () -> assertThatQueue(client, "billing").containsMessageWith("orderId", "o-9"))
        .hasMessage(
            NL
                + "Expecting queue billing:"
                + NL
                + "  [0] {\"orderId\":\"o-1\",\"amount\":10} (visible)"
                + NL
                + "  [1] not json (visible)"
                + NL
                + "to hold a message with json orderId = \"o-9\", but none had it:"
                + NL
                + "  [0] json orderId was \"o-1\""
                + NL
                + "  [1] the body is not JSON");
    assertThatThrownBy(() -> assertThatQueue(client, "shipping").containsMessageWith("a", 1))
        .hasMessage(
            NL
                + "Expecting queue shipping:"
                + NL
                + "  (no messages)"
                + NL
                + "to hold a message with json a = 1, but it held none.");
  }

  @Test
  void bodies_are_read_with_the_clients_codec_through_envelopes() {
    BusTestClient tomodachi = client.withCodec(JsonCodec.tomodachiJsonBase());
    tomodachi.subscribe("order--created", "customer");
    tomodachi.publish("order--created", new Order("o-1", 10));

    assertThatQueue(tomodachi, "customer").containsMessageWith("orderId", "o-1");
  }

  @Test
  void has_dead_letters_counts_the_dead_letter_queue() {
    client.send("billing", new Order("o-1", 10));
    assertThatQueue(client, "billing").hasDeadLetters(0);

    deadLetterTheNextMessage();

    assertThatQueue(client, "billing")
        .isEmpty()
        .hasDeadLetters(1)
        .deadLetters()
        .containsMessageWith("orderId", "o-1");
  }

  @Test
  void has_dead_letters_fails_naming_the_dead_letter_queue() {
    assertThatThrownBy(() -> assertThatQueue(client, "billing").hasDeadLetters(1))
        .hasMessage(
            NL
                + "Expecting queue billing's dead-letter queue billing--dlq:"
                + NL
                + "  (no messages)"
                + NL
                + "to hold 1 message, but it held 0.");
    assertThatThrownBy(() -> assertThatQueue(client, "billing").deadLetters().hasSize(2))
        .hasMessageStartingWith(NL + "Expecting queue billing's dead-letter queue billing--dlq:");
  }

  @Test
  void a_queue_without_dead_letter_queue_or_an_unknown_queue_is_an_error() {
    assertThatThrownBy(() -> assertThatQueue(client, "shipping").hasDeadLetters(0))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "queue 'shipping' has no dead-letter queue; create it with"
                + " QueueSpec.withDeadLetterQueue");
    assertThatThrownBy(() -> assertThatQueue(client, "nowhere").isEmpty())
        .isInstanceOf(BusException.class)
        .hasMessageContaining("nowhere");
    assertThatThrownBy(() -> assertThatQueue(client, "billing").hasSize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected must not be negative, was -1");
  }

  @Test
  void as_prefixes_the_text() {
    assertThatThrownBy(() -> assertThatQueue(client, "shipping").as("after checkout").hasSize(1))
        .hasMessageStartingWith("[after checkout] " + NL + "Expecting queue shipping:");
  }
}
