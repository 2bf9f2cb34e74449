package dev.vigil.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusException;
import dev.vigil.bus.Message;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.kafka.broker.EmbeddedKafkaBroker;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the Kafka bus does beyond the contract, and how it says what went wrong. */
class KafkaBusTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static EmbeddedKafkaBroker broker;
  private static TestCluster cluster;

  @AutoClose private final Vigil vigil = Vigil.create();
  @AutoClose private final KafkaBus bus = KafkaBus.connect(vigil, broker.bootstrapServers());

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.start();
    cluster = new TestCluster(broker.bootstrapServers());
  }

  @AfterAll
  static void stopBroker() {
    cluster.close();
    broker.stop();
  }

  @Test
  void a_message_that_keeps_failing_goes_to_the_dlt_topic_with_its_origin_and_exception() {
    String queue = KafkaBus.uniqueName("billing");
    bus.createQueue(queue);

    try (BusConsumer consumer =
        bus.consume(
            queue,
            message -> {
              throw new IllegalStateException("card declined");
            })) {
      String id = bus.send(queue, "k-1", Message.of("{\"id\":1}").withCorrelationId("c-1"));

      CapturedRecord dead = bus.capture().awaitRecord(queue + ".DLT", r -> true, PATIENCE);
      assertThat(dead.key()).isEqualTo("k-1");
      assertThat(dead.text()).isEqualTo("{\"id\":1}");
      assertThat(dead.headers())
          .containsEntry("correlation-id", "c-1")
          .containsEntry("dlt-original-topic", queue)
          .containsEntry("dlt-original-partition", "0")
          .containsEntry("dlt-original-offset", "0")
          .containsEntry("dlt-exception-fqcn", "java.lang.IllegalStateException")
          .containsEntry("dlt-exception-message", "card declined");
      assertThat(id).isEqualTo(queue + "-0-0");
      assertThat(consumer.failed()).isEqualTo(3);
    }
    assertThat(bus.queues()).contains(queue + ".DLT");
    assertThat(vigil.timeline().byType(BusEntries.deadLetter(queue)))
        .singleElement()
        .satisfies(
            entry ->
                assertThat(entry.attributes())
                    .containsEntry("deadLetterQueue", queue + ".DLT")
                    .containsEntry("receiveCount", "3")
                    .containsEntry("backend", "kafka"));
    assertThat(vigil.timeline().trace("c-1").entries())
        .extracting(TimelineEntry::type)
        .containsSubsequence(
            BusEntries.send(queue),
            BusEntries.receive(queue),
            BusEntries.handlerFailed(queue),
            BusEntries.retry(queue),
            BusEntries.deadLetter(queue));
  }

  @Test
  void a_consumer_of_a_subscribed_queue_handles_what_is_published_on_the_topic() {
    String topic = KafkaBus.uniqueName("placed");
    String queue = KafkaBus.uniqueName("shipping");
    bus.subscribe(topic, queue);
    List<String> handled = new CopyOnWriteArrayList<>();

    try (BusConsumer consumer = bus.consume(queue, message -> handled.add(message.body()))) {
      bus.publish(topic, Message.of("{\"id\":7}"));
      bus.send(queue, Message.of("{\"id\":8}"));

      vigil.eventually(() -> consumer.acknowledged()).matching(n -> n == 2).within(PATIENCE);
    }
    assertThat(handled).containsExactlyInAnyOrder("{\"id\":7}", "{\"id\":8}");
    assertThat(bus.stats(queue).total()).isZero();
  }

  @Test
  void every_bus_entry_says_its_backend_is_kafka() {
    String topic = KafkaBus.uniqueName("created");
    String queue = KafkaBus.uniqueName("audit");
    bus.subscribe(topic, queue);
    bus.publish(topic, Message.of("{}").withCorrelationId("c-2"));

    ReceivedMessage received = bus.receive(queue, Receive.one()).get(0);
    bus.delete(queue, received.receiptHandle());

    List<TimelineEntry> busEntries =
        vigil.timeline().select(entry -> entry.source().equals(BusEntries.SOURCE));
    assertThat(busEntries)
        .extracting(TimelineEntry::type)
        .containsExactly(
            BusEntries.publish(topic),
            BusEntries.send(queue),
            BusEntries.receive(queue),
            BusEntries.ack(queue));
    assertThat(busEntries)
        .allSatisfy(e -> assertThat(e.attributes()).containsEntry("backend", "kafka"));
    assertThat(busEntries.get(0).attributes()).containsEntry("deliveredTo", queue);
  }

  @Test
  void keys_choose_the_partition_and_keep_its_order() {
    String topic = KafkaBus.uniqueName("keyed");
    bus.createTopic(topic, 4);

    String first = bus.publish(topic, "customer-7", Message.of("1"));
    String second = bus.publish(topic, "customer-7", Message.of("2"));

    assertThat(bus.partitions(topic)).isEqualTo(4);
    String partition = first.substring(0, first.lastIndexOf('-'));
    assertThat(second).startsWith(partition + "-");
    assertThat(bus.capture().records(topic))
        .extracting(CapturedRecord::key)
        .containsExactly("customer-7", "customer-7");
  }

  @Test
  void replay_reads_a_partition_from_an_offset_including_records_from_before_the_bus()
      throws Exception {
    String topic = cluster.createTopic("history");
    cluster.produce(topic, null, "zero");
    cluster.produce(topic, null, "one");
    cluster.produce(topic, null, "two");

    assertThat(bus.replay(topic, 0, 1))
        .extracting(CapturedRecord::text)
        .containsExactly("one", "two");
  }

  @Test
  void a_queue_another_client_created_is_adopted_and_read_from_its_end() throws Exception {
    String queue = cluster.createTopic("theirs");
    cluster.produce(queue, null, "old");

    assertThat(bus.receive(queue, Receive.upTo(10))).isEmpty();
    cluster.produce(queue, null, "new");

    assertThat(bus.receive(queue, Receive.one().waitingUpTo(PATIENCE)))
        .extracting(ReceivedMessage::body)
        .containsExactly("new");
  }

  @Test
  void releasing_a_message_not_in_flight_fails_naming_the_handle_and_the_queue() {
    String queue = KafkaBus.uniqueName("orders");
    bus.createQueue(queue);
    bus.send(queue, Message.of("{}"));
    ReceivedMessage received = bus.receive(queue, Receive.one()).get(0);
    bus.release(queue, received.receiptHandle());

    assertThatThrownBy(() -> bus.release(queue, received.receiptHandle()))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "no message is in flight under receipt handle '"
                + queue
                + "-0-0#1' on queue '"
                + queue
                + "' (deleted, released or never received)");
    assertThat(bus.delete(queue, received.receiptHandle())).isFalse();
    assertThat(vigil.timeline().byType(BusEntries.deleteIgnored(queue))).hasSize(1);
  }

  @Test
  void unknown_queues_and_topics_fail_naming_them_and_the_servers() {
    String servers = broker.bootstrapServers();

    assertThatThrownBy(() -> bus.send("ghost", Message.of("{}")))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "no queue 'ghost' on Kafka at "
                + servers
                + "; create it first with createQueue or subscribe");
    assertThatThrownBy(() -> bus.publish("ghost-topic", Message.of("{}")))
        .isInstanceOf(BusException.class)
        .hasMessageStartingWith("no topic 'ghost-topic' on Kafka at " + servers + "; ");
  }

  @Test
  void what_kafka_cannot_do_fails_instead_of_being_ignored() {
    String queue = KafkaBus.uniqueName("orders");
    bus.createQueue(queue);

    assertThatThrownBy(() -> bus.send(queue, Message.of("{}").withDelay(Duration.ofSeconds(5))))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "Kafka cannot delay a message: a record is readable once written (delay was PT5S)");
    assertThatThrownBy(() -> bus.send(queue, Message.of("{}").withDeduplicationId("d-1")))
        .isInstanceOf(BusException.class)
        .hasMessage("Kafka has no deduplication id per message (was 'd-1')");
    assertThatThrownBy(() -> bus.spec(queue + ".DLT")).isInstanceOf(BusException.class);
  }

  @Test
  void a_queue_created_again_with_another_spec_fails_showing_the_first() {
    String queue = KafkaBus.uniqueName("orders");
    bus.createQueue(queue);
    bus.createQueue(queue);

    assertThatThrownBy(
            () -> bus.createQueue(QueueSpec.named(queue).withDeadLetterQueue(queue + "-dlq", 2)))
        .isInstanceOf(BusException.class)
        .hasMessageStartingWith("queue '" + queue + "' exists with another spec: ");
  }

  @Test
  void bad_arguments_fail_naming_the_parameter_and_the_value() {
    assertThatThrownBy(() -> KafkaBus.uniqueName("a.b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base must be 1–70 letters, digits, hyphens or underscores, was 'a.b'");
    assertThatThrownBy(() -> bus.createTopic("t", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("partitions must be at least 1, was 0");
    assertThatThrownBy(() -> bus.replay("t", 0, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fromOffset must not be negative, was -1");
    assertThatThrownBy(() -> KafkaBus.connect(vigil, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bootstrapServers must not be blank, was ''");
    try (Vigil virtual = Vigil.withVirtualTime()) {
      assertThatThrownBy(() -> KafkaBus.connect(virtual, broker.bootstrapServers()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "vigil must run on real time: a Kafka cluster does not follow virtual time, was "
                  + virtual);
      assertThatThrownBy(() -> KafkaCapture.start(virtual, broker.bootstrapServers()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("vigil must run on real time");
    }
  }

  @Test
  void consumer_threads_are_named_after_their_queue_and_end_on_close() {
    String queue = KafkaBus.uniqueName("named");
    bus.createQueue(queue);
    BusConsumer consumer = bus.consume(queue, message -> {});

    assertThat(threadsNamed("vigil-kafka-consumer-" + queue + "-")).hasSize(1);
    consumer.close();
    assertThat(threadsNamed("vigil-kafka-consumer-" + queue + "-")).isEmpty();
  }

  private static List<String> threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(name -> name.startsWith(prefix))
        .toList();
  }
}
