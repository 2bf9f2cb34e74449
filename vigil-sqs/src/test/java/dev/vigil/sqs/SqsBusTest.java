package dev.vigil.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusException;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.ConsumerOptions;
import dev.vigil.bus.Message;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.bus.UndecodableMessageException;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQS bus on ElasticMQ embedded in the JVM: one server for the class, unique queue names. */
class SqsBusTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static EmbeddedSqs sqs;

  @AutoClose private final Vigil vigil = Vigil.create();
  private SqsBus bus;

  @BeforeAll
  static void startElasticMq() {
    sqs = EmbeddedSqs.start();
  }

  @AfterAll
  static void stopElasticMq() {
    sqs.stop();
  }

  private SqsBus bus() {
    if (bus == null) {
      bus = SqsBus.connect(vigil, sqs.endpoint());
    }
    return bus;
  }

  private static String unique(String base) {
    return base + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  record Order(String id) {}

  @Test
  void elasticmq_listens_on_the_loopback_interface_and_a_free_port() {
    assertThat(sqs.uri().toString()).isEqualTo("http://127.0.0.1:" + sqs.port());
    assertThat(sqs.port()).isPositive().isNotEqualTo(9324);
    assertThat(sqs.startTime()).isPositive();
  }

  @Test
  void a_sent_message_is_received_with_its_attributes_and_correlation_id() {
    String queue = unique("orders");
    bus().createQueue(queue);

    String messageId =
        bus()
            .send(
                queue, Message.of("o-1").withAttribute("kind", "created").withCorrelationId("c-1"));
    List<ReceivedMessage> received = bus().receive(queue, Receive.one());

    assertThat(received)
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.messageId()).isEqualTo(messageId);
              assertThat(message.body()).isEqualTo("o-1");
              assertThat(message.attributes()).containsEntry("kind", "created");
              assertThat(message.correlationId()).isEqualTo("c-1");
              assertThat(message.receiveCount()).isEqualTo(1);
              assertThat(message.queue()).isEqualTo(queue);
            });
  }

  @Test
  void every_operation_is_on_the_timeline_with_the_backend_and_the_correlation_id() {
    String queue = unique("orders");
    bus().createQueue(queue);

    bus().send(queue, Message.of("o-1").withCorrelationId("c-7"));
    ReceivedMessage message = bus().receive(queue, Receive.one()).get(0);
    assertThat(bus().delete(queue, message.receiptHandle())).isTrue();

    List<TimelineEntry> trace =
        vigil.timeline().entries().stream().filter(e -> "c-7".equals(e.correlationId())).toList();
    assertThat(trace)
        .extracting(TimelineEntry::type)
        .containsExactly(BusEntries.send(queue), BusEntries.receive(queue), BusEntries.ack(queue));
    assertThat(trace)
        .allSatisfy(
            e -> {
              assertThat(e.source()).isEqualTo(BusEntries.SOURCE);
              assertThat(e.attributes())
                  .containsEntry("backend", "sqs")
                  .containsEntry("queue", queue);
              assertThat(e.causationId()).isEqualTo(message.messageId());
            });
  }

  @Test
  void a_test_client_drains_typed_payloads_the_moment_they_arrive() {
    String queue = unique("orders");
    bus().createQueue(queue);
    BusTestClient client = BusTestClient.of(vigil, bus());

    client.send(queue, new Order("o-1"), "c-1");
    client.send(queue, new Order("o-2"), "c-2");

    assertThat(client.drain(queue, 2, WAIT, Order.class))
        .containsExactlyInAnyOrder(new Order("o-1"), new Order("o-2"));
    assertThat(bus().longPollWait()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void a_consumer_acknowledges_on_threads_named_after_the_queue() {
    String queue = unique("orders");
    bus().createQueue(queue);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    BusConsumer consumer =
        bus()
            .consume(
                queue,
                message -> threads.add(Thread.currentThread().getName()),
                ConsumerOptions.defaults().withConcurrency(2));

    bus().send(queue, Message.of("o-1"));
    bus().send(queue, Message.of("o-2"));

    vigil.eventually(() -> consumer.acknowledged() == 2).within(WAIT);
    assertThat(threads).allMatch(name -> name.startsWith("vigil-sqs-consumer-" + queue + "-"));
    assertThat(consumer.queue()).isEqualTo(queue);
    vigil.eventually(() -> bus().stats(queue).total() == 0).within(WAIT);
  }

  @Test
  void a_failing_handler_gets_the_message_again_and_the_redrive_policy_dead_letters_it() {
    String queue = unique("orders");
    String deadLetters = queue + "--dlq";
    bus()
        .createQueue(
            QueueSpec.named(queue)
                .withVisibilityTimeout(Duration.ofSeconds(1))
                .withDeadLetterQueue(deadLetters, 2));
    AtomicInteger attempts = new AtomicInteger();
    BusConsumer consumer =
        bus()
            .consume(
                queue,
                message -> {
                  attempts.incrementAndGet();
                  throw new IllegalStateException("database down");
                });

    bus().send(queue, Message.of("{\"id\":\"o-1\"}").withCorrelationId("c-9"));

    List<Order> dead = BusTestClient.of(vigil, bus()).drainDeadLetters(queue, 1, WAIT, Order.class);
    assertThat(dead).containsExactly(new Order("o-1"));
    assertThat(attempts).hasValue(2);
    assertThat(consumer.failed()).isEqualTo(2);
    assertThat(vigil.timeline().byType(BusEntries.handlerFailed(queue)))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.summary()).contains("database down"));
    assertThat(vigil.timeline().byType(BusEntries.retry(queue))).hasSize(1);
    assertThat(vigil.timeline().byType(BusEntries.deadLetter(queue)))
        .singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("deadLetterQueue", deadLetters));
  }

  @Test
  void the_spec_holds_the_redrive_policy_and_the_dead_letter_queue_is_created() {
    String queue = unique("orders");
    QueueSpec spec =
        QueueSpec.named(queue)
            .withDeadLetterQueue(queue + "--dlq", 4)
            .withVisibilityTimeout(Duration.ofSeconds(5))
            .withReceiveWaitTime(Duration.ofSeconds(2))
            .withDelay(Duration.ofSeconds(1)); // not retention: ElasticMQ 1.6 keeps its 4 days

    bus().createQueue(spec);

    assertThat(bus().spec(queue)).isEqualTo(spec);
    assertThat(bus().queues()).contains(queue, queue + "--dlq");
    try (Vigil other = Vigil.create();
        SqsBus fresh = SqsBus.connect(other, sqs.endpoint())) {
      assertThat(fresh.spec(queue)).isEqualTo(spec); // read back from the queue's attributes
    }
  }

  @Test
  void creating_a_queue_by_name_keeps_one_that_exists_with_other_attributes() {
    String queue = unique("orders");
    QueueSpec spec = QueueSpec.named(queue).withVisibilityTimeout(Duration.ofSeconds(7));
    bus().createQueue(spec);

    bus().createQueue(queue);

    try (Vigil other = Vigil.create();
        SqsBus fresh = SqsBus.connect(other, sqs.endpoint())) {
      assertThat(fresh.spec(queue).visibilityTimeout()).isEqualTo(Duration.ofSeconds(7));
    }
  }

  @Test
  void creating_a_queue_that_exists_with_another_spec_fails_saying_so() {
    String queue = unique("orders");
    bus().createQueue(QueueSpec.named(queue).withVisibilityTimeout(Duration.ofSeconds(7)));
    QueueSpec other = QueueSpec.named(queue).withVisibilityTimeout(Duration.ofSeconds(9));

    assertThatThrownBy(() -> bus().createQueue(other))
        .isInstanceOf(BusException.class)
        .hasMessageStartingWith(
            "cannot create queue '"
                + queue
                + "' (it exists with other attributes; as asked: "
                + other
                + "): endpoint "
                + sqs.uri()
                + " answered QueueNameExists: ");
  }

  @Test
  void a_released_message_is_received_again_at_once() {
    String queue = unique("orders");
    bus().createQueue(queue);
    bus().send(queue, Message.of("o-1"));
    ReceivedMessage first = bus().receive(queue, Receive.one()).get(0);

    bus().release(queue, first.receiptHandle());

    ReceivedMessage second =
        bus().receive(queue, Receive.one().waitingUpTo(Duration.ofSeconds(5))).get(0);
    assertThat(second.messageId()).isEqualTo(first.messageId());
    assertThat(second.receiveCount()).isEqualTo(2);
    assertThat(vigil.timeline().byType(BusEntries.changeVisibility(queue))).hasSize(1);
  }

  @Test
  void an_in_flight_message_is_counted_and_a_delayed_one_is_not_visible() {
    String queue = unique("orders");
    bus().createQueue(queue);
    bus().send(queue, Message.of("o-1"));
    bus().send(queue, Message.of("o-2").withDelay(Duration.ofSeconds(30)));
    bus().receive(queue, Receive.one());

    vigil
        .eventually(() -> bus().stats(queue).inFlight() == 1 && bus().stats(queue).delayed() == 1)
        .within(WAIT);
    assertThat(bus().stats(queue).visible()).isZero();
  }

  @Test
  void a_purge_empties_the_queue_and_cannot_count() {
    String queue = unique("orders");
    bus().createQueue(queue);
    bus().send(queue, Message.of("o-1"));

    assertThat(bus().purge(queue)).isEqualTo(-1);

    assertThat(bus().receive(queue, Receive.one())).isEmpty();
    assertThat(vigil.timeline().byType(BusEntries.purge(queue)))
        .singleElement()
        .satisfies(e -> assertThat(e.attributes()).containsEntry("deleted", "unknown"));
  }

  @Test
  void a_fifo_queue_keeps_the_order_of_a_group_and_drops_duplicates() {
    String queue = unique("orders") + ".fifo";
    bus().createQueue(QueueSpec.named(queue));
    bus().send(queue, Message.of("o-1").withGroupId("g").withDeduplicationId("d-1"));
    bus().send(queue, Message.of("o-1 again").withGroupId("g").withDeduplicationId("d-1"));
    bus().send(queue, Message.of("o-2").withGroupId("g").withDeduplicationId("d-2"));

    List<ReceivedMessage> received = bus().receive(queue, Receive.upTo(10));

    assertThat(received).extracting(ReceivedMessage::body).containsExactly("o-1", "o-2");
    assertThat(received.get(0).groupId()).isEqualTo("g");
    assertThat(received.get(0).sequenceNumber()).isNotNull();
  }

  @Test
  void a_stale_receipt_handle_is_not_deleted_and_says_so_on_the_timeline() {
    String queue = unique("orders");
    bus().createQueue(queue);
    bus().send(queue, Message.of("o-1"));
    ReceivedMessage message = bus().receive(queue, Receive.one()).get(0);
    bus().delete(queue, message.receiptHandle());

    bus().delete(queue, "not-a-handle");

    assertThat(vigil.timeline().byType(BusEntries.deleteIgnored(queue))).hasSize(1);
  }

  @Test
  void an_unknown_queue_fails_naming_it_and_the_endpoint() {
    assertThatThrownBy(() -> bus().send("no-such-queue", Message.of("x")))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "unknown queue 'no-such-queue' on SQS endpoint " + sqs.uri() + ": create it first");
    assertThatThrownBy(() -> bus().spec("no-such-queue"))
        .isInstanceOf(BusException.class)
        .hasMessageContaining("'no-such-queue'");
  }

  @Test
  void an_undecodable_body_fails_clearly_and_stays_on_the_queue() {
    String queue = unique("orders");
    bus().createQueue(queue);
    String messageId = bus().send(queue, Message.of("not json"));
    BusTestClient client = BusTestClient.of(vigil, bus());

    assertThatThrownBy(() -> client.drain(queue, 1, WAIT, Order.class))
        .isInstanceOf(UndecodableMessageException.class)
        .hasMessageStartingWith(
            "message " + messageId + " on queue '" + queue + "' (kept on the queue)")
        .hasMessageContaining("raw body: not json");

    ReceivedMessage kept =
        bus().receive(queue, Receive.one().waitingUpTo(Duration.ofSeconds(5))).get(0);
    assertThat(kept.body()).isEqualTo("not json");
    assertThat(kept.receiveCount()).isEqualTo(2);
  }

  @Test
  void topics_fail_clearly_on_an_endpoint_without_sns() {
    assertThatThrownBy(() -> bus().publish("order-created", Message.of("x")))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "cannot publish to topic 'order-created': the SQS endpoint "
                + sqs.uri()
                + " has no SNS, so it has no"
                + " topics; connect with SqsEndpoint.withSns (LocalStack, AWS), or send to queues");
    assertThatThrownBy(() -> bus().subscribe("order-created", "billing"))
        .isInstanceOf(BusException.class)
        .hasMessageContaining("has no SNS");
    assertThatThrownBy(() -> bus().createTopic("order-created"))
        .isInstanceOf(BusException.class)
        .hasMessageContaining("has no SNS");
    assertThat(bus().topics()).isEmpty();
  }

  @Test
  void a_virtual_time_context_is_refused() {
    try (Vigil virtual = Vigil.withVirtualTime()) {
      assertThatThrownBy(() -> SqsBus.connect(virtual, sqs.endpoint()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              "vigil must run on real time: a real SQS endpoint does not follow"
                  + " virtual time, was ");
    }
  }

  @Test
  void bad_names_and_handles_are_refused_naming_the_parameter_and_value() {
    assertThatThrownBy(() -> bus().send("bad name", Message.of("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "queue must be 1-80 letters, digits, hyphens or underscores (plus .fifo), was 'bad name'");
    assertThatThrownBy(() -> bus().publish("bad/topic", Message.of("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "topic must be 1-256 letters, digits, hyphens or underscores (plus .fifo), was 'bad/topic'");
    assertThatThrownBy(() -> bus().delete("orders", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("receiptHandle must not be blank, was ' '");
    assertThatThrownBy(() -> bus().changeVisibility("orders", "h", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be between 0 and PT12H, was PT-1S");
  }

  @Test
  void closing_the_bus_stops_its_consumers_and_untracks_it() {
    String queue = unique("orders");
    bus().createQueue(queue);
    bus().consume(queue, message -> {});
    assertThat(vigil.openResources()).isNotEmpty();

    bus().close();

    assertThat(vigil.openResources()).isEmpty();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("vigil-sqs-consumer-" + queue));
  }

  @org.junit.jupiter.api.AfterEach
  void closeBus() {
    if (bus != null) {
      bus.close();
    }
  }
}
