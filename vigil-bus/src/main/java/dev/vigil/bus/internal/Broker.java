package dev.vigil.bus.internal;

import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.ConsumerOptions;
import dev.vigil.bus.FaultPlan;
import dev.vigil.bus.Message;
import dev.vigil.bus.MessageHandler;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.QueueStats;
import dev.vigil.bus.QueuedMessage;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.bus.Subscription;
import dev.vigil.time.Signal;
import dev.vigil.time.TimeSource;
import dev.vigil.timeline.Timeline;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded broker: topics, queues and consumers on one context's time source, recording into
 * its timeline. A facade over one class per job: {@link Topology} (names and how they fit), {@link
 * Publisher} (fan-out), {@link Sender} (enqueueing), {@link Receiver} (receiving and deleting),
 * {@link Consumers}, {@link WakeUps} (timers, dead letters, waking) and {@link Administration}
 * (deleting, purging, faults). Queue state lives in {@link QueueEngine}s, each under its own lock;
 * no job ever holds two queue locks at once.
 */
public final class Broker implements AutoCloseable {
  private final Topology topology;
  private final Publisher publisher;
  private final Sender sender;
  private final Receiver receiver;
  private final Consumers consumers;
  private final Administration administration;

  /** What the jobs share: the context's time, signal and timeline, and the broker's state. */
  record Parts(
      TimeSource time,
      Signal signal,
      BusEvents events,
      FaultInjector faults,
      MessageIds ids,
      Deduplication deduplication,
      AtomicLong serials,
      Topology topology) {}

  /**
   * Creates a broker.
   *
   * @param time the context's time source
   * @param signal the context's signal
   * @param timeline the context's timeline
   * @param seed drives message ids and faults, so that runs repeat
   */
  public Broker(TimeSource time, Signal signal, Timeline timeline, long seed) {
    this.topology = new Topology();
    Parts parts =
        new Parts(
            time,
            signal,
            new BusEvents(timeline),
            new FaultInjector(seed),
            new MessageIds(seed),
            new Deduplication(),
            new AtomicLong(),
            topology);
    WakeUps wakeUps = new WakeUps(time, signal, parts.events(), topology, parts.serials());
    this.sender = new Sender(parts, wakeUps);
    this.publisher = new Publisher(parts, sender);
    this.receiver = new Receiver(parts, wakeUps);
    this.consumers = new Consumers(parts, receiver);
    this.administration = new Administration(parts, consumers);
  }

  /** Creates a topic unless it exists. */
  public void createTopic(String name) {
    topology.createTopic(name);
  }

  /** Creates a queue (and its dead-letter queue) unless it exists with the same spec. */
  public void createQueue(QueueSpec spec) {
    topology.createQueue(spec);
  }

  /** Deletes a topic and its subscriptions. */
  public void deleteTopic(String name) {
    topology.deleteTopic(name);
  }

  /** Deletes a queue, its messages, its consumers and its subscriptions. */
  public void deleteQueue(String name) {
    administration.deleteQueue(name);
  }

  /** Subscribes a queue to a topic, creating both when missing. */
  public void subscribe(Subscription subscription) {
    topology.subscribe(subscription);
  }

  /** Returns the spec a queue was created with. */
  public QueueSpec spec(String queueName) {
    return topology.spec(queueName);
  }

  /** Returns the names of the queues, sorted. */
  public Set<String> queueNames() {
    return topology.queueNames();
  }

  /** Returns the names of the topics, sorted. */
  public Set<String> topicNames() {
    return topology.topicNames();
  }

  /** Publishes to a topic's subscribed queues; returns the SNS message id. */
  public String publish(String topicName, Message message) {
    return publisher.publish(topicName, message);
  }

  /** Sends to a queue; returns the SQS message id (the first one's, for a FIFO duplicate). */
  public String send(String queueName, Message message) {
    return sender.send(queueName, message);
  }

  /** Receives, waiting up to the request's (or queue's) wait time for a first message. */
  public List<ReceivedMessage> receive(String queueName, Receive request) {
    return receiver.receive(queueName, request);
  }

  /** Deletes by receipt handle; {@code false} when the handle is stale or unknown. */
  public boolean delete(String queueName, String receiptHandle) {
    return receiver.delete(queueName, receiptHandle);
  }

  /** Changes an in-flight message's visibility timeout, counted from now. */
  public void changeVisibility(String queueName, String receiptHandle, Duration timeout) {
    receiver.changeVisibility(queueName, receiptHandle, timeout);
  }

  /** Deletes every message of a queue. */
  public int purge(String queueName) {
    return administration.purge(queueName);
  }

  /** Purges every queue named. */
  public int purgeAll(Set<String> names) {
    return administration.purgeAll(names);
  }

  /** Returns a queue's counts by state. */
  public QueueStats stats(String queueName) {
    return receiver.stats(queueName);
  }

  /** Returns a queue's messages without receiving them. */
  public List<QueuedMessage> peek(String queueName) {
    return receiver.peek(queueName);
  }

  /** Starts a consumer on a queue. */
  public BusConsumer consume(String queueName, MessageHandler handler, ConsumerOptions options) {
    return consumers.consume(queueName, handler, options);
  }

  /** Sets the bus-wide fault plan. */
  public void injectFaults(FaultPlan plan) {
    administration.injectFaults(plan);
  }

  /** Sets the fault plan of one queue or topic. */
  public void injectFaults(String target, FaultPlan plan) {
    administration.injectFaults(target, plan);
  }

  /** Removes every fault plan. */
  public void clearFaults() {
    administration.clearFaults();
  }

  /** Stops every consumer. */
  @Override
  public void close() {
    consumers.closeAll();
  }
}
