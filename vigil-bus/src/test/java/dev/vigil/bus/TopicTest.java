package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.bus.internal.SnsEnvelope;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class TopicTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);

  private List<String> bodies(String queue) {
    return bus.peek(queue).stream().map(QueuedMessage::body).toList();
  }

  @Test
  void a_publish_fans_out_to_every_subscribed_queue() {
    bus.subscribe(Subscription.of("order--created", "billing").withRawDelivery());
    bus.subscribe(Subscription.of("order--created", "shipping").withRawDelivery());
    bus.subscribe(Subscription.of("order--created", "inventory").withRawDelivery());

    bus.publish("order--created", Message.of("{\"order_id\":\"o-1\"}"));

    assertThat(bodies("billing")).containsExactly("{\"order_id\":\"o-1\"}");
    assertThat(bodies("shipping")).containsExactly("{\"order_id\":\"o-1\"}");
    assertThat(bodies("inventory")).containsExactly("{\"order_id\":\"o-1\"}");
  }

  @Test
  void subscribe_creates_the_topic_and_queue_it_names() {
    bus.subscribe("customer--created", "customer--created");

    assertThat(bus.topics()).containsExactly("customer--created");
    assertThat(bus.queues()).containsExactly("customer--created");
  }

  @Test
  void without_raw_delivery_the_queue_gets_an_sns_envelope_with_the_attributes_inside() {
    bus.subscribe("order--created", "billing");

    String snsId = bus.publish("order--created", Message.of("hello").withAttribute("k", "v"));

    QueuedMessage delivered = bus.peek("billing").get(0);
    assertThat(SnsEnvelope.unwrap(delivered.body())).contains("hello");
    assertThat(delivered.body())
        .contains("\"Type\":\"Notification\"")
        .contains("\"MessageId\":\"" + snsId + "\"")
        .contains("\"TopicArn\":\"arn:aws:sns:us-east-1:000000000000:order--created\"")
        .contains("\"k\":{\"Type\":\"String\",\"Value\":\"v\"}");
    assertThat(delivered.attributes()).isEmpty();
    assertThat(delivered.messageId()).isNotEqualTo(snsId);
  }

  @Test
  void with_raw_delivery_the_queue_gets_the_body_and_attributes_as_published() {
    bus.subscribe(Subscription.of("order--created", "billing").withRawDelivery());

    bus.publish("order--created", Message.of("hello").withAttribute("k", "v"));

    QueuedMessage delivered = bus.peek("billing").get(0);
    assertThat(delivered.body()).isEqualTo("hello");
    assertThat(delivered.attributes()).containsEntry("k", "v");
  }

  @Test
  void a_filter_policy_lets_through_only_matching_attributes() {
    bus.subscribe(
        Subscription.of("order--created", "eu-orders")
            .withRawDelivery()
            .withFilterPolicy("{\"region\":[\"eu\"],\"total\":[{\"numeric\":[\">\",100]}]}"));
    bus.subscribe(Subscription.of("order--created", "all-orders").withRawDelivery());

    bus.publish(
        "order--created",
        Message.of("eu-big").withAttribute("region", "eu").withAttribute("total", "250"));
    bus.publish(
        "order--created",
        Message.of("eu-small").withAttribute("region", "eu").withAttribute("total", "20"));
    bus.publish(
        "order--created",
        Message.of("us-big").withAttribute("region", "us").withAttribute("total", "250"));

    assertThat(bodies("eu-orders")).containsExactly("eu-big");
    assertThat(bodies("all-orders")).containsExactly("eu-big", "eu-small", "us-big");
  }

  @Test
  void subscribing_the_same_queue_again_replaces_its_filter_policy() {
    bus.subscribe(Subscription.of("t", "q").withRawDelivery().withFilterPolicy("{\"a\":[\"1\"]}"));
    bus.subscribe(Subscription.of("t", "q").withRawDelivery().withFilterPolicy("{\"a\":[\"2\"]}"));

    bus.publish("t", Message.of("one").withAttribute("a", "1"));
    bus.publish("t", Message.of("two").withAttribute("a", "2"));

    assertThat(bodies("q")).containsExactly("two");
  }

  @Test
  void a_publish_with_no_subscriber_is_recorded_and_goes_nowhere() {
    bus.createTopic("lonely");

    bus.publish("lonely", Message.of("nobody listens"));

    assertThat(vigil.timeline().byType("publish lonely"))
        .singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("deliveredTo", ""));
  }

  @Test
  void a_deleted_topic_delivers_nothing_more() {
    bus.subscribe("t", "q");
    bus.deleteTopic("t");

    assertThatThrownBy(() -> bus.publish("t", Message.of("x")))
        .isInstanceOf(BusException.class)
        .hasMessage("no topic named 't'; topics: []");
  }

  @Test
  void a_fifo_topic_delivers_only_to_fifo_queues_and_needs_a_group() {
    bus.createQueue(QueueSpec.named("orders.fifo").withContentBasedDeduplication());
    bus.subscribe(Subscription.of("orders.fifo", "orders.fifo").withRawDelivery());

    assertThatThrownBy(() -> bus.publish("orders.fifo", Message.of("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a message published to FIFO topic 'orders.fifo' needs a groupId (Message.withGroupId)");
    assertThatThrownBy(() -> bus.subscribe("orders.fifo", "standard-queue"))
        .isInstanceOf(BusException.class)
        .hasMessageContaining("must both be FIFO or both standard");

    bus.publish("orders.fifo", Message.of("x").withGroupId("g"));
    assertThat(bodies("orders.fifo")).containsExactly("x");
  }

  @Test
  void a_publish_one_queue_refuses_delivers_to_none_and_records_nothing() {
    bus.createQueue(QueueSpec.named("a.fifo").withContentBasedDeduplication());
    bus.createQueue("b.fifo");
    bus.subscribe(Subscription.of("orders.fifo", "a.fifo").withRawDelivery());
    bus.subscribe(Subscription.of("orders.fifo", "b.fifo").withRawDelivery());
    Message withoutDeduplicationId = Message.of("o-1").withGroupId("g");

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> bus.publish("orders.fifo", withoutDeduplicationId))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'b.fifo' needs a deduplicationId");
    }

    assertThat(bodies("a.fifo")).isEmpty();
    assertThat(bodies("b.fifo")).isEmpty();
    assertThat(vigil.timeline().entries()).isEmpty();
  }

  @Test
  void content_based_deduplication_drops_a_repeated_publish_delivered_in_an_envelope() {
    bus.createQueue(QueueSpec.named("orders.fifo").withContentBasedDeduplication());
    bus.subscribe("orders.fifo", "orders.fifo");

    bus.publish("orders.fifo", Message.of("o-1").withGroupId("g"));
    bus.publish("orders.fifo", Message.of("o-1").withGroupId("g"));
    bus.publish("orders.fifo", Message.of("o-2").withGroupId("g"));

    assertThat(bodies("orders.fifo"))
        .map(body -> SnsEnvelope.unwrap(body).orElseThrow())
        .containsExactly("o-1", "o-2");
  }
}
