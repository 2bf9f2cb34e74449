package dev.vigil.sqs;

import dev.vigil.Vigil;
import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.ConsumerOptions;
import dev.vigil.bus.Message;
import dev.vigil.bus.MessageHandler;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.QueueStats;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.bus.Subscription;
import dev.vigil.bus.VisibilityBus;
import dev.vigil.sqs.internal.Clients;
import dev.vigil.sqs.internal.LocalTopics;
import dev.vigil.sqs.internal.Names;
import dev.vigil.sqs.internal.QueueDirectory;
import dev.vigil.sqs.internal.QueueOperations;
import dev.vigil.sqs.internal.SqsConsumer;
import dev.vigil.sqs.internal.SqsEvents;
import dev.vigil.sqs.internal.TopicBackend;
import dev.vigil.sqs.internal.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bus contract on a real SQS endpoint — AWS, LocalStack or ElasticMQ ({@link EmbeddedSqs}) —
 * through the AWS SDK v2, with SNS topics where the endpoint has SNS, or topics the bus keeps
 * itself where it has not ({@link SqsEndpoint#withLocalTopics}, for ElasticMQ). Every operation is
 * recorded on the test's timeline under source {@value dev.vigil.bus.BusEntries#SOURCE} with the
 * types of {@link dev.vigil.bus.BusEntries} and attribute {@code backend=sqs}; correlation ids
 * travel in the {@value dev.vigil.timeline.Correlation#HEADER} message attribute.
 *
 * <pre>{@code
 * try (Vigil vigil = Vigil.create(); SqsBus bus = SqsBus.connect(vigil, sqs.endpoint())) {
 *   bus.createQueue(QueueSpec.named("orders").withDeadLetterQueue("orders--dlq", 3));
 *   bus.consume("orders", message -> billing.handle(message.body()));
 *   BusTestClient.of(vigil, bus).send("orders", new OrderCreated("o-1"), correlationId);
 * }
 * }</pre>
 *
 * <p>What SQS cannot do, and so this bus does not: look at a queue without receiving (it is no
 * {@link dev.vigil.bus.PeekableBus}), count exactly ({@link #stats} is SQS's approximate counts),
 * count what a purge deleted ({@link #purge} returns -1), or say when a visibility timeout ended (a
 * {@code retry} entry is recorded when the message is received again). SQS counts durations in
 * whole seconds: shorter ones are rounded up. Virtual time does not reach a real endpoint, so the
 * bus needs a real-time context, and waits on it take real time; since SQS cannot tell when a
 * message arrives, {@link dev.vigil.bus.BusTestClient#drain} long polls ({@link #longPollWait()}).
 * A message a topic delivers to a queue is seen only when it is received: SNS has no {@code send}
 * entry per subscribed queue.
 *
 * @since 0.1
 */
public final class SqsBus implements VisibilityBus {
  private static final Duration LONG_POLL = Duration.ofSeconds(1);

  private final Vigil vigil;
  private final SqsEndpoint endpoint;
  private final Clients clients;
  private final QueueDirectory queues;
  private final QueueOperations operations;
  private final TopicBackend topics;
  private final SqsEvents events;
  private final List<SqsConsumer> consumers = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private SqsBus(Vigil vigil, SqsEndpoint endpoint) {
    this.vigil = vigil;
    this.endpoint = endpoint;
    this.clients =
        new Clients(
            endpoint.sqsUri(),
            endpoint.snsUri(),
            endpoint.hasSns(),
            endpoint.region(),
            endpoint.accessKey(),
            endpoint.secretKey(),
            endpoint.connectTimeout());
    String name = endpoint.toString();
    this.events = new SqsEvents(vigil.timeline());
    this.queues = new QueueDirectory(clients.sqs(), name);
    this.operations = new QueueOperations(clients.sqs(), name, queues, events);
    this.topics =
        endpoint.hasLocalTopics()
            ? new LocalTopics(name, operations, events)
            : new Topics(clients.sns(), name, queues, events);
    vigil.track(this, "SqsBus " + name);
  }

  /**
   * Connects to an SQS endpoint; nothing is sent until the first operation.
   *
   * @param vigil the test's context; must run on real time
   * @param endpoint where to connect
   * @return the bus; close it to stop its consumers and clients
   * @throws IllegalArgumentException when {@code vigil} runs on virtual time, which a real endpoint
   *     does not follow
   */
  public static SqsBus connect(Vigil vigil, SqsEndpoint endpoint) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    Objects.requireNonNull(endpoint, "endpoint must not be null");
    if (vigil.time().isVirtual()) {
      throw new IllegalArgumentException(
          "vigil must run on real time: a real SQS endpoint does not follow virtual time, was "
              + vigil);
    }
    return new SqsBus(vigil, endpoint);
  }

  /**
   * Returns the endpoint this bus is connected to.
   *
   * @return the endpoint
   */
  public SqsEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public String backend() {
    return SqsEvents.BACKEND;
  }

  @Override
  public void createTopic(String name) {
    topics.create(Names.checkTopic("name", name));
  }

  /**
   * Creates a queue with SQS's default attributes; does nothing if one of that name exists,
   * whatever its attributes.
   *
   * @param name the queue's name
   */
  @Override
  public void createQueue(String name) {
    queues.ensure(Names.checkQueue("name", name));
  }

  /**
   * Creates a queue with the spec's attributes in whole seconds (rounded up) and its redrive
   * policy; a missing dead-letter queue is created with defaults. FIFO queues work where the
   * endpoint has them (ElasticMQ, LocalStack, AWS).
   *
   * @param spec the queue's name and attributes
   * @throws dev.vigil.bus.BusException when a queue of that name exists with other attributes
   */
  @Override
  public void createQueue(QueueSpec spec) {
    queues.create(Objects.requireNonNull(spec, "spec must not be null"));
  }

  /**
   * Subscribes {@code queue} to {@code topic} on SNS (each created when missing); the queue gets
   * each message in an SNS envelope, which {@link dev.vigil.bus.JsonCodec} sees through. With
   * {@link SqsEndpoint#withLocalTopics local topics} the bus remembers the subscription and sends
   * each message published to the topic to the queue as it is.
   *
   * @param topic the topic
   * @param queue the queue
   * @throws dev.vigil.bus.BusException when the endpoint has no SNS and no {@link
   *     SqsEndpoint#withLocalTopics local topics}
   */
  @Override
  public void subscribe(String topic, String queue) {
    subscribe(Subscription.of(Names.checkTopic("topic", topic), Names.checkQueue("queue", queue)));
  }

  /**
   * Subscribes a queue to a topic with a filter policy or raw delivery, which SNS applies; the
   * queue and topic are created when missing.
   *
   * @param subscription the topic, queue, filter policy and delivery form
   * @throws dev.vigil.bus.BusException when the endpoint has no SNS and no {@link
   *     SqsEndpoint#withLocalTopics local topics}
   */
  public void subscribe(Subscription subscription) {
    Objects.requireNonNull(subscription, "subscription must not be null");
    topics.create(subscription.topic()); // fails first, and clearly, without topics
    queues.ensure(subscription.queue());
    topics.subscribe(subscription);
  }

  @Override
  public String publish(String topic, Message message) {
    return topics.publish(
        Names.checkTopic("topic", topic),
        Objects.requireNonNull(message, "message must not be null"));
  }

  @Override
  public String send(String queue, Message message) {
    return operations.send(
        Names.checkQueue("queue", queue),
        Objects.requireNonNull(message, "message must not be null"));
  }

  @Override
  public List<ReceivedMessage> receive(String queue, Receive request) {
    Objects.requireNonNull(request, "request must not be null");
    return operations.receive(
        Names.checkQueue("queue", queue),
        request.maxMessages(),
        request.visibilityTimeout(),
        request.waitTime());
  }

  @Override
  public boolean delete(String queue, String receiptHandle) {
    return operations.delete(Names.checkQueue("queue", queue), Names.checkHandle(receiptHandle));
  }

  /**
   * Changes how long an in-flight message stays invisible, in whole seconds rounded up.
   *
   * @param queue the queue
   * @param receiptHandle the handle of its latest receipt
   * @param timeout 0 (visible at once) – 12 h
   */
  @Override
  public void changeVisibility(String queue, String receiptHandle, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout must not be null");
    if (timeout.isNegative() || timeout.compareTo(Duration.ofHours(12)) > 0) {
      throw new IllegalArgumentException("timeout must be between 0 and PT12H, was " + timeout);
    }
    operations.changeVisibility(
        Names.checkQueue("queue", queue), Names.checkHandle(receiptHandle), timeout);
  }

  /**
   * Purges the queue. SQS does not say how many messages went; where it refuses a second purge
   * within 60 s (AWS), the visible messages are received and deleted instead.
   *
   * @param queue the queue
   * @return -1: SQS cannot count them
   */
  @Override
  public int purge(String queue) {
    operations.purge(Names.checkQueue("queue", queue));
    return -1;
  }

  /**
   * Returns SQS's approximate counts, which lag behind sends and receives by up to a second on AWS.
   *
   * @param queue the queue
   * @return the approximate counts
   */
  @Override
  public QueueStats stats(String queue) {
    return operations.stats(Names.checkQueue("queue", queue));
  }

  /**
   * Consumes a queue on {@code options.concurrency()} threads named {@code
   * vigil-sqs-consumer-<queue>-<n>}, each long polling for up to {@link #longPollWait()}: success
   * deletes the message, an exception leaves it in flight until its visibility timeout ends, and
   * the queue's redrive policy moves it to the dead-letter queue after {@code maxReceiveCount}
   * receives (recorded as {@code dead-letter} when the last allowed attempt fails).
   *
   * @param queue the queue
   * @param handler the code under test
   * @param options concurrency, batch size, visibility timeout
   * @return the running consumer; closing the bus closes it too
   */
  @Override
  public BusConsumer consume(String queue, MessageHandler handler, ConsumerOptions options) {
    Objects.requireNonNull(handler, "handler must not be null");
    Objects.requireNonNull(options, "options must not be null");
    QueueSpec spec = queues.spec(Names.checkQueue("queue", queue));
    SqsConsumer consumer = new SqsConsumer(operations, events, spec, handler, options, LONG_POLL);
    consumers.add(consumer);
    return consumer;
  }

  @Override
  public QueueSpec spec(String queue) {
    return queues.spec(Names.checkQueue("queue", queue));
  }

  /**
   * Returns the queues this bus created or used; never the rest of a shared endpoint's.
   *
   * @return the names, sorted
   */
  @Override
  public Set<String> queues() {
    return queues.names();
  }

  /**
   * Returns the topics this bus created or used.
   *
   * @return the names, sorted; empty without SNS
   */
  @Override
  public Set<String> topics() {
    return topics.names();
  }

  /**
   * Purges every queue this bus created or used (never the rest of a shared endpoint's).
   *
   * @return -1: SQS cannot count the messages
   */
  @Override
  public int reset() {
    for (String queue : queues.names()) {
      operations.purge(queue);
    }
    return -1;
  }

  /**
   * Returns 1 s: a drain's receive waits that long for a first message and returns as soon as one
   * arrives, since SQS cannot signal arrival (SQS counts waits in whole seconds).
   *
   * @return one second
   */
  @Override
  public Duration longPollWait() {
    return LONG_POLL;
  }

  /** Stops every consumer (each finishes its current long poll) and closes the SDK clients. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      consumers.forEach(SqsConsumer::close);
      consumers.clear();
      clients.close();
    } finally {
      vigil.untrack(this);
    }
  }

  @Override
  public String toString() {
    return "SqsBus[" + endpoint + "]";
  }
}
