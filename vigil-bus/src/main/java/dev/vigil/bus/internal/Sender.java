package dev.vigil.bus.internal;

import dev.vigil.bus.BusEntries;
import dev.vigil.bus.BusException;
import dev.vigil.bus.FaultPlan;
import dev.vigil.bus.Message;
import dev.vigil.time.Signal;
import dev.vigil.time.TimeSource;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Puts messages on queues, whether sent directly or delivered by a topic: applies the SQS rules,
 * FIFO deduplication and the planned faults (duplicates, reordering, extra delay, publish
 * failures), records the send and wakes whoever may receive it.
 */
final class Sender {
  private final TimeSource time;
  private final Signal signal;
  private final BusEvents events;
  private final FaultInjector faults;
  private final MessageIds ids;
  private final Deduplication deduplication;
  private final AtomicLong serials;
  private final Topology topology;
  private final WakeUps wakeUps;

  Sender(Broker.Parts parts, WakeUps wakeUps) {
    this.time = parts.time();
    this.signal = parts.signal();
    this.events = parts.events();
    this.faults = parts.faults();
    this.ids = parts.ids();
    this.deduplication = parts.deduplication();
    this.serials = parts.serials();
    this.topology = parts.topology();
    this.wakeUps = wakeUps;
  }

  /** Sends to a queue; returns the SQS message id (the first one's, for a FIFO duplicate). */
  String send(String queueName, Message message) {
    Objects.requireNonNull(message, "message must not be null");
    QueueEngine queue = topology.queue(queueName);
    MessageRules.checkLimits(queueName, message);
    String correlationId = correlationOf(message);
    failIfPlanned(queueName, correlationId);
    return enqueue(queue, withCorrelation(message, correlationId), correlationId);
  }

  /** The message's own correlation id, else that of the message being handled on this thread. */
  static @Nullable String correlationOf(Message message) {
    String own = message.correlationId();
    return own != null ? own : HandlingContext.correlationId();
  }

  /** Returns the message carrying {@code correlationId}, when it has one. */
  static Message withCorrelation(Message message, @Nullable String correlationId) {
    if (correlationId == null || correlationId.equals(message.correlationId())) {
      return message;
    }
    return message.withCorrelationId(correlationId);
  }

  /** Throws when the fault plan of {@code target} makes this publish or send fail. */
  void failIfPlanned(String target, @Nullable String correlationId) {
    FaultPlan plan = faults.planFor(target);
    if (faults.strikes(BusEntries.FAULT_PUBLISH_FAILURE, target, plan.publishFailures())) {
      events.fault(
          BusEntries.FAULT_PUBLISH_FAILURE,
          target,
          null,
          correlationId,
          "publish failed on purpose");
      throw new BusException(
          "publish to '" + target + "' failed: injected by the fault plan (nothing was enqueued)");
    }
  }

  /** Enqueues a checked message; returns its id, or the first one's for a FIFO duplicate. */
  String enqueue(QueueEngine queue, Message message, @Nullable String correlationId) {
    MessageRules.checkFifoRules(queue, message);
    long now = time.nanoTime();
    String messageId = ids.next();
    if (queue.fifo) {
      String deduplicationId = MessageRules.deduplicationIdOf(queue, message);
      String first = deduplication.firstOrRemember(queue.name(), deduplicationId, messageId, now);
      if (first != null) {
        events.deduplicated(queue.name(), deduplicationId, first, correlationId);
        return first;
      }
    }
    FaultPlan plan = faults.planFor(queue.name());
    StoredMessage stored = store(queue, messageId, message, correlationId, now, plan);
    long messageDelay = message.delay().toNanos();
    long faultDelay = extraDelay(queue, stored, plan);
    // Recorded before the message is in the queue: a consumer on another thread may receive it
    // at once, and its receipt must not come before the send on the timeline.
    events.sent(queue, stored);
    long wakeAt = queue.add(stored, messageDelay, faultDelay, now);
    if (!queue.fifo
        && faults.strikes(BusEntries.FAULT_DUPLICATE, queue.name(), plan.duplicates())) {
      StoredMessage twin = store(queue, messageId, message, correlationId, now, plan);
      events.fault(
          BusEntries.FAULT_DUPLICATE,
          queue.name(),
          messageId,
          correlationId,
          "message enqueued twice");
      wakeAt = Math.min(wakeAt, queue.add(twin, messageDelay, faultDelay, now));
    }
    // The entry above woke waiters before the message could be received: wake them again now
    // that it can, or a long poll that looked in between would sleep through it.
    signal.pulse();
    wakeUps.schedule(queue, wakeAt);
    wakeUps.notifyConsumers(queue);
    return messageId;
  }

  private StoredMessage store(
      QueueEngine queue,
      String messageId,
      Message message,
      @Nullable String correlationId,
      long now,
      FaultPlan plan) {
    long serial = serials.incrementAndGet();
    // Serials grow, so they serve as the FIFO sequence numbers SQS hands out.
    String sequenceNumber = queue.fifo ? String.format("%020d", serial) : null;
    StoredMessage stored =
        new StoredMessage(
            queue.name(),
            messageId,
            message.body(),
            message.attributes(),
            correlationId,
            message.groupId(),
            sequenceNumber,
            time.instant(),
            now,
            serial);
    if (plan.reorderWindow() > 0 && !queue.fifo) {
      stored.overtake = (int) faults.draw(plan.reorderWindow() + 1L);
      if (stored.overtake > 0) {
        events.fault(
            BusEntries.FAULT_REORDER,
            queue.name(),
            messageId,
            correlationId,
            "may overtake up to " + stored.overtake + " earlier messages");
      }
    }
    return stored;
  }

  private long extraDelay(QueueEngine queue, StoredMessage stored, FaultPlan plan) {
    long max = plan.maxDelay().toNanos();
    if (max == 0) {
      return 0;
    }
    long min = plan.minDelay().toNanos();
    long delay = min + faults.draw(max - min + 1);
    events.fault(
        BusEntries.FAULT_DELAY,
        queue.name(),
        stored.messageId,
        stored.correlationId,
        "delivery delayed by " + Duration.ofNanos(delay));
    return delay;
  }
}
