package dev.vigil.kafka;

import dev.vigil.Vigil;
import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.BusException;
import dev.vigil.bus.BusRecorder;
import dev.vigil.bus.ConsumerOptions;
import dev.vigil.bus.Message;
import dev.vigil.bus.MessageHandler;
import dev.vigil.bus.PeekableBus;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.QueueStats;
import dev.vigil.bus.QueuedMessage;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.kafka.internal.DeadLetterHeaders;
import dev.vigil.kafka.internal.HandlerLoop;
import dev.vigil.kafka.internal.KafkaTexts;
import dev.vigil.kafka.internal.QueueView;
import dev.vigil.kafka.internal.RecordConversion;
import dev.vigil.kafka.internal.RecordReplay;
import dev.vigil.kafka.internal.RecordWriter;
import dev.vigil.kafka.internal.TopicAdmin;
import dev.vigil.time.Signal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

/**
 * The bus contract on a Kafka cluster: topics and queues are Kafka topics, {@code subscribe(topic,
 * queue)} makes the queue read the topic too, {@code publish} and {@code send} produce (message
 * attributes become headers), and the test's side — receive, delete, release, peek, purge, stats —
 * works on what the bus's {@link KafkaCapture} has read, with a cursor per queue. {@link #consume}
 * runs a real {@code KafkaConsumer} of its own ({@code vigil-kafka-consumer-<queue>-<n>}), retries
 * a failing handler up to the queue's {@code maxReceiveCount} and then writes the record to the
 * dead-letter topic: the spec's dead-letter queue, else {@code <queue>.DLT} (spring-kafka's name,
 * created when the consumer starts, so a test can wait on it), with the record's headers plus
 * {@code dlt-original-topic}, {@code dlt-original-partition}, {@code dlt-original-offset}, {@code
 * dlt-exception-fqcn} and {@code dlt-exception-message}.
 *
 * <pre>{@code
 * try (KafkaBus bus = KafkaBus.connect(vigil, broker.bootstrapServers())) {
 *   String orders = KafkaBus.uniqueName("orders");
 *   bus.createQueue(orders);
 *   bus.consume(orders, message -> billing.charge(message.body()));
 *   bus.send(orders, Message.of("{\"id\":\"o-1\"}").withCorrelationId("c-1"));
 *   vigil.eventually(() -> billing.charged("o-1")).within(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>What Kafka has not: visibility timeouts (a received message stays in flight until deleted or
 * released; a failed attempt is retried at once), delays, retention and deduplication per message
 * or queue, FIFO groups (a message's group id becomes its key, which orders a partition). A {@code
 * send} or {@code publish} returns once the capture has read the record, so the next receive sees
 * it. Waits run in real time.
 *
 * @since 0.1
 */
public final class KafkaBus implements PeekableBus {
  private static final AtomicInteger CONSUMERS = new AtomicInteger();
  private static final AtomicInteger BUSES = new AtomicInteger();
  private static final long CAPTURE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final Vigil vigil;
  private final String bootstrapServers;
  private final TopicAdmin admin;
  private final RecordWriter writer;
  private final KafkaCapture capture;
  private final BusRecorder entries;
  private final Map<String, QueueView> queues = new ConcurrentHashMap<>();
  private final Set<String> topics = ConcurrentHashMap.newKeySet();
  private final Map<String, Set<String>> subscribers = new ConcurrentHashMap<>();
  private final List<HandlerLoop> consumers = new CopyOnWriteArrayList<>();

  private KafkaBus(Vigil vigil, String bootstrapServers) {
    this.vigil = vigil;
    this.bootstrapServers = bootstrapServers;
    String clientId = "vigil-kafka-bus-" + BUSES.incrementAndGet();
    this.admin = new TopicAdmin(bootstrapServers, clientId);
    this.writer = new RecordWriter(bootstrapServers, clientId);
    this.capture = KafkaCapture.start(vigil, bootstrapServers);
    this.entries = BusRecorder.on(vigil.timeline(), "kafka");
    capture.addListener(this::onRecord);
    vigil.track(this, "KafkaBus at " + bootstrapServers);
  }

  /**
   * Connects to a cluster and starts the bus's capture.
   *
   * @param vigil the test's context, on real time: every operation goes onto its timeline
   * @param bootstrapServers the cluster, such as {@code localhost:9092}
   * @return the bus; close it (or the context) to stop its consumers and clients
   * @throws BusException naming the servers when the cluster does not answer within 5 s
   * @throws IllegalArgumentException when {@code vigil} runs on virtual time, which a cluster does
   *     not follow
   */
  public static KafkaBus connect(Vigil vigil, String bootstrapServers) {
    KafkaCapture.requireRealTime(vigil);
    return new KafkaBus(vigil, KafkaTexts.checkServers(bootstrapServers));
  }

  /**
   * Returns a name no other test uses: {@code base}, a hyphen and 8 random hex digits — per-test
   * isolation on a shared cluster.
   *
   * @param base the readable part, at most 70 letters, digits, hyphens and underscores
   * @return the unique name
   */
  public static String uniqueName(String base) {
    if (base == null || !base.matches("[a-zA-Z0-9_-]{1,70}")) {
      throw new IllegalArgumentException(
          "base must be 1–70 letters, digits, hyphens or underscores, was "
              + (base == null ? "null" : "'" + base + "'"));
    }
    return base + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public String backend() {
    return "kafka";
  }

  /**
   * Returns the cluster this bus works on.
   *
   * @return the bootstrap servers
   */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Returns the bus's capture: every record of its topics and queues since each became known.
   *
   * @return the capture
   */
  public KafkaCapture capture() {
    return capture;
  }

  @Override
  public void createTopic(String name) {
    createTopic(name, 1);
  }

  /**
   * Creates a topic with {@code partitions} partitions (a Kafka-only feature); does nothing if it
   * exists.
   *
   * @param name the topic
   * @param partitions 1 or more; records with one key stay in one partition, in order
   */
  public void createTopic(String name, int partitions) {
    KafkaTexts.checkTopicName("name", name);
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
    }
    if (!topics.contains(name)) {
      admin.create(name, partitions);
      capture.track(List.of(name));
      topics.add(name);
    }
  }

  /**
   * Returns how many partitions a topic or queue has.
   *
   * @param topic the topic
   * @return the count
   * @throws BusException when there is no such topic
   */
  public int partitions(String topic) {
    int partitions = admin.partitions(KafkaTexts.checkTopicName("topic", topic));
    if (partitions == 0) {
      throw new BusException(KafkaTexts.unknownTopics(bootstrapServers, List.of(topic)));
    }
    return partitions;
  }

  @Override
  public void createQueue(String name) {
    createQueue(QueueSpec.named(name));
  }

  /**
   * {@inheritDoc} Kafka honours the name, the dead-letter queue and {@code maxReceiveCount}; it has
   * no visibility timeout, delay, retention or receive wait time per queue and leaves them unused.
   */
  @Override
  public void createQueue(QueueSpec spec) {
    Objects.requireNonNull(spec, "spec must not be null");
    QueueView existing = queues.get(spec.name());
    if (existing != null) {
      if (!spec.equals(existing.spec())) {
        throw new BusException(
            "queue '" + spec.name() + "' exists with another spec: " + existing.spec());
      }
      return;
    }
    String deadLetterQueue = spec.deadLetterQueue();
    if (deadLetterQueue != null && !queues.containsKey(deadLetterQueue)) {
      createQueue(QueueSpec.named(deadLetterQueue));
    }
    admin.create(spec.name(), 1);
    addView(spec.name(), spec);
  }

  private QueueView addView(String name, @Nullable QueueSpec spec) {
    QueueView view = new QueueView(name, spec);
    view.read(capture.track(List.of(name)));
    QueueView raced = queues.putIfAbsent(name, view);
    return raced == null ? view : raced;
  }

  @Override
  public void subscribe(String topic, String queue) {
    KafkaTexts.checkTopicName("topic", topic);
    if (!topics.contains(topic) && !queues.containsKey(topic)) {
      createTopic(topic);
    }
    if (!queues.containsKey(queue)) {
      createQueue(queue);
    }
    QueueView view = view(queue);
    subscribers.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(queue);
    view.read(capture.track(List.of(topic)));
  }

  @Override
  public String publish(String topic, Message message) {
    return publish(topic, null, message);
  }

  /**
   * Publishes with a key (a Kafka-only feature): records with one key go to one partition, in
   * order.
   *
   * @param topic the topic
   * @param key the key, or {@code null} for the message's group id (if any)
   * @param message the message; its attributes become headers
   * @return the record's id, {@code <topic>-<partition>-<offset>}
   */
  public String publish(String topic, @Nullable String key, Message message) {
    requireTopic(topic);
    return write(topic, key, message);
  }

  @Override
  public String send(String queue, Message message) {
    return send(queue, null, message);
  }

  /**
   * Sends with a key (a Kafka-only feature).
   *
   * @param queue the queue
   * @param key the key, or {@code null} for the message's group id (if any)
   * @param message the message; its attributes become headers
   * @return the record's id, {@code <topic>-<partition>-<offset>}
   */
  public String send(String queue, @Nullable String key, Message message) {
    view(queue);
    return write(queue, key, message);
  }

  private String write(String topic, @Nullable String key, Message message) {
    Objects.requireNonNull(message, "message must not be null");
    if (!message.delay().isZero()) {
      throw new BusException(
          "Kafka cannot delay a message: a record is readable once written (delay was "
              + message.delay()
              + ")");
    }
    if (message.deduplicationId() != null) {
      throw new BusException(
          "Kafka has no deduplication id per message (was '" + message.deduplicationId() + "')");
    }
    String effectiveKey = key != null ? key : message.groupId();
    RecordHeaders headers = RecordConversion.headers(message.attributes());
    RecordMetadata written =
        writer.write(topic, effectiveKey, message.body().getBytes(StandardCharsets.UTF_8), headers);
    awaitCaptured(new TopicPartition(topic, written.partition()), written.offset());
    return topic + "-" + written.partition() + "-" + written.offset();
  }

  void awaitCaptured(TopicPartition partition, long offset) {
    Signal signal = vigil.signal();
    long giveUpAt = System.nanoTime() + CAPTURE_WAIT_NANOS;
    while (true) {
      long seen = signal.version();
      long left = giveUpAt - System.nanoTime();
      // Past the bound the record is written all the same; a broker gone away shows on the
      // timeline, and the caller's own waits keep their deadlines.
      if (capture.nextOffset(partition) > offset || left <= 0) {
        return;
      }
      try {
        signal.awaitPulse(seen, left);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public List<ReceivedMessage> receive(String queue, Receive request) {
    Objects.requireNonNull(request, "request must not be null");
    QueueView view = view(queue);
    Duration wait = request.waitTime();
    QueueSpec spec = view.spec();
    if (wait == null) {
      wait = spec == null ? Duration.ZERO : spec.receiveWaitTime();
    }
    long giveUpAt = System.nanoTime() + wait.toNanos();
    Signal signal = vigil.signal();
    while (true) {
      long seen = signal.version();
      List<ReceivedMessage> received = view.receive(request.maxMessages());
      long left = giveUpAt - System.nanoTime();
      if (!received.isEmpty() || left <= 0) {
        received.forEach(entries::received);
        return received;
      }
      try {
        signal.awaitPulse(seen, left);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
  }

  @Override
  public boolean delete(String queue, String receiptHandle) {
    Objects.requireNonNull(receiptHandle, "receiptHandle must not be null");
    ReceivedMessage deleted = view(queue).delete(receiptHandle);
    if (deleted == null) {
      entries.deleteIgnored(queue, receiptHandle);
      return false;
    }
    entries.acknowledged(deleted);
    return true;
  }

  @Override
  public void release(String queue, String receiptHandle) {
    Objects.requireNonNull(receiptHandle, "receiptHandle must not be null");
    entries.retried(view(queue).release(receiptHandle));
  }

  @Override
  public int purge(String queue) {
    int deleted = view(queue).purge();
    entries.purged(queue, deleted);
    return deleted;
  }

  @Override
  public QueueStats stats(String queue) {
    return view(queue).stats();
  }

  @Override
  public List<QueuedMessage> peek(String queue) {
    return view(queue).peek();
  }

  /**
   * Reads a partition from {@code fromOffset} up to its end at this moment (a Kafka-only feature):
   * records written before the bus started, or before a queue began to read the topic, included.
   *
   * @param topic the topic
   * @param partition the partition
   * @param fromOffset the first offset to read, not negative
   * @return the records, in offset order
   */
  public List<CapturedRecord> replay(String topic, int partition, long fromOffset) {
    KafkaTexts.checkTopicName("topic", topic);
    if (partition < 0) {
      throw new IllegalArgumentException("partition must not be negative, was " + partition);
    }
    if (fromOffset < 0) {
      throw new IllegalArgumentException("fromOffset must not be negative, was " + fromOffset);
    }
    requireTopic(topic);
    return RecordReplay.read(bootstrapServers, new TopicPartition(topic, partition), fromOffset);
  }

  /**
   * {@inheritDoc} One Kafka consumer thread handles the queue's records in order, whatever the
   * options' concurrency; Kafka has no visibility timeout.
   */
  @Override
  public BusConsumer consume(String queue, MessageHandler handler, ConsumerOptions options) {
    Objects.requireNonNull(handler, "handler must not be null");
    Objects.requireNonNull(options, "options must not be null");
    QueueView view = view(queue);
    deadLetterTopic(view);
    QueueSpec spec = view.spec();
    int maxReceiveCount =
        spec == null ? QueueSpec.named("x").maxReceiveCount() : spec.maxReceiveCount();
    HandlerLoop loop =
        new HandlerLoop(
            bootstrapServers,
            "vigil-kafka-consumer-" + queue + "-" + CONSUMERS.incrementAndGet(),
            view,
            handler,
            maxReceiveCount,
            new HandlerEvents(this, view));
    consumers.add(loop);
    return loop;
  }

  /** Creates the queue's dead-letter topic when missing, so tests can read it before any fails. */
  private String deadLetterTopic(QueueView view) {
    QueueSpec spec = view.spec();
    String deadLetterQueue = spec == null ? null : spec.deadLetterQueue();
    String target = deadLetterQueue != null ? deadLetterQueue : view.queue() + ".DLT";
    if (!queues.containsKey(target)) {
      admin.create(target, 1);
      addView(target, null);
    }
    return target;
  }

  BusRecorder entries() {
    return entries;
  }

  void deadLetter(QueueView view, ReceivedMessage message, Throwable failure) {
    String target = deadLetterTopic(view);
    CapturedRecord record = Objects.requireNonNull(view.record(message.messageId()));
    byte[] value = record.value();
    // Recorded before the write: once written, the capture may hand the dead letter to a test's
    // drain before this thread runs again, and the test would find no dead-letter entry yet.
    entries.deadLettered(message, target);
    RecordMetadata written =
        writer.write(
            target,
            record.key(),
            value == null ? new byte[0] : value,
            DeadLetterHeaders.of(record, failure));
    awaitCaptured(new TopicPartition(target, written.partition()), written.offset());
  }

  @Override
  public QueueSpec spec(String queue) {
    QueueSpec spec = view(queue).spec();
    if (spec == null) {
      throw new BusException(
          "'" + queue + "' is a dead-letter topic (<queue>.DLT) and has no QueueSpec");
    }
    return spec;
  }

  @Override
  public Set<String> queues() {
    return Collections.unmodifiableSet(new TreeSet<>(queues.keySet()));
  }

  @Override
  public Set<String> topics() {
    return Collections.unmodifiableSet(new TreeSet<>(topics));
  }

  @Override
  public int reset() {
    int deleted = 0;
    for (String queue : new ArrayList<>(queues.keySet())) {
      deleted += purge(queue);
    }
    return deleted;
  }

  private QueueView view(String queue) {
    Objects.requireNonNull(queue, "queue must not be null");
    QueueView view = queues.get(queue);
    if (view != null) {
      return view;
    }
    KafkaTexts.checkTopicName("queue", queue);
    // A queue another client created is adopted: read from its end, like any new queue.
    if (admin.partitions(queue) > 0) {
      return addView(queue, queue.matches("[a-zA-Z0-9_-]{1,80}") ? QueueSpec.named(queue) : null);
    }
    throw new BusException(KafkaTexts.unknownQueue(bootstrapServers, queue));
  }

  private void requireTopic(String topic) {
    Objects.requireNonNull(topic, "topic must not be null");
    if (topics.contains(topic) || queues.containsKey(topic)) {
      return;
    }
    KafkaTexts.checkTopicName("topic", topic);
    if (admin.partitions(topic) == 0) {
      throw new BusException(KafkaTexts.unknownTopics(bootstrapServers, List.of(topic)));
    }
    capture.track(List.of(topic));
    topics.add(topic);
  }

  private void onRecord(CapturedRecord record) {
    List<QueueView> taking = new ArrayList<>();
    for (String queue : subscribers.getOrDefault(record.topic(), Set.of())) {
      QueueView view = queues.get(queue);
      if (view != null && view.accepts(record)) {
        taking.add(view);
      }
    }
    if (topics.contains(record.topic())) {
      entries.published(
          record.topic(),
          record.id(),
          record.correlationId(),
          record.lenientText(),
          taking.stream().map(QueueView::queue).toList());
    }
    QueueView own = queues.get(record.topic());
    if (own != null) {
      taking.add(0, own);
    }
    for (QueueView view : taking) {
      view.offer(
          record,
          () ->
              entries.sent(
                  view.queue(), record.id(), record.correlationId(), record.lenientText()));
    }
  }

  /** Stops every consumer and closes the bus's clients and capture; the cluster keeps running. */
  @Override
  public void close() {
    try {
      consumers.forEach(HandlerLoop::close);
      capture.close();
      writer.close();
      admin.close();
    } finally {
      vigil.untrack(this);
    }
  }

  @Override
  public String toString() {
    return "KafkaBus" + queues() + " at " + bootstrapServers;
  }
}
