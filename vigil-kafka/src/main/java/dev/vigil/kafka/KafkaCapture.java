package dev.vigil.kafka;

import dev.vigil.Vigil;
import dev.vigil.kafka.internal.CaptureLoop;
import dev.vigil.kafka.internal.KafkaTexts;
import dev.vigil.kafka.internal.RecordConversion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads chosen Kafka topics onto the test's timeline from the moment it starts: by partition
 * assignment from the end offsets taken at start, not by a consumer group, so there is no rebalance
 * to wait for, no record from before the test is seen and none written after {@link #start} returns
 * is missed. One background thread ({@code vigil-kafka-capture-<n>}) polls; each record is kept
 * (raw bytes and all) and appended to the timeline as {@link KafkaEntries#record}, which wakes the
 * context's waits at once.
 *
 * <pre>{@code
 * try (KafkaCapture capture = KafkaCapture.start(vigil, bootstrapServers, "orders")) {
 *   app.placeOrder("o-1");
 *   CapturedRecord record =
 *       capture.awaitRecord("orders", r -> "o-1".equals(r.key()), Duration.ofSeconds(5));
 *   assertThat(record.decode(JsonCodec.plain(), Order.class).status()).isEqualTo("PLACED");
 * }
 * }</pre>
 *
 * <p>A capture needs a context on real time (it refuses a virtual one): a record's arrival is a
 * real event, which virtual time cannot bring forward.
 *
 * @since 0.1
 */
public final class KafkaCapture implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Vigil vigil;
  private final String bootstrapServers;
  private final Map<String, List<CapturedRecord>> byTopic = new ConcurrentHashMap<>();
  private final List<CapturedRecord> all = Collections.synchronizedList(new ArrayList<>());
  private final Map<TopicPartition, Long> nextOffsets = new ConcurrentHashMap<>();
  private final List<Consumer<CapturedRecord>> listeners = new CopyOnWriteArrayList<>();
  private final CaptureLoop loop;
  private final Duration readyTime;

  private KafkaCapture(Vigil vigil, String bootstrapServers, List<String> topics) {
    long startedAt = System.nanoTime();
    this.vigil = vigil;
    this.bootstrapServers = bootstrapServers;
    this.loop =
        new CaptureLoop(
            bootstrapServers, "vigil-kafka-capture-" + THREADS.incrementAndGet(), new Sink());
    try {
      if (!topics.isEmpty()) {
        track(topics);
      }
    } catch (RuntimeException failure) {
      loop.close();
      throw failure;
    }
    this.readyTime = Duration.ofNanos(System.nanoTime() - startedAt);
    vigil.track(this, "KafkaCapture" + topics + " at " + bootstrapServers);
  }

  /**
   * Starts reading {@code topics} from their current end and returns once the capture is ready.
   *
   * @param vigil the test's context, on real time: records go onto its timeline and wake its waits
   * @param bootstrapServers the cluster, such as {@code localhost:9092}
   * @param topics existing topics; more can be added with {@link #addTopics}
   * @return the running capture; close it (or the context) to stop it
   * @throws dev.vigil.bus.BusException naming the servers when the cluster does not answer within 5
   *     s, or naming the topics that do not exist
   * @throws IllegalArgumentException when {@code vigil} runs on virtual time
   */
  public static KafkaCapture start(Vigil vigil, String bootstrapServers, String... topics) {
    requireRealTime(vigil);
    KafkaTexts.checkServers(bootstrapServers);
    Objects.requireNonNull(topics, "topics must not be null");
    for (String topic : topics) {
      KafkaTexts.checkTopicName("topic", topic);
    }
    return new KafkaCapture(vigil, bootstrapServers, List.of(topics));
  }

  /**
   * Refuses a context on virtual time: a record's arrival is a real event, so a wait on virtual
   * time would jump to its deadline before the record came.
   */
  static void requireRealTime(Vigil vigil) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    if (vigil.time().isVirtual()) {
      throw new IllegalArgumentException(
          "vigil must run on real time: a Kafka cluster does not follow virtual time, was "
              + vigil);
    }
  }

  /**
   * Reads more topics, each from its current end; topics read already stay as they are.
   *
   * @param topics existing topics
   * @throws dev.vigil.bus.BusException naming the topics that do not exist
   */
  public void addTopics(String... topics) {
    Objects.requireNonNull(topics, "topics must not be null");
    for (String topic : topics) {
      KafkaTexts.checkTopicName("topic", topic);
    }
    track(Arrays.asList(topics));
  }

  Map<TopicPartition, Long> track(Collection<String> topics) {
    Map<TopicPartition, Long> ends = loop.track(topics);
    for (String topic : topics) {
      byTopic.computeIfAbsent(topic, t -> Collections.synchronizedList(new ArrayList<>()));
    }
    return ends;
  }

  /**
   * Returns the cluster this capture reads.
   *
   * @return the bootstrap servers
   */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Returns the topics this capture reads.
   *
   * @return the names, sorted
   */
  public Set<String> topics() {
    return Collections.unmodifiableSet(new TreeSet<>(byTopic.keySet()));
  }

  /**
   * Returns how long {@link #start} took until the capture was ready.
   *
   * @return the time from the call until the partitions were assigned at their end offsets
   */
  public Duration readyTime() {
    return readyTime;
  }

  /**
   * Returns whether the capture holds a connection to the cluster, as of its last idle poll.
   *
   * @return {@code false} after a {@link KafkaEntries#disconnected} entry, until it reconnects
   */
  public boolean connected() {
    return loop.connected();
  }

  /**
   * Returns every record read so far, in the order read.
   *
   * @return a copy
   */
  public List<CapturedRecord> records() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  /**
   * Returns the records read from one topic, in the order read.
   *
   * @param topic a topic this capture reads
   * @return a copy
   * @throws IllegalArgumentException when the capture does not read {@code topic}
   */
  public List<CapturedRecord> records(String topic) {
    List<CapturedRecord> records = recordsOf(topic);
    synchronized (records) {
      return List.copyOf(records);
    }
  }

  private List<CapturedRecord> recordsOf(String topic) {
    List<CapturedRecord> records = byTopic.get(topic);
    if (records == null) {
      throw new IllegalArgumentException(
          "topic must be one this capture reads " + topics() + ", was '" + topic + "'");
    }
    return records;
  }

  /**
   * Waits in real time until a record of {@code topic} matches, and returns the first that does.
   *
   * @param topic a topic this capture reads
   * @param predicate what the record must satisfy
   * @param timeout how long to wait, positive
   * @return the first matching record, in the order read
   * @throws dev.vigil.WaitTimeoutError when none matches in time; it says how many records were
   *     read
   */
  public CapturedRecord awaitRecord(
      String topic, Predicate<? super CapturedRecord> predicate, Duration timeout) {
    Objects.requireNonNull(predicate, "predicate must not be null");
    KafkaTexts.checkTimeout(timeout);
    List<CapturedRecord> records = recordsOf(topic);
    int[] checked = {0};
    Optional<CapturedRecord> found =
        vigil
            .eventually(() -> firstMatch(records, predicate, checked))
            .describedAs("a record on '" + topic + "' matching the predicate")
            .diagnostics(() -> records(topic).size() + " records read from '" + topic + "'")
            .within(timeout);
    // The wait returns only a value that holds: a present one.
    return found.orElseThrow();
  }

  private static Optional<CapturedRecord> firstMatch(
      List<CapturedRecord> records, Predicate<? super CapturedRecord> predicate, int[] checked) {
    synchronized (records) {
      for (int i = checked[0]; i < records.size(); i++) {
        CapturedRecord record = records.get(i);
        if (predicate.test(record)) {
          return Optional.of(record);
        }
        // A record that failed once fails again: the next evaluation starts after it.
        checked[0] = i + 1;
      }
      return Optional.empty();
    }
  }

  void addListener(Consumer<CapturedRecord> listener) {
    listeners.add(listener);
  }

  long nextOffset(TopicPartition partition) {
    return nextOffsets.getOrDefault(partition, -1L);
  }

  /** Stops reading; the records read stay readable. */
  @Override
  public void close() {
    try {
      loop.close();
    } finally {
      vigil.untrack(this);
    }
  }

  @Override
  public String toString() {
    return "KafkaCapture" + topics() + " at " + bootstrapServers;
  }

  private final class Sink implements CaptureLoop.Sink {
    @Override
    public void accept(ConsumerRecord<byte[], byte[]> consumed) {
      CapturedRecord record = RecordConversion.captured(consumed);
      all.add(record);
      byTopic
          .computeIfAbsent(record.topic(), t -> Collections.synchronizedList(new ArrayList<>()))
          .add(record);
      listeners.forEach(listener -> listener.accept(record));
      nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
      vigil
          .timeline()
          .append(
              KafkaEntries.SOURCE,
              KafkaEntries.record(record.topic()),
              record.correlationId(),
              record.id(),
              summary(record),
              attributes(record));
    }

    @Override
    public void connectionChanged(boolean connected) {
      vigil
          .timeline()
          .append(
              KafkaEntries.SOURCE,
              connected
                  ? KafkaEntries.reconnected(bootstrapServers)
                  : KafkaEntries.disconnected(bootstrapServers),
              null,
              null,
              connected
                  ? "the capture is connected again"
                  : "the capture lost its connection to Kafka at " + bootstrapServers,
              Map.of("servers", bootstrapServers));
    }

    @Override
    public void pollFailed(KafkaException failure) {
      vigil
          .timeline()
          .append(
              KafkaEntries.SOURCE,
              KafkaEntries.pollFailed(bootstrapServers),
              null,
              null,
              String.valueOf(failure),
              Map.of("servers", bootstrapServers, "exception", failure.getClass().getName()));
    }
  }

  private static String summary(CapturedRecord record) {
    String text = record.lenientText();
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }

  private static Map<String, String> attributes(CapturedRecord record) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("topic", record.topic());
    attributes.put("partition", Integer.toString(record.partition()));
    attributes.put("offset", Long.toString(record.offset()));
    String key = record.key();
    if (key != null) {
      attributes.put("key", key);
    }
    return attributes;
  }
}
