package dev.vigil.bus.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.bus.VisibilityBus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Visibility timeouts: a received message is hidden, then comes back unless deleted. The embedded
 * bus and SQS honour them; Kafka has none, so its test class does not implement this interface.
 */
public interface VisibilityBusContract extends BusFixture {

  @Override
  VisibilityBus bus();

  @Test
  default void a_received_message_is_hidden_until_its_visibility_timeout_ends() {
    String queue = name("orders");
    bus().createQueue(QueueSpec.named(queue).withVisibilityTimeout(Duration.ofSeconds(1)));
    client().send(queue, new ContractPayload("o-1", 1));
    ReceivedMessage first = receiveOne(queue);

    assertThat(bus().receive(queue, Receive.upTo(10))).isEmpty();

    ReceivedMessage again = receiveOne(queue);
    assertThat(again.messageId()).isEqualTo(first.messageId());
    assertThat(again.receiveCount()).isEqualTo(2);
  }

  @Test
  default void change_visibility_hides_a_message_for_longer() {
    String queue = name("orders");
    bus().createQueue(QueueSpec.named(queue).withVisibilityTimeout(Duration.ofSeconds(1)));
    client().send(queue, new ContractPayload("o-1", 1));
    ReceivedMessage first = receiveOne(queue);

    bus().changeVisibility(queue, first.receiptHandle(), Duration.ofSeconds(30));

    vigil()
        .never(() -> bus().receive(queue, Receive.upTo(10)))
        .describedAs("the message back on '" + queue + "' before its new visibility timeout")
        .within(Duration.ofMillis(1500));
  }
}
