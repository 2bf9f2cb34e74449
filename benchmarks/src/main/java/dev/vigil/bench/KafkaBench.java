package dev.vigil.bench;

import dev.vigil.Vigil;
import dev.vigil.kafka.KafkaBus;
import dev.vigil.kafka.KafkaCapture;
import dev.vigil.kafka.broker.EmbeddedKafkaBroker;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Vigil's Kafka capture on a real KRaft broker in this JVM ({@code vigil-kafka-broker}): how long
 * the broker and a capture take to start, how long after a send a Vigil wait on the record returns,
 * and the same per-record latency through spring-kafka-test's {@code
 * KafkaTestUtils.getSingleRecord} on the same broker in the same run.
 *
 * <p>Usage: {@code ./bench kafka [--quick]}. The application's producer sends with {@code
 * linger.ms=0}; each sample is the time from just before {@code send} until the wait returns.
 */
public final class KafkaBench {
  private final boolean quick;

  private KafkaBench(boolean quick) {
    this.quick = quick;
  }

  /** Runs every measurement and prints BENCH and RATIO lines. */
  public static void main(String[] args) throws Exception {
    // Read when slf4j-simple starts: Kafka's INFO lines would bury the figures.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    new KafkaBench(args.length > 0 && args[0].equals("--quick")).run();
    // Kafka's client threads are not all daemons; the figures are printed.
    System.exit(0);
  }

  private void run() throws Exception {
    long startedAt = System.nanoTime();
    try (EmbeddedKafkaBroker broker = quietly(EmbeddedKafkaBroker::start)) {
      Report.bench("kafka-broker-start", (System.nanoTime() - startedAt) / 1e9, "s");
      Report.note("a second broker in the same (warm) JVM: " + warmBrokerStart() + " s");
      String servers = broker.bootstrapServers();
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
          KafkaProducer<byte[], byte[]> producer = producer(servers)) {
        captureStart(servers, admin);
        produceAckFloor(admin, producer);
        plainConsumerFloor(servers, admin, producer);
        double vigil = vigilLatency(servers, admin, producer);
        double springKafka = kafkaTestUtilsLatency(servers, admin, producer);
        Report.ratio("kafka-vs-kafkatestutils", springKafka, vigil);
      }
    }
  }

  private static String warmBrokerStart() {
    long startedAt = System.nanoTime();
    try (EmbeddedKafkaBroker second = quietly(EmbeddedKafkaBroker::start)) {
      return Report.format((System.nanoTime() - startedAt) / 1e9);
    }
  }

  /** Runs {@code start} with standard output sent to standard error: the test kit prints there. */
  private static EmbeddedKafkaBroker quietly(Supplier<EmbeddedKafkaBroker> start) {
    PrintStream out = System.out;
    System.setOut(System.err);
    try {
      return start.get();
    } finally {
      System.setOut(out);
    }
  }

  /** Starts and closes captures; the figure is the median ready time of the warm half. */
  private void captureStart(String servers, Admin admin) throws Exception {
    String topic = createTopic(admin, "capture-start");
    int rounds = quick ? 20 : 60;
    long[] readyNanos = new long[rounds / 2];
    try (Vigil vigil = Vigil.create()) {
      for (int i = 0; i < rounds; i++) {
        try (KafkaCapture capture = KafkaCapture.start(vigil, servers, topic)) {
          if (i >= rounds / 2) {
            readyNanos[i - rounds / 2] = capture.readyTime().toNanos();
          }
        }
      }
    }
    Report.bench("kafka-capture-start", Report.percentile(readyNanos, 50) / 1e6, "ms");
    idleCpu(servers, topic);
  }

  /** Notes the CPU time the capture's thread uses while no record arrives for two seconds. */
  private static void idleCpu(String servers, String topic) throws InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Vigil vigil = Vigil.create();
        KafkaCapture capture = KafkaCapture.start(vigil, servers, topic)) {
      Thread poller =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().startsWith("vigil-kafka-capture-"))
              .findFirst()
              .orElseThrow();
      long before = threads.getThreadCpuTime(poller.getId());
      Thread.sleep(2000);
      long used = threads.getThreadCpuTime(poller.getId()) - before;
      Report.note(
          "idle capture thread: " + Report.format(used / 1e6) + " ms of CPU in 2 s (no spinning)");
    }
  }

  /** Notes how long the broker takes to acknowledge a send: the floor under any delivery. */
  private void produceAckFloor(Admin admin, KafkaProducer<byte[], byte[]> producer)
      throws Exception {
    String topic = createTopic(admin, "ack-floor");
    int samples = quick ? 200 : 1000;
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      long sentAt = System.nanoTime();
      producer.send(record(topic, "k-" + i)).get(10, TimeUnit.SECONDS);
      nanos[i] = System.nanoTime() - sentAt;
    }
    notePercentiles("floor: a send acknowledged by the broker (acks=all)", nanos);
  }

  /** Notes a send's delivery to a plain assigned consumer polling in the sending thread. */
  private void plainConsumerFloor(
      String servers, Admin admin, KafkaProducer<byte[], byte[]> producer) throws Exception {
    String topic = createTopic(admin, "consumer-floor");
    int samples = quick ? 200 : 1000;
    long[] nanos = new long[samples];
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(servers)) {
      readFromEnd(consumer, topic);
      for (int i = 0; i < samples; i++) {
        long sentAt = System.nanoTime();
        producer.send(record(topic, "k-" + i));
        while (consumer.poll(Duration.ofMillis(100)).isEmpty()) {
          // polls until the record arrives
        }
        nanos[i] = System.nanoTime() - sentAt;
      }
    }
    notePercentiles("floor: a plain assigned KafkaConsumer polling in the sending thread", nanos);
  }

  /** Returns the median nanoseconds from a send until {@code awaitRecord} returns it. */
  private double vigilLatency(String servers, Admin admin, KafkaProducer<byte[], byte[]> producer)
      throws Exception {
    String topic = createTopic(admin, "vigil-latency");
    int warmup = quick ? 50 : 200;
    int samples = quick ? 200 : 1000;
    long[] nanos = new long[samples];
    try (Vigil vigil = Vigil.create();
        KafkaCapture capture = KafkaCapture.start(vigil, servers, topic)) {
      for (int i = 0; i < warmup + samples; i++) {
        String key = "k-" + i;
        long sentAt = System.nanoTime();
        producer.send(record(topic, key));
        capture.awaitRecord(topic, r -> key.equals(r.key()), Duration.ofSeconds(10));
        if (i >= warmup) {
          nanos[i - warmup] = System.nanoTime() - sentAt;
        }
      }
    }
    Report.bench("kafka-produce-to-wake-p50", Report.percentile(nanos, 50) / 1e6, "ms");
    Report.bench("kafka-produce-to-wake-p99", Report.percentile(nanos, 99) / 1e6, "ms");
    return Report.percentile(nanos, 50);
  }

  /** The same loop through {@code KafkaTestUtils.getSingleRecord} on an assigned consumer. */
  private double kafkaTestUtilsLatency(
      String servers, Admin admin, KafkaProducer<byte[], byte[]> producer) throws Exception {
    String topic = createTopic(admin, "spring-latency");
    int samples = quick ? 20 : 60;
    long[] nanos = new long[samples];
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(servers)) {
      readFromEnd(consumer, topic);
      for (int i = 0; i < samples + 5; i++) {
        long sentAt = System.nanoTime();
        producer.send(record(topic, "k-" + i));
        KafkaTestUtils.getSingleRecord(consumer, topic, Duration.ofSeconds(10));
        if (i >= 5) {
          nanos[i - 5] = System.nanoTime() - sentAt;
        }
      }
    }
    notePercentiles("KafkaTestUtils.getSingleRecord", nanos);
    return Report.percentile(nanos, 50);
  }

  private static String createTopic(Admin admin, String base) throws Exception {
    String topic = KafkaBus.uniqueName(base);
    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
    return topic;
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, String key) {
    return new ProducerRecord<>(
        topic,
        key.getBytes(StandardCharsets.UTF_8),
        "{\"order_id\":\"o-1\"}".getBytes(StandardCharsets.UTF_8));
  }

  private static KafkaProducer<byte[], byte[]> producer(String servers) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return new KafkaProducer<>(settings);
  }

  /** Notes the median and 99th percentile of {@code nanos}, in milliseconds. */
  private static void notePercentiles(String what, long[] nanos) {
    Report.note(
        what
            + " p50 "
            + Report.format(Report.percentile(nanos, 50) / 1e6)
            + " ms, p99 "
            + Report.format(Report.percentile(nanos, 99) / 1e6)
            + " ms");
  }

  /** Assigns the topic's one partition to {@code consumer}, positioned at its end. */
  private static void readFromEnd(KafkaConsumer<byte[], byte[]> consumer, String topic) {
    TopicPartition partition = new TopicPartition(topic, 0);
    consumer.assign(List.of(partition));
    consumer.seekToEnd(List.of(partition));
    consumer.position(partition);
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String servers) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return new KafkaConsumer<>(settings);
  }
}
