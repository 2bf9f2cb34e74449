package dev.vigil.bus.internal;

import dev.vigil.bus.ReceivedMessage;
import dev.vigil.time.Signal;
import dev.vigil.time.TimeSource;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What follows a pass over a queue: records what it found (receipts, retries, expiries), moves dead
 * letters to their dead-letter queue, schedules the wake-ups that make delayed and timed-out
 * messages visible on time, and wakes the queue's consumers and the context's waits.
 */
final class WakeUps {
  private final TimeSource time;
  private final Signal signal;
  private final BusEvents events;
  private final Topology topology;
  private final AtomicLong serials;

  WakeUps(TimeSource time, Signal signal, BusEvents events, Topology topology, AtomicLong serials) {
    this.time = time;
    this.signal = signal;
    this.events = events;
    this.topology = topology;
    this.serials = serials;
  }

  /**
   * Records what a pass over a queue found: receipts, retries, expiries, and dead letters, which
   * move to the dead-letter queue here, after the source queue's lock is released.
   */
  void report(QueueEngine queue, ReceiveOutcome outcome) {
    if (!outcome.somethingHappened()) {
      return;
    }
    for (ReceivedMessage message : outcome.retried) {
      events.retried(queue, message);
    }
    for (StoredMessage message : outcome.expired) {
      events.expired(queue.name(), message);
    }
    if (!outcome.received.isEmpty()) {
      events.received(queue, outcome.received);
    }
    for (StoredMessage message : outcome.deadLettered) {
      moveToDeadLetterQueue(queue, message);
    }
    schedule(queue, outcome.wakeAt);
    if (outcome.promoted > 0) {
      notifyConsumers(queue);
    }
  }

  private void moveToDeadLetterQueue(QueueEngine from, StoredMessage message) {
    String target = Objects.requireNonNull(from.spec.deadLetterQueue());
    // Topology refuses to delete a queue that another queue dead-letters into.
    QueueEngine deadLetters = topology.queue(target);
    events.deadLettered(from.name(), target, message);
    StoredMessage moved = message.movedTo(target, serials.incrementAndGet());
    schedule(deadLetters, deadLetters.add(moved, 0, 0, time.nanoTime()));
    signal.pulse(); // the entry above came first; the message is receivable only now
    notifyConsumers(deadLetters);
  }

  /** Schedules the wake-up a queue claimed, if it claimed one. */
  void schedule(QueueEngine queue, long at) {
    if (at == Long.MAX_VALUE) {
      return;
    }
    long delay = Math.max(0, at - time.nanoTime());
    try {
      // Nobody waits on a wake-up: it reports what it finds on the timeline itself.
      var unused = time.scheduler().schedule(() -> wake(queue, at), delay, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closed) {
      queue.unclaimWake(at); // the context is closing; nothing will run again
    }
  }

  /** Runs when a delay or visibility timeout ends: brings messages back and wakes waiters. */
  private void wake(QueueEngine queue, long at) {
    if (!topology.isCurrent(queue)) {
      return; // deleted
    }
    ReceiveOutcome outcome = queue.wake(at, time.nanoTime());
    report(queue, outcome);
    if (outcome.promoted > 0) {
      signal.pulse(); // an ended delay records nothing, yet a waiting receive must look again
    }
  }

  /** Tells a queue's consumers that messages may be receivable. */
  void notifyConsumers(QueueEngine queue) {
    for (ConsumerLoop consumer : queue.consumers) {
      consumer.wake();
    }
  }
}
