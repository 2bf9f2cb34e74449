package dev.vigil.bus.internal;

import dev.vigil.bus.QueueStats;
import dev.vigil.bus.QueuedMessage;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.time.Signal;
import dev.vigil.time.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Takes messages off queues and acknowledges them: receives (long polling on the context's time),
 * deletes one by one or a consumer's batch at once, changes visibility, and looks at a queue's
 * counts and messages — each pass reported through {@link WakeUps}.
 */
final class Receiver {
  private final TimeSource time;
  private final Signal signal;
  private final BusEvents events;
  private final Topology topology;
  private final WakeUps wakeUps;

  Receiver(Broker.Parts parts, WakeUps wakeUps) {
    this.time = parts.time();
    this.signal = parts.signal();
    this.events = parts.events();
    this.topology = parts.topology();
    this.wakeUps = wakeUps;
  }

  /** Receives, waiting up to the request's (or queue's) wait time for a first message. */
  List<ReceivedMessage> receive(String queueName, Receive request) {
    Objects.requireNonNull(request, "request must not be null");
    QueueEngine queue = topology.queue(queueName);
    long visibility = visibilityOf(queue, request.visibilityTimeout());
    Duration wait = request.waitTime() != null ? request.waitTime() : queue.spec.receiveWaitTime();
    long deadline = time.nanoTime() + wait.toNanos();
    while (true) {
      long seen = signal.version();
      List<ReceivedMessage> batch = receiveNow(queue, request.maxMessages(), visibility);
      long now = time.nanoTime();
      if (!batch.isEmpty() || now >= deadline) {
        return batch;
      }
      long wakeAt = Math.min(deadline, queue.nextChangeNanos());
      try {
        time.awaitChange(signal, seen, wakeAt);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return List.of();
      }
    }
  }

  /** Receives what is visible now, without waiting. */
  List<ReceivedMessage> receiveNow(QueueEngine queue, int max, long visibility) {
    ReceiveOutcome outcome = queue.receive(max, visibility, time.nanoTime());
    wakeUps.report(queue, outcome);
    return outcome.received;
  }

  /** Returns the visibility timeout a receive uses, in nanoseconds: its own, else the queue's. */
  static long visibilityOf(QueueEngine queue, @Nullable Duration override) {
    return override != null ? override.toNanos() : queue.visibilityNanos;
  }

  /** Deletes by receipt handle; {@code false} when the handle is stale or unknown. */
  boolean delete(String queueName, String receiptHandle) {
    QueueEngine queue = topology.queue(queueName);
    Objects.requireNonNull(receiptHandle, "receiptHandle must not be null");
    StoredMessage deleted = queue.delete(receiptHandle);
    if (deleted == null) {
      events.deleteIgnored(queue.name(), receiptHandle);
      return false;
    }
    events.acknowledged(queue, deleted);
    if (queue.fifo) {
      wakeUps.notifyConsumers(queue); // the message's group may give out its next message now
    }
    return true;
  }

  /**
   * Deletes a consumer's batch of receipts under one lock, as SQS's DeleteMessageBatch does.
   *
   * @return how many were deleted
   */
  int deleteAll(QueueEngine queue, List<String> receiptHandles) {
    if (receiptHandles.isEmpty()) {
      return 0;
    }
    List<@Nullable StoredMessage> results = queue.deleteAll(receiptHandles);
    List<StoredMessage> deleted = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      StoredMessage message = results.get(i);
      if (message == null) {
        events.deleteIgnored(queue.name(), receiptHandles.get(i));
      } else {
        deleted.add(message);
      }
    }
    events.acknowledged(queue, deleted);
    if (queue.fifo) {
      wakeUps.notifyConsumers(queue); // the messages' groups may give out their next messages now
    }
    return deleted.size();
  }

  /** Changes an in-flight message's visibility timeout, counted from now. */
  void changeVisibility(String queueName, String receiptHandle, Duration timeout) {
    QueueEngine queue = topology.queue(queueName);
    Objects.requireNonNull(receiptHandle, "receiptHandle must not be null");
    SqsLimits.checkRange("timeout", timeout, SqsLimits.MAX_VISIBILITY);
    StoredMessage message =
        queue.changeVisibility(receiptHandle, timeout.toNanos(), time.nanoTime());
    events.visibilityChanged(queueName, message, timeout.toString());
    wakeUps.schedule(queue, queue.claimNextWake());
  }

  /** Returns a queue's counts by state. */
  QueueStats stats(String queueName) {
    QueueEngine queue = topology.queue(queueName);
    ReceiveOutcome outcome = new ReceiveOutcome();
    QueueStats stats = queue.stats(time.nanoTime(), outcome);
    wakeUps.report(queue, outcome);
    return stats;
  }

  /** Returns a queue's messages without receiving them. */
  List<QueuedMessage> peek(String queueName) {
    QueueEngine queue = topology.queue(queueName);
    ReceiveOutcome outcome = new ReceiveOutcome();
    List<QueuedMessage> messages = queue.peek(time.nanoTime(), outcome);
    wakeUps.report(queue, outcome);
    return messages;
  }
}
