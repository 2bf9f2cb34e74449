package dev.vigil.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class BusBadInputTest {
  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);

  @Test
  void unknown_queues_and_topics_are_named_with_what_exists() {
    bus.createQueue("orders");
    bus.createTopic("order--created");

    assertThatThrownBy(() -> bus.send("order", Message.of("x")))
        .isInstanceOf(BusException.class)
        .hasMessage("no queue named 'order'; queues: [orders]");
    assertThatThrownBy(() -> bus.publish("order-created", Message.of("x")))
        .isInstanceOf(BusException.class)
        .hasMessage("no topic named 'order-created'; topics: [order--created]");
    assertThatThrownBy(() -> bus.consume("nope", m -> {}))
        .isInstanceOf(BusException.class)
        .hasMessage("no queue named 'nope'; queues: [orders]");
  }

  @Test
  void a_dead_letter_queue_in_use_cannot_be_deleted() {
    bus.createQueue(QueueSpec.named("orders").withDeadLetterQueue("orders--dlq", 3));

    assertThatThrownBy(() -> bus.deleteQueue("orders--dlq"))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "queue 'orders--dlq' is the dead-letter queue of 'orders'; delete 'orders' first");

    bus.deleteQueue("orders");
    bus.deleteQueue("orders--dlq");
    assertThat(bus.queues()).isEmpty();
  }

  @Test
  void queue_names_follow_sqs_rules() {
    assertThatThrownBy(() -> QueueSpec.named("has space"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "name must be 1-80 letters, digits, hyphens or underscores (plus .fifo for FIFO), was"
                + " 'has space'");
    assertThatThrownBy(() -> QueueSpec.named("x".repeat(81)))
        .hasMessageStartingWith("name must be 1-80 letters");
    assertThatThrownBy(() -> bus.createTopic(""))
        .hasMessage(
            "topic must be 1-256 letters, digits, hyphens or underscores (plus .fifo for FIFO),"
                + " was ''");
  }

  @Test
  void queue_attributes_outside_sqs_limits_are_refused_with_the_value() {
    QueueSpec spec = QueueSpec.named("q");

    assertThatThrownBy(() -> spec.withVisibilityTimeout(Duration.ofHours(13)))
        .hasMessage("visibilityTimeout must be between PT0S and PT12H, was PT13H");
    assertThatThrownBy(() -> spec.withVisibilityTimeout(Duration.ofSeconds(-1)))
        .hasMessage("visibilityTimeout must be between PT0S and PT12H, was PT-1S");
    assertThatThrownBy(() -> spec.withDelay(Duration.ofMinutes(16)))
        .hasMessage("delay must be between PT0S and PT15M, was PT16M");
    assertThatThrownBy(() -> spec.withRetention(Duration.ofSeconds(59)))
        .hasMessage("retention must be between PT1M and PT336H, was PT59S");
    assertThatThrownBy(() -> spec.withReceiveWaitTime(Duration.ofSeconds(21)))
        .hasMessage("receiveWaitTime must be between PT0S and PT20S, was PT21S");
    assertThatThrownBy(() -> spec.withDeadLetterQueue("dlq", 0))
        .hasMessage("maxReceiveCount must be between 1 and 1000, was 0");
    assertThatThrownBy(() -> spec.withDeadLetterQueue("q", 3))
        .hasMessage("deadLetterQueue must differ from the queue itself, was 'q'");
    assertThatThrownBy(() -> spec.withDeadLetterQueue("dlq.fifo", 3))
        .hasMessage(
            "deadLetterQueue must be of the same type as the queue (FIFO or standard), was"
                + " 'dlq.fifo' for 'q'");
    assertThatThrownBy(spec::withContentBasedDeduplication)
        .hasMessage("contentBasedDeduplication applies to FIFO queues only, was set for 'q'");
  }

  @Test
  void receive_and_visibility_requests_outside_sqs_limits_are_refused() {
    bus.createQueue("q");
    bus.send("q", Message.of("x"));
    String handle = bus.receive("q", Receive.one()).get(0).receiptHandle();

    assertThatThrownBy(() -> Receive.upTo(11))
        .hasMessage("maxMessages must be between 1 and 10, was 11");
    assertThatThrownBy(() -> Receive.upTo(0))
        .hasMessage("maxMessages must be between 1 and 10, was 0");
    assertThatThrownBy(() -> Receive.one().waitingUpTo(Duration.ofSeconds(30)))
        .hasMessage("waitTime must be between PT0S and PT20S, was PT30S");
    assertThatThrownBy(() -> bus.changeVisibility("q", handle, Duration.ofHours(12).plusNanos(1)))
        .hasMessage("timeout must be between PT0S and PT12H, was PT12H0.000000001S");
  }

  @Test
  void changing_the_visibility_of_a_message_not_in_flight_names_the_handle() {
    bus.createQueue("q");

    assertThatThrownBy(() -> bus.changeVisibility("q", "made-up", Duration.ofSeconds(1)))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "message is not in flight under receipt handle 'made-up' on queue 'q': it was"
                + " deleted, received again since, or its visibility timeout ended");
  }

  @Test
  void a_message_over_256_kib_is_refused_and_nothing_is_enqueued() {
    bus.createQueue("q");
    String body = "x".repeat(256 * 1024 - 4);

    assertThatThrownBy(() -> bus.send("q", Message.of(body).withAttribute("kind", "big")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "message to 'q' is 262147 bytes; SQS accepts at most 262144 (256 KiB), body and"
                + " attributes together");
    assertThat(bus.stats("q").total()).isZero();

    bus.send("q", Message.of(body));
    assertThat(bus.stats("q").visible()).isEqualTo(1);
  }

  @Test
  void messages_reject_null_and_negative_parts() {
    assertThatThrownBy(() -> Message.of(null)).hasMessage("body must not be null");
    assertThatThrownBy(() -> Message.of("x").withAttribute("k", null))
        .hasMessage("attribute 'k' must not have a null value");
    assertThatThrownBy(() -> Message.of("x").withDelay(Duration.ofSeconds(-1)))
        .hasMessage("delay must not be negative, was PT-1S");
  }

  @Test
  void a_message_delay_over_fifteen_minutes_is_refused() {
    bus.createQueue("q");

    assertThatThrownBy(() -> bus.send("q", Message.of("x").withDelay(Duration.ofMinutes(16))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("delay must be between PT0S and PT15M, was PT16M");
  }

  @Test
  void fifo_ids_must_be_printable_ascii_up_to_128_characters() {
    bus.createQueue(QueueSpec.named("q.fifo").withContentBasedDeduplication());

    assertThatThrownBy(() -> bus.send("q.fifo", Message.of("x").withGroupId("g".repeat(129))))
        .hasMessageStartingWith("groupId must be 1-128 printable ASCII characters, was 'ggg");
    assertThatThrownBy(
            () -> bus.send("q.fifo", Message.of("x").withGroupId("g").withDeduplicationId("é")))
        .hasMessage("deduplicationId must be 1-128 printable ASCII characters, was 'é'");
  }

  @Test
  void consumer_options_outside_their_range_are_refused() {
    assertThatThrownBy(() -> ConsumerOptions.defaults().withConcurrency(0))
        .hasMessage("concurrency must be between 1 and 64, was 0");
    assertThatThrownBy(() -> ConsumerOptions.defaults().withBatchSize(11))
        .hasMessage("maxMessages must be between 1 and 10, was 11");
  }

  @Test
  void a_filter_policy_that_does_not_parse_is_refused_when_subscribing() {
    assertThatThrownBy(() -> Subscription.of("t", "q").withFilterPolicy("{\"a\": 1}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a'");
  }
}
