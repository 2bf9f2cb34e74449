package dev.vigil.bus.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusException;
import dev.vigil.bus.Message;
import dev.vigil.bus.Receive;
import org.junit.jupiter.api.Test;

/**
 * Topics: a publish reaches every queue subscribed to the topic (SNS fan-out; on Kafka, every queue
 * reading the topic), from the subscription on. The embedded bus and Kafka honour it; SQS only with
 * an SNS endpoint (LocalStack, AWS), not on ElasticMQ.
 */
public interface TopicContract extends BusFixture {

  @Test
  default void a_publish_reaches_every_subscribed_queue() {
    String topic = name("order-created");
    String billing = name("billing");
    String shipping = name("shipping");
    bus().createTopic(topic);
    bus().subscribe(topic, billing);
    bus().subscribe(topic, shipping);

    client().publish(topic, new ContractPayload("o-1", 5), "flow-" + topic);

    assertThat(client().drain(billing, 1, patience(), ContractPayload.class))
        .containsExactly(new ContractPayload("o-1", 5));
    assertThat(client().drain(shipping, 1, patience(), ContractPayload.class))
        .containsExactly(new ContractPayload("o-1", 5));
    vigil()
        .timeline()
        .trace("flow-" + topic)
        .containsInOrder(BusEntries.publish(topic), BusEntries.receive(billing));
    assertThat(bus().topics()).contains(topic);
  }

  @Test
  default void a_queue_subscribed_after_a_publish_does_not_get_it() {
    String topic = name("order-created");
    String early = name("early");
    String late = name("late");
    bus().subscribe(topic, early);
    client().publish(topic, new ContractPayload("o-1", 1));
    client().drain(early, 1, patience(), ContractPayload.class);

    bus().subscribe(topic, late);
    client().publish(topic, new ContractPayload("o-2", 2));

    assertThat(client().drain(late, 1, patience(), ContractPayload.class))
        .containsExactly(new ContractPayload("o-2", 2));
    assertThat(bus().receive(late, Receive.upTo(10))).isEmpty();
  }

  @Test
  default void publishing_to_an_unknown_topic_fails_naming_it() {
    String topic = name("nowhere");

    assertThatThrownBy(() -> bus().publish(topic, Message.of("{}")))
        .isInstanceOf(BusException.class)
        .hasMessageContaining(topic);
  }
}
