package dev.vigil.assertj;

import static dev.vigil.assertj.VigilAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.JsonCodec;
import dev.vigil.bus.Message;
import dev.vigil.bus.QueuedMessage;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Assertions on one received or queued message, message by message. */
class MessageAssertTest {
  private static final String NL = System.lineSeparator();

  record Item(String sku, int quantity) {}

  record Order(String orderId, double amount, List<Item> items) {}

  private static final Order ORDER = new Order("o-1", 99.99, List.of(new Item("sku-1", 2)));
  private static final String ORDER_JSON =
      "{\"orderId\":\"o-1\",\"amount\":99.99,\"items\":[{\"sku\":\"sku-1\",\"quantity\":2}]}";

  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);
  private final BusTestClient client = BusTestClient.of(vigil, bus);

  @BeforeEach
  void queue() {
    bus.createQueue("billing");
  }

  private ReceivedMessage receive() {
    return bus.receive("billing", Receive.one()).get(0);
  }

  private QueuedMessage peek() {
    return bus.peek("billing").get(0);
  }

  /** The head of a failure about a visible message of billing. */
  private static String expecting(QueuedMessage message, String content, String attributes) {
    return NL
        + "Expecting message "
        + message.messageId()
        + " on queue billing (visible):"
        + NL
        + "  "
        + content
        + NL
        + "  attributes: "
        + attributes
        + NL;
  }

  @Test
  void json_fields_match_by_dotted_path_or_pointer_and_numbers_by_value() {
    client.send("billing", ORDER, "corr-1");

    assertThat(receive())
        .hasJsonField("orderId", "o-1")
        .hasJsonField("/amount", 99.990)
        .hasJsonField("items[0].sku", "sku-1")
        .hasJsonField("/items/0/quantity", 2L)
        .hasJsonField("items", List.of(new Item("sku-1", 2)));
  }

  @Test
  void a_json_field_that_differs_is_shown_with_the_payload() {
    String id = client.send("billing", ORDER);

    assertThatThrownBy(() -> assertThat(receive()).hasJsonField("orderId", "o-2"))
        .hasMessage(
            NL
                + "Expecting message "
                + id
                + " received from queue billing:"
                + NL
                + "  json:       "
                + ORDER_JSON
                + NL
                + "  attributes: {}"
                + NL
                + "to have json orderId = \"o-2\", but json orderId was \"o-1\".");
  }

  @Test
  void a_missing_json_field_or_a_body_that_is_not_json_says_so() {
    client.send("billing", ORDER);
    client.send("billing", Message.of("plain text"));

    assertThatThrownBy(() -> assertThat(peek()).hasJsonField("customer.id", "c-1"))
        .hasMessage(
            expecting(peek(), "json:       " + ORDER_JSON, "{}")
                + "to have json customer.id = \"c-1\", but json customer.id is missing.");
    QueuedMessage text = bus.peek("billing").get(1);
    assertThatThrownBy(() -> assertThat(text).hasJsonField("a", 1))
        .hasMessage(
            NL
                + "Expecting message "
                + text.messageId()
                + " on queue billing (visible):"
                + NL
                + "  body:       plain text"
                + NL
                + "  attributes: {}"
                + NL
                + "to have json a = 1, but the body is not JSON.");
  }

  @Test
  void attributes_are_checked_by_value_or_presence() {
    client.send("billing", Message.of("{}").withAttribute("tenant", "acme"));

    assertThat(peek()).hasAttribute("tenant", "acme").hasAttribute("tenant");
    assertThat(receive()).hasAttribute("tenant", "acme").hasAttribute("tenant");
  }

  @Test
  void an_attribute_with_another_value_or_none_fails() {
    String id = client.send("billing", Message.of("{}").withAttribute("tenant", "acme"));

    assertThatThrownBy(() -> assertThat(peek()).hasAttribute("tenant", "other"))
        .hasMessage(
            NL
                + "Expecting message "
                + id
                + " on queue billing (visible):"
                + NL
                + "  json:       {}"
                + NL
                + "  attributes: {tenant=acme}"
                + NL
                + "to have attribute tenant = \"other\", but it was \"acme\".");
    String head = expecting(peek(), "json:       {}", "{tenant=acme}");
    assertThatThrownBy(() -> assertThat(peek()).hasAttribute("region", "eu"))
        .hasMessage(head + "to have attribute region = \"eu\", but it had no attribute region.");
    assertThatThrownBy(() -> assertThat(peek()).hasAttribute("region"))
        .hasMessage(head + "to have attribute region, but it had none of that name.");
  }

  @Test
  void the_correlation_id_is_checked() {
    client.send("billing", ORDER, "corr-1");

    assertThat(peek()).hasCorrelationId("corr-1");
    assertThat(receive()).hasCorrelationId("corr-1");
  }

  @Test
  void another_correlation_id_or_none_fails() {
    client.send("billing", ORDER, "corr-1");
    client.send("billing", ORDER);

    String json = "json:       " + ORDER_JSON;
    assertThatThrownBy(() -> assertThat(peek()).hasCorrelationId("corr-2"))
        .hasMessage(
            expecting(peek(), json, "{correlation-id=corr-1}")
                + "to have correlation id corr-2, but it had corr-1.");
    QueuedMessage none = bus.peek("billing").get(1);
    assertThatThrownBy(() -> assertThat(none).hasCorrelationId("corr-2"))
        .hasMessage(
            expecting(none, json, "{}") + "to have correlation id corr-2, but it had none.");
  }

  @Test
  void a_topic_delivery_in_an_envelope_is_read_through_it() {
    client.subscribe("order--created", "customer");
    client.publish(
        "order--created",
        Message.of("{\"orderId\":\"o-1\"}").withAttribute("tenant", "acme"),
        "corr-1");
    QueuedMessage queued = bus.peek("customer").get(0);

    assertThat(queued)
        .hasJsonField("orderId", "o-1")
        .hasAttribute("tenant", "acme")
        .hasCorrelationId("corr-1");
    assertThat(bus.receive("customer", Receive.one()).get(0))
        .hasJsonField("orderId", "o-1")
        .hasCorrelationId("corr-1");
  }

  @Test
  void using_codec_reads_the_data_inside_tomodachis_envelope() {
    client.withCodec(JsonCodec.tomodachiJsonBase()).send("billing", ORDER);

    assertThat(peek()).usingCodec(JsonCodec.tomodachiJsonBase()).hasJsonField("orderId", "o-1");
    assertThatThrownBy(() -> assertThat(peek()).hasJsonField("orderId", "o-1"))
        .hasMessageStartingWith(NL + "Expecting message " + peek().messageId())
        .hasMessageContaining("  json:       {\"service\":{\"name\":\"vigil\"")
        .hasMessageEndingWith("to have json orderId = \"o-1\", but json orderId is missing.");
  }

  @Test
  void bad_paths_are_errors_and_null_messages_fail() {
    client.send("billing", ORDER);

    assertThatThrownBy(() -> assertThat(peek()).hasJsonField(" ", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path must not be blank, was ' '");
    assertThatThrownBy(() -> assertThat((QueuedMessage) null).hasAttribute("a"))
        .hasMessage(NL + "Expecting actual not to be null");
  }
}
