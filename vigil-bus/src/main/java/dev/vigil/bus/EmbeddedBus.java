package dev.vigil.bus;

import dev.vigil.Vigil;
import dev.vigil.bus.internal.Broker;
import dev.vigil.bus.internal.NamespacedBus;
import dev.vigil.time.TimeSource;
import dev.vigil.time.VirtualTimeSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Vigil's in-JVM message bus with SNS/SQS semantics, on one context's time: visibility timeouts,
 * delays and retention run on the context's clock (so under virtual time a 30-second visibility
 * timeout costs no wall time), every publish, delivery, acknowledgement, retry and dead letter is a
 * timeline entry, and each one wakes the context's waits. Each bus is its own broker: two contexts
 * never share a queue.
 *
 * <pre>{@code
 * try (Vigil vigil = Vigil.withVirtualTime(); EmbeddedBus bus = EmbeddedBus.create(vigil)) {
 *   bus.createQueue(QueueSpec.named("customer--order-created")
 *       .withDeadLetterQueue("customer--order-created--dlq", 3));
 *   bus.subscribe("order--created", "customer--order-created");
 *   bus.consume("customer--order-created", message -> customers.addOrder(message.body()));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class EmbeddedBus implements Bus {
  private final Vigil vigil;
  private final Broker broker;

  private EmbeddedBus(Vigil vigil, long seed) {
    this.vigil = vigil;
    this.broker = new Broker(vigil.time(), vigil.signal(), vigil.timeline(), seed);
    vigil.track(this, "EmbeddedBus");
  }

  /**
   * Creates a bus on {@code vigil}'s time, timeline and signal, seeded with the context's seed when
   * it has one.
   *
   * @param vigil the test's context
   * @return an empty bus
   */
  public static EmbeddedBus create(Vigil vigil) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    return new EmbeddedBus(vigil, seedOf(vigil.time()));
  }

  /**
   * Creates a bus whose message ids and faults are drawn from {@code seed}.
   *
   * @param vigil the test's context
   * @param seed the seed; the same seed and the same operations give the same ids and faults
   * @return an empty bus
   */
  public static EmbeddedBus create(Vigil vigil, long seed) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    return new EmbeddedBus(vigil, seed);
  }

  private static long seedOf(TimeSource time) {
    @Nullable Long seed = time instanceof VirtualTimeSource virtual ? virtual.seed() : null;
    return seed == null ? 0 : seed;
  }

  /**
   * Injects faults into every queue and topic that has no plan of its own.
   *
   * @param plan the faults
   */
  public void injectFaults(FaultPlan plan) {
    broker.injectFaults(plan);
  }

  /**
   * Injects faults into one queue or topic.
   *
   * @param target an existing queue or topic
   * @param plan the faults
   */
  public void injectFaults(String target, FaultPlan plan) {
    broker.injectFaults(target, plan);
  }

  /** Removes every fault plan. */
  public void clearFaults() {
    broker.clearFaults();
  }

  @Override
  public String backend() {
    return "embedded";
  }

  @Override
  public void createTopic(String name) {
    broker.createTopic(name);
  }

  @Override
  public void createQueue(String name) {
    broker.createQueue(QueueSpec.named(name));
  }

  @Override
  public void createQueue(QueueSpec spec) {
    broker.createQueue(spec);
  }

  @Override
  public void deleteTopic(String name) {
    broker.deleteTopic(name);
  }

  @Override
  public void deleteQueue(String name) {
    broker.deleteQueue(name);
  }

  @Override
  public void subscribe(String topic, String queue) {
    broker.subscribe(Subscription.of(topic, queue));
  }

  @Override
  public void subscribe(Subscription subscription) {
    broker.subscribe(subscription);
  }

  @Override
  public String publish(String topic, Message message) {
    return broker.publish(topic, message);
  }

  @Override
  public String send(String queue, Message message) {
    return broker.send(queue, message);
  }

  @Override
  public List<ReceivedMessage> receive(String queue, Receive request) {
    return broker.receive(queue, request);
  }

  @Override
  public boolean delete(String queue, String receiptHandle) {
    return broker.delete(queue, receiptHandle);
  }

  @Override
  public void changeVisibility(String queue, String receiptHandle, Duration timeout) {
    broker.changeVisibility(queue, receiptHandle, timeout);
  }

  @Override
  public int purge(String queue) {
    return broker.purge(queue);
  }

  @Override
  public QueueStats stats(String queue) {
    return broker.stats(queue);
  }

  @Override
  public List<QueuedMessage> peek(String queue) {
    return broker.peek(queue);
  }

  @Override
  public BusConsumer consume(String queue, MessageHandler handler, ConsumerOptions options) {
    return broker.consume(queue, handler, options);
  }

  @Override
  public QueueSpec spec(String queue) {
    return broker.spec(queue);
  }

  @Override
  public Set<String> queues() {
    return broker.queueNames();
  }

  @Override
  public Set<String> topics() {
    return broker.topicNames();
  }

  @Override
  public int reset() {
    return broker.purgeAll(broker.queueNames());
  }

  @Override
  public Bus namespace(String prefix) {
    return new NamespacedBus(this, prefix);
  }

  /**
   * Stops every consumer of the bus; its queues stay readable. Closing the context closes the bus
   * too, and leak checks watching the context report a bus left open.
   */
  @Override
  public void close() {
    try {
      broker.close();
    } finally {
      vigil.untrack(this);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedBus" + broker.queueNames();
  }
}
