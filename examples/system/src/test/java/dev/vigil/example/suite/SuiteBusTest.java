package dev.vigil.example.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.MessageBus;
import dev.vigil.junit5.VigilTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The switch itself: the injected bus is the chosen backend's, and topics work on all three. */
@VigilTest(bus = SuiteBus.class)
class SuiteBusTest {

  @Test
  void the_injected_bus_runs_on_the_chosen_backend(MessageBus bus, BusTestClient client) {
    String expected =
        switch (SuiteBus.selected()) {
          case EMBEDDED -> "embedded";
          case KAFKA -> "kafka";
          case SQS -> "sqs";
        };
    assertThat(bus.backend()).isEqualTo(expected);
    assertThat(client.bus()).isSameAs(bus);
  }

  @Test
  void a_topic_fans_out_to_its_queue_on_every_backend(MessageBus bus, BusTestClient client) {
    bus.createQueue("suite--check");
    bus.subscribe("suite--checks", "suite--check");
    client.purge("suite--check"); // queues outlive a test on a shared broker

    client.publish("suite--checks", Map.of("n", 1), "suite-flow");

    assertThat(client.drain("suite--check", 1, Duration.ofSeconds(10), Map.class))
        .containsExactly(Map.of("n", 1));
  }

  @Test
  void an_unknown_backend_is_refused_naming_the_property_and_the_value() {
    String before = System.getProperty(SuiteBus.PROPERTY);
    System.setProperty(SuiteBus.PROPERTY, "rabbit");
    try {
      assertThatThrownBy(SuiteBus::selected)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("-Dexample.bus must be embedded, kafka or sqs, was 'rabbit'");
    } finally {
      if (before == null) {
        System.clearProperty(SuiteBus.PROPERTY);
      } else {
        System.setProperty(SuiteBus.PROPERTY, before);
      }
    }
  }
}
