package dev.vigil.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusException;
import dev.vigil.bus.Message;
import dev.vigil.bus.MessageBus;
import dev.vigil.bus.Subscription;
import dev.vigil.bus.contract.TopicContract;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Topics the bus keeps itself on ElasticMQ, which has no SNS: the topic contract, and what local
 * topics refuse.
 */
class SqsLocalTopicsTest implements TopicContract {
  private static EmbeddedSqs sqs;

  @AutoClose private final Vigil vigil = Vigil.create();

  @AutoClose private final SqsBus bus = SqsBus.connect(vigil, sqs.endpoint().withLocalTopics());

  @BeforeAll
  static void startElasticMq() {
    sqs = EmbeddedSqs.start();
  }

  @AfterAll
  static void stopElasticMq() {
    sqs.stop();
  }

  @Override
  public MessageBus bus() {
    return bus;
  }

  @Override
  public Vigil vigil() {
    return vigil;
  }

  @Test
  void a_publish_is_one_publish_entry_with_its_correlation_id() {
    String topic = name("orders");
    String queue = name("billing");
    bus.subscribe(topic, queue);

    bus.publish(topic, Message.of("{\"id\":1}").withCorrelationId("flow-7"));

    vigil.timeline().trace("flow-7").containsExactlyOnce(BusEntries.publish(topic));
    assertThat(client().drain(queue, 1, Duration.ofSeconds(5), Map.class))
        .containsExactly(Map.of("id", 1));
  }

  @Test
  void a_filter_policy_is_refused_naming_the_queue_and_the_topic() {
    Subscription filtered =
        Subscription.of("orders", "billing").withFilterPolicy("{\"kind\":[\"paid\"]}");

    assertThatThrownBy(() -> bus.subscribe(filtered))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "cannot subscribe queue 'billing' to topic 'orders' with a filter policy: the topics of "
                + sqs.uri()
                + " are kept by the bus (SqsEndpoint.withLocalTopics), which applies none;"
                + " connect with SqsEndpoint.withSns for SNS's filter policies");
  }

  @Test
  void an_endpoint_with_sns_keeps_its_topics_on_sns() {
    SqsEndpoint endpoint =
        SqsEndpoint.of(URI.create("http://127.0.0.1:4566"))
            .withLocalTopics()
            .withSns(URI.create("http://127.0.0.1:4566"));

    assertThat(endpoint.hasLocalTopics()).isFalse();
    assertThat(sqs.endpoint().withLocalTopics().hasLocalTopics()).isTrue();
    assertThat(sqs.endpoint().hasLocalTopics()).isFalse();
  }
}
