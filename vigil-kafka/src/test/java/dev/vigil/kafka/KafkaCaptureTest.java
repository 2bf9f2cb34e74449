package dev.vigil.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.WaitTimeoutError;
import dev.vigil.bus.BusException;
import dev.vigil.bus.JsonCodec;
import dev.vigil.bus.UndecodableMessageException;
import dev.vigil.kafka.broker.EmbeddedKafkaBroker;
import dev.vigil.timeline.TimelineEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaCaptureTest {
  private static EmbeddedKafkaBroker broker;
  private static TestCluster cluster;

  @AutoClose private final Vigil vigil = Vigil.create();

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
  void sees_every_record_written_after_it_started_and_none_from_before() throws Exception {
    String topic = cluster.createTopic("orders");
    cluster.produce(topic, "o-0", "before");

    try (KafkaCapture capture = KafkaCapture.start(vigil, broker.bootstrapServers(), topic)) {
      cluster.produce(topic, "o-1", "after-1");
      cluster.produce(topic, "o-2", "after-2");

      CapturedRecord second =
          capture.awaitRecord(topic, r -> "o-2".equals(r.key()), Duration.ofSeconds(10));

      assertThat(second.text()).isEqualTo("after-2");
      assertThat(capture.records(topic))
          .extracting(CapturedRecord::text)
          .containsExactly("after-1", "after-2");
      assertThat(capture.records()).hasSize(2);
      assertThat(capture.topics()).containsExactly(topic);
      assertThat(capture.readyTime()).isPositive().isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void keeps_keys_headers_and_the_correlation_id_and_puts_each_record_on_the_timeline()
      throws Exception {
    String topic = cluster.createTopic("payments");
    try (KafkaCapture capture = KafkaCapture.start(vigil, broker.bootstrapServers(), topic)) {
      RecordHeaders headers = new RecordHeaders();
      headers.add("correlation-id", "flow-9".getBytes(StandardCharsets.UTF_8));
      headers.add("type", "payment.taken".getBytes(StandardCharsets.UTF_8));
      cluster.produce(topic, "p-1", "{\"amount\":5}".getBytes(StandardCharsets.UTF_8), headers);

      CapturedRecord record = capture.awaitRecord(topic, r -> true, Duration.ofSeconds(10));

      assertThat(record.key()).isEqualTo("p-1");
      assertThat(record.headers()).containsEntry("type", "payment.taken");
      assertThat(record.correlationId()).isEqualTo("flow-9");
      assertThat(record.id()).isEqualTo(topic + "-0-0");
      TimelineEntry entry = vigil.timeline().trace("flow-9").entries().get(0);
      assertThat(entry.source()).isEqualTo(KafkaEntries.SOURCE);
      assertThat(entry.type()).isEqualTo(KafkaEntries.record(topic));
      assertThat(entry.causationId()).isEqualTo(record.id());
      assertThat(entry.attributes())
          .containsEntry("key", "p-1")
          .containsEntry("partition", "0")
          .containsEntry("offset", "0");
    }
  }

  @Test
  void a_value_that_is_not_text_is_kept_raw_and_reading_it_as_text_fails_naming_the_record()
      throws Exception {
    String topic = cluster.createTopic("raw");
    byte[] notUtf8 = {(byte) 0xff, (byte) 0xfe, 0x41};
    try (KafkaCapture capture = KafkaCapture.start(vigil, broker.bootstrapServers(), topic)) {
      cluster.produce(topic, null, notUtf8, new RecordHeaders());

      CapturedRecord record = capture.awaitRecord(topic, r -> true, Duration.ofSeconds(10));

      assertThat(record.value()).containsExactly(notUtf8);
      assertThatThrownBy(record::text)
          .isInstanceOf(UndecodableMessageException.class)
          .hasMessage(
              "message "
                  + topic
                  + "-0-0 on queue '"
                  + topic
                  + "' (kept on the queue): cannot decode message body as java.lang.String: the"
                  + " value is not UTF-8 text (3 bytes: ff fe 41); raw body: \uFFFD\uFFFDA");
      assertThat(capture.records(topic)).containsExactly(record);
    }
  }

  @Test
  void decoding_json_that_does_not_fit_fails_naming_the_record_and_keeps_it() throws Exception {
    String topic = cluster.createTopic("json");
    try (KafkaCapture capture = KafkaCapture.start(vigil, broker.bootstrapServers(), topic)) {
      cluster.produce(topic, null, "{not json");
      CapturedRecord record = capture.awaitRecord(topic, r -> true, Duration.ofSeconds(10));

      assertThatThrownBy(() -> record.decode(JsonCodec.plain(), Order.class))
          .isInstanceOf(UndecodableMessageException.class)
          .hasMessageStartingWith(
              "message " + topic + "-0-0 on queue '" + topic + "' (kept on the queue)")
          .hasMessageContaining("raw body: {not json");
      assertThat(capture.records(topic)).hasSize(1);
    }
  }

  @Test
  void reads_topics_added_later_from_their_end() throws Exception {
    String first = cluster.createTopic("first");
    String second = cluster.createTopic("second");
    cluster.produce(second, null, "old");
    try (KafkaCapture capture = KafkaCapture.start(vigil, broker.bootstrapServers(), first)) {
      capture.addTopics(second);
      cluster.produce(second, null, "new");

      assertThat(capture.awaitRecord(second, r -> true, Duration.ofSeconds(10)).text())
          .isEqualTo("new");
      assertThat(capture.topics()).containsExactlyInAnyOrder(first, second);
    }
  }

  @Test
  void a_wait_for_a_record_that_never_comes_fails_at_its_deadline() {
    String topic = cluster.createTopic("quiet");
    try (KafkaCapture capture = KafkaCapture.start(vigil, broker.bootstrapServers(), topic)) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> capture.awaitRecord(topic, r -> true, Duration.ofMillis(300)))
          .isInstanceOf(WaitTimeoutError.class)
          .hasMessageContaining("a record on '" + topic + "' matching the predicate")
          .hasMessageContaining("0 records read from '" + topic + "'");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void polls_on_one_named_thread_that_ends_on_close() {
    String topic = cluster.createTopic("threads");
    KafkaCapture capture = KafkaCapture.start(vigil, broker.bootstrapServers(), topic);
    assertThat(captureThreads()).hasSize(1);

    capture.close();

    assertThat(captureThreads()).isEmpty();
  }

  private static List<String> captureThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(name -> name.matches("vigil-kafka-capture-\\d+"))
        .toList();
  }

  @Test
  void an_unknown_topic_fails_naming_it_and_the_servers() {
    String servers = broker.bootstrapServers();

    assertThatThrownBy(() -> KafkaCapture.start(vigil, servers, "no-such-topic"))
        .isInstanceOf(BusException.class)
        .hasMessage(
            "no topic 'no-such-topic' on Kafka at "
                + servers
                + "; create it first (KafkaBus.createTopic or an admin client): Vigil never"
                + " creates a topic that a name merely mentions");
  }

  @Test
  void bad_arguments_fail_naming_the_parameter_and_the_value() {
    String servers = broker.bootstrapServers();
    assertThatThrownBy(() -> KafkaCapture.start(vigil, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bootstrapServers must not be blank, was ' '");
    assertThatThrownBy(() -> KafkaCapture.start(vigil, servers, "a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("topic must be 1–249 letters, digits, '.', '_' or '-', was 'a b'");
    String topic = cluster.createTopic("args");
    try (KafkaCapture capture = KafkaCapture.start(vigil, servers, topic)) {
      assertThatThrownBy(() -> capture.awaitRecord(topic, r -> true, Duration.ofSeconds(-1)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("timeout must be positive, was PT-1S");
      assertThatThrownBy(() -> capture.records("other"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("topic must be one this capture reads [" + topic + "], was 'other'");
    }
  }

  record Order(String id) {}
}
