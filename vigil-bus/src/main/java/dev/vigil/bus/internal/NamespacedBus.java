package dev.vigil.bus.internal;

import dev.vigil.bus.Bus;
import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.ConsumerOptions;
import dev.vigil.bus.Message;
import dev.vigil.bus.MessageHandler;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.QueueStats;
import dev.vigil.bus.QueuedMessage;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.bus.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A view of a bus in which every topic and queue name is prefixed with {@code <prefix>--}: tests
 * that share one bus each work in their own namespace and see only their own names.
 */
public final class NamespacedBus implements Bus {
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  private final Bus bus;
  private final String prefix;
  private final Set<BusConsumer> consumers = ConcurrentHashMap.newKeySet();

  /**
   * Creates the view.
   *
   * @param bus the shared bus
   * @param namespace letters, digits, hyphens and underscores, at most 40
   */
  public NamespacedBus(Bus bus, String namespace) {
    this.bus = Objects.requireNonNull(bus, "bus must not be null");
    Objects.requireNonNull(namespace, "prefix must not be null");
    if (!PREFIX.matcher(namespace).matches()) {
      throw new IllegalArgumentException(
          "prefix must be 1-40 letters, digits, hyphens or underscores, was '" + namespace + "'");
    }
    this.prefix = namespace + "--";
  }

  private String outer(String name) {
    return prefix + Objects.requireNonNull(name, "name must not be null");
  }

  private String inner(String name) {
    return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
  }

  @Override
  public String backend() {
    return "embedded";
  }

  @Override
  public void createTopic(String name) {
    bus.createTopic(outer(name));
  }

  @Override
  public void createQueue(String name) {
    bus.createQueue(outer(name));
  }

  @Override
  public void createQueue(QueueSpec spec) {
    bus.createQueue(renamed(spec, this::outer));
  }

  /** Returns {@code spec} with its queue and dead-letter queue renamed by {@code naming}. */
  private static QueueSpec renamed(QueueSpec spec, UnaryOperator<String> naming) {
    QueueSpec renamed = spec.withName(naming.apply(spec.name()));
    String deadLetterQueue = spec.deadLetterQueue();
    return deadLetterQueue == null
        ? renamed
        : renamed.withDeadLetterQueue(naming.apply(deadLetterQueue), spec.maxReceiveCount());
  }

  @Override
  public void deleteTopic(String name) {
    bus.deleteTopic(outer(name));
  }

  @Override
  public void deleteQueue(String name) {
    bus.deleteQueue(outer(name));
  }

  @Override
  public void subscribe(String topic, String queue) {
    bus.subscribe(outer(topic), outer(queue));
  }

  @Override
  public void subscribe(Subscription subscription) {
    bus.subscribe(
        subscription.withTopic(outer(subscription.topic())).withQueue(outer(subscription.queue())));
  }

  @Override
  public String publish(String topic, Message message) {
    return bus.publish(outer(topic), message);
  }

  @Override
  public String send(String queue, Message message) {
    return bus.send(outer(queue), message);
  }

  @Override
  public List<ReceivedMessage> receive(String queue, Receive request) {
    List<ReceivedMessage> received = new ArrayList<>();
    for (ReceivedMessage message : bus.receive(outer(queue), request)) {
      received.add(local(message));
    }
    return received;
  }

  private ReceivedMessage local(ReceivedMessage message) {
    return new ReceivedMessage(
        inner(message.queue()),
        message.messageId(),
        message.body(),
        message.attributes(),
        message.receiptHandle(),
        message.receiveCount(),
        message.groupId(),
        message.sequenceNumber(),
        message.sentAt(),
        message.correlationId());
  }

  @Override
  public boolean delete(String queue, String receiptHandle) {
    return bus.delete(outer(queue), receiptHandle);
  }

  @Override
  public void changeVisibility(String queue, String receiptHandle, Duration timeout) {
    bus.changeVisibility(outer(queue), receiptHandle, timeout);
  }

  @Override
  public int purge(String queue) {
    return bus.purge(outer(queue));
  }

  @Override
  public QueueStats stats(String queue) {
    return bus.stats(outer(queue));
  }

  @Override
  public List<QueuedMessage> peek(String queue) {
    List<QueuedMessage> local = new ArrayList<>();
    for (QueuedMessage message : bus.peek(outer(queue))) {
      local.add(
          new QueuedMessage(
              inner(message.queue()),
              message.messageId(),
              message.body(),
              message.attributes(),
              message.state(),
              message.receiveCount(),
              message.groupId(),
              message.sequenceNumber(),
              message.sentAt()));
    }
    return local;
  }

  @Override
  public BusConsumer consume(String queue, MessageHandler handler, ConsumerOptions options) {
    Objects.requireNonNull(handler, "handler must not be null");
    BusConsumer consumer =
        bus.consume(outer(queue), message -> handler.handle(local(message)), options);
    consumers.add(consumer);
    return consumer;
  }

  @Override
  public QueueSpec spec(String queue) {
    return renamed(bus.spec(outer(queue)), this::inner);
  }

  @Override
  public Set<String> queues() {
    return own(bus.queues());
  }

  @Override
  public Set<String> topics() {
    return own(bus.topics());
  }

  private Set<String> own(Set<String> names) {
    Set<String> own = new TreeSet<>();
    for (String name : names) {
      if (name.startsWith(prefix)) {
        own.add(inner(name));
      }
    }
    return own;
  }

  @Override
  public int reset() {
    int total = 0;
    for (String queue : queues()) {
      total += purge(queue);
    }
    return total;
  }

  @Override
  public Bus namespace(String namespace) {
    return new NamespacedBus(this, namespace);
  }

  @Override
  public void close() {
    for (BusConsumer consumer : consumers) {
      consumer.close();
    }
    consumers.clear();
  }

  @Override
  public String toString() {
    return "namespace " + prefix + " of " + bus;
  }
}
