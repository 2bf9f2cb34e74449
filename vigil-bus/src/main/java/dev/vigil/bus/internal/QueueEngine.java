package dev.vigil.bus.internal;

import dev.vigil.bus.BusException;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.QueueStats;
import dev.vigil.bus.QueuedMessage;
import dev.vigil.bus.QueuedMessage.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The state of one queue and the SQS rules that move a message through it: sent (visible or
 * delayed), received (in flight until its visibility timeout ends), deleted, dead-lettered after
 * {@code maxReceiveCount} receives, or expired after the retention period. Time is passed in, read
 * from the context's time source by the caller; every method holds the queue's lock.
 *
 * <p>Subclasses decide which visible messages a receive takes: any order for standard queues, group
 * by group for FIFO.
 */
abstract class QueueEngine {
  final QueueSpec spec;
  final long visibilityNanos;
  final long delayNanos;
  final long retentionNanos;
  final boolean redrive;

  /** Consumers to wake when messages may have become receivable. */
  final List<ConsumerLoop> consumers = new CopyOnWriteArrayList<>();

  /** Delayed and in-flight messages, by the moment they become visible. */
  private final TreeSet<StoredMessage> waiting = new TreeSet<>(StoredMessage.BY_VISIBLE_AT);

  /** The latest receipt handle of each message received and not yet deleted. */
  private final Map<String, StoredMessage> byHandle = new HashMap<>();

  private int visible;
  private int inFlight;
  private int delayed;

  /** When the broker's wake-up task for this queue is due; {@code Long.MAX_VALUE} for none. */
  private long scheduledWakeNanos = Long.MAX_VALUE;

  QueueEngine(QueueSpec spec) {
    this.spec = spec;
    this.visibilityNanos = spec.visibilityTimeout().toNanos();
    this.delayNanos = spec.delay().toNanos();
    this.retentionNanos = spec.retention().toNanos();
    this.redrive = spec.deadLetterQueue() != null;
  }

  static QueueEngine create(QueueSpec spec) {
    return spec.fifo() ? new FifoQueueEngine(spec) : new StandardQueueEngine(spec);
  }

  String name() {
    return spec.name();
  }

  // ---- what subclasses provide

  /** Called when a message joins the queue, in any state. */
  abstract void joined(StoredMessage message);

  /** Called when a message becomes visible. */
  abstract void becameVisible(StoredMessage message);

  /** Called when a message leaves the queue; its state is still the one it left in. */
  abstract void left(StoredMessage message);

  /** Takes up to {@code max} visible messages into {@code outcome}, by the queue's order. */
  abstract void select(int max, long visibility, long now, ReceiveOutcome outcome);

  /** Returns the messages in delivery order. */
  abstract List<StoredMessage> inDeliveryOrder();

  /** Forgets every message. */
  abstract void clearMessages();

  // ---- operations

  synchronized void add(StoredMessage message, long extraDelayNanos, long now) {
    long hold = delayNanos + extraDelayNanos;
    joined(message);
    if (hold > 0) {
      message.state = State.DELAYED;
      message.visibleAtNanos = now + hold;
      waiting.add(message);
      delayed++;
    } else {
      message.state = State.VISIBLE;
      visible++;
      becameVisible(message);
    }
  }

  synchronized ReceiveOutcome receive(int max, long visibility, long now) {
    ReceiveOutcome outcome = new ReceiveOutcome();
    promoteDue(now, outcome);
    select(max, visibility, now, outcome);
    return outcome;
  }

  /** Brings back what became visible by {@code now}: ended delays and visibility timeouts. */
  synchronized ReceiveOutcome promote(long now) {
    ReceiveOutcome outcome = new ReceiveOutcome();
    promoteDue(now, outcome);
    return outcome;
  }

  synchronized @Nullable StoredMessage delete(String receiptHandle) {
    StoredMessage message = byHandle.get(receiptHandle);
    if (message == null) {
      return null;
    }
    remove(message);
    return message;
  }

  synchronized StoredMessage changeVisibility(String receiptHandle, long timeout, long now) {
    StoredMessage message = byHandle.get(receiptHandle);
    if (message == null || message.state != State.IN_FLIGHT || message.visibleAtNanos <= now) {
      throw new BusException(
          "message is not in flight under receipt handle '"
              + receiptHandle
              + "' on queue '"
              + name()
              + "': it was deleted, received again since, or its visibility timeout ended");
    }
    waiting.remove(message);
    message.visibleAtNanos = now + timeout;
    waiting.add(message);
    return message;
  }

  synchronized int purge() {
    int count = visible + inFlight + delayed;
    waiting.clear();
    byHandle.clear();
    clearMessages();
    visible = 0;
    inFlight = 0;
    delayed = 0;
    return count;
  }

  synchronized QueueStats stats(long now, ReceiveOutcome outcome) {
    promoteDue(now, outcome);
    return new QueueStats(visible, inFlight, delayed);
  }

  synchronized List<QueuedMessage> peek(long now, ReceiveOutcome outcome) {
    promoteDue(now, outcome);
    List<QueuedMessage> view = new ArrayList<>();
    for (StoredMessage message : inDeliveryOrder()) {
      view.add(message.queued(name()));
    }
    return view;
  }

  /** Returns the next moment a message becomes visible on its own, or {@code Long.MAX_VALUE}. */
  synchronized long nextChangeNanos() {
    return waiting.isEmpty() ? Long.MAX_VALUE : waiting.first().visibleAtNanos;
  }

  /**
   * Claims the wake-up at {@code at} if it is earlier than the one already scheduled.
   *
   * @return {@code true} when the caller must schedule a wake-up at {@code at}
   */
  synchronized boolean claimWake(long at) {
    if (at >= scheduledWakeNanos) {
      return false;
    }
    scheduledWakeNanos = at;
    return true;
  }

  /** Marks the wake-up at {@code at} as run, so that later changes schedule their own. */
  synchronized void wakeRan(long at) {
    if (scheduledWakeNanos == at) {
      scheduledWakeNanos = Long.MAX_VALUE;
    }
  }

  // ---- transitions shared by both kinds of queue, called with the lock held

  /** Receives {@code message}: counts it and hides it for {@code visibility}. */
  final void deliver(StoredMessage message, long visibility, long now) {
    if (message.receiptHandle != null) {
      byHandle.remove(message.receiptHandle);
    }
    message.receiveCount++;
    message.receiptHandle = message.messageId + "/" + message.serial + "/" + message.receiveCount;
    byHandle.put(message.receiptHandle, message);
    visible--;
    inFlight++;
    message.state = State.IN_FLIGHT;
    message.visibleAtNanos = now + visibility;
    waiting.add(message);
  }

  /**
   * Decides what a receive does with a visible message it took: drop it when its retention ended,
   * move it out when it has used up its receives, or deliver it.
   *
   * @return {@code true} when delivered
   */
  final boolean considerVisible(
      StoredMessage message, long visibility, long now, ReceiveOutcome outcome) {
    if (now - message.sentNanos >= retentionNanos) {
      detachVisible(message);
      outcome.expired.add(message);
      return false;
    }
    if (redrive && message.receiveCount >= spec.maxReceiveCount()) {
      detachVisible(message);
      outcome.deadLettered.add(message);
      return false;
    }
    deliver(message, visibility, now);
    outcome.received.add(message.received(name()));
    return true;
  }

  /** Forgets a visible message that a subclass already took out of its own structure. */
  private void detachVisible(StoredMessage message) {
    visible--;
    if (message.receiptHandle != null) {
      byHandle.remove(message.receiptHandle);
    }
  }

  private void remove(StoredMessage message) {
    switch (message.state) {
      case VISIBLE -> visible--;
      case IN_FLIGHT -> {
        inFlight--;
        waiting.remove(message);
      }
      case DELAYED -> {
        delayed--;
        waiting.remove(message);
      }
    }
    if (message.receiptHandle != null) {
      byHandle.remove(message.receiptHandle);
    }
    left(message);
  }

  private void promoteDue(long now, ReceiveOutcome outcome) {
    while (!waiting.isEmpty() && waiting.first().visibleAtNanos <= now) {
      StoredMessage message = waiting.pollFirst();
      if (message.state == State.IN_FLIGHT) {
        inFlight--;
        outcome.retried.add(message.received(name()));
        returnedFromFlight(message);
      } else {
        delayed--;
      }
      message.state = State.VISIBLE;
      visible++;
      becameVisible(message);
    }
  }

  /** Returns the delayed and in-flight messages, by when they become visible. */
  final List<StoredMessage> waitingInOrder() {
    return new ArrayList<>(waiting);
  }

  /** Called when an in-flight message's visibility timeout ends, before it becomes visible. */
  void returnedFromFlight(StoredMessage message) {}

  @Override
  public String toString() {
    return name();
  }
}
