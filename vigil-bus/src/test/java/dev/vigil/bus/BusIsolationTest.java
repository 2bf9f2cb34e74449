package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BusIsolationTest {

  @Test
  void two_contexts_never_share_a_queue() {
    try (Vigil first = Vigil.withVirtualTime();
        Vigil second = Vigil.withVirtualTime();
        EmbeddedBus a = EmbeddedBus.create(first);
        EmbeddedBus b = EmbeddedBus.create(second)) {
      a.createQueue("orders");
      b.createQueue("orders");

      a.send("orders", Message.of("only in a"));

      assertThat(b.stats("orders").total()).isZero();
      assertThat(first.timeline().byType("send orders")).hasSize(1);
      assertThat(second.timeline().byType("send orders")).isEmpty();
    }
  }

  @Test
  void namespaces_of_one_bus_see_only_their_own_names() {
    try (Vigil vigil = Vigil.withVirtualTime();
        EmbeddedBus bus = EmbeddedBus.create(vigil)) {
      Bus testA = bus.namespace("test-a");
      Bus testB = bus.namespace("test-b");
      testA.subscribe(Subscription.of("order--created", "billing").withRawDelivery());
      testB.subscribe(Subscription.of("order--created", "billing").withRawDelivery());

      testA.publish("order--created", Message.of("from a"));

      assertThat(testA.queues()).containsExactly("billing");
      assertThat(bus.queues()).containsExactly("test-a--billing", "test-b--billing");
      assertThat(testB.receive("billing", Receive.upTo(10))).isEmpty();
      assertThat(testA.receive("billing", Receive.upTo(10)))
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.body()).isEqualTo("from a");
                assertThat(m.queue()).isEqualTo("billing");
              });
    }
  }

  @Test
  void a_namespace_keeps_its_dead_letter_queue_inside_it() {
    try (Vigil vigil = Vigil.withVirtualTime();
        EmbeddedBus bus = EmbeddedBus.create(vigil)) {
      Bus test = bus.namespace("t1");
      test.createQueue(QueueSpec.named("orders").withDeadLetterQueue("orders--dlq", 2));

      assertThat(test.spec("orders").deadLetterQueue()).isEqualTo("orders--dlq");
      assertThat(bus.spec("t1--orders").deadLetterQueue()).isEqualTo("t1--orders--dlq");
    }
  }

  @Test
  void reset_purges_every_queue_and_keeps_the_topology() {
    try (Vigil vigil = Vigil.withVirtualTime();
        EmbeddedBus bus = EmbeddedBus.create(vigil)) {
      bus.subscribe("order--created", "billing");
      bus.subscribe("order--created", "shipping");
      bus.publish("order--created", Message.of("o-1"));
      bus.send("billing", Message.of("delayed").withDelay(Duration.ofMinutes(1)));

      assertThat(bus.reset()).isEqualTo(3);

      assertThat(bus.stats("billing").total()).isZero();
      assertThat(bus.stats("shipping").total()).isZero();
      bus.publish("order--created", Message.of("o-2"));
      assertThat(bus.stats("billing").visible()).isEqualTo(1);
    }
  }

  @Test
  void reset_of_a_namespace_leaves_other_namespaces_alone() {
    try (Vigil vigil = Vigil.withVirtualTime();
        EmbeddedBus bus = EmbeddedBus.create(vigil)) {
      Bus testA = bus.namespace("a");
      Bus testB = bus.namespace("b");
      testA.createQueue("q");
      testB.createQueue("q");
      testA.send("q", Message.of("x"));
      testB.send("q", Message.of("y"));

      assertThat(testA.reset()).isEqualTo(1);

      assertThat(testB.stats("q").visible()).isEqualTo(1);
    }
  }

  @Test
  void a_namespace_prefix_must_be_a_plain_name() {
    try (Vigil vigil = Vigil.withVirtualTime();
        EmbeddedBus bus = EmbeddedBus.create(vigil)) {
      assertThatThrownBy(() -> bus.namespace("a b"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("prefix must be 1-40 letters, digits, hyphens or underscores, was 'a b'");
    }
  }
}
