package dev.vigil.bus.internal;

import dev.vigil.bus.BusEntries;
import dev.vigil.bus.ConsumerOptions;
import dev.vigil.bus.FaultPlan;
import dev.vigil.bus.MessageHandler;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.time.TimeSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker's running consumers: starts them, records their handlers' failures, decides when a
 * planned crash loses an acknowledgement, and stops them with their queue or the bus.
 */
final class Consumers {
  private final TimeSource time;
  private final BusEvents events;
  private final FaultInjector faults;
  private final Topology topology;
  private final Receiver receiver;
  private final Set<ConsumerLoop> running = ConcurrentHashMap.newKeySet();

  Consumers(Broker.Parts parts, Receiver receiver) {
    this.time = parts.time();
    this.events = parts.events();
    this.faults = parts.faults();
    this.topology = parts.topology();
    this.receiver = receiver;
  }

  /** Starts a consumer on a queue. */
  ConsumerLoop consume(String queueName, MessageHandler handler, ConsumerOptions options) {
    QueueEngine queue = topology.queue(queueName);
    Objects.requireNonNull(handler, "handler must not be null");
    Objects.requireNonNull(options, "options must not be null");
    ConsumerLoop consumer = new ConsumerLoop(this, receiver, queue, handler, options, time);
    running.add(consumer);
    queue.consumers.add(consumer);
    consumer.wake();
    return consumer;
  }

  void closed(ConsumerLoop consumer) {
    running.remove(consumer);
  }

  /** Reports a handler's failure; the message stays in flight and is retried in time. */
  void handlerFailed(ReceivedMessage message, Throwable failure) {
    events.handlerFailed(message, failure);
  }

  /** Tells whether a consumer's acknowledgement of {@code message} is lost on purpose. */
  boolean crashBeforeAck(QueueEngine queue, ReceivedMessage message) {
    FaultPlan plan = faults.planFor(queue.name());
    if (!faults.strikes(BusEntries.FAULT_CRASH_BEFORE_ACK, queue.name(), plan.crashBeforeAck())) {
      return false;
    }
    events.fault(
        BusEntries.FAULT_CRASH_BEFORE_ACK,
        queue.name(),
        message.messageId(),
        message.correlationId(),
        "handler succeeded, acknowledgement lost: redelivered after the visibility timeout");
    return true;
  }

  /** Stops the consumers of a deleted queue. */
  void closeAllOf(QueueEngine queue) {
    for (ConsumerLoop consumer : queue.consumers) {
      consumer.close();
    }
  }

  /** Stops every consumer. */
  void closeAll() {
    for (ConsumerLoop consumer : List.copyOf(running)) {
      consumer.close();
    }
  }
}
