package dev.vigil.bus.internal;

import dev.vigil.bus.BusEntries;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The state of one queue and the SQS rules that move a message through it: sent (visible or
 * delayed), received (in flight until its visibility timeout ends), deleted, dead-lettered after
 * {@code maxReceiveCount} receives, or expired after the retention period. Time is passed in, read
 * from the context's time source by the caller. Every method holds the queue's lock except a plain
 * send to a standard queue, which goes through a lock-free inbox drained by the next lock holder.
 *
 * <p>Subclasses decide which visible messages a receive takes: arrival order for standard queues,
 * group by group for FIFO.
 */
abstract class QueueEngine {
  final QueueSpec spec;

  /** Whether this is a FIFO queue, asked on every send: kept rather than read off the name. */
  final boolean fifo;

  final long visibilityNanos;
  final long delayNanos;
  final long retentionNanos;
  final boolean redrive;

  /** Timeline entry types about this queue, made once rather than per message. */
  final String sendType;

  final String receiveType;
  final String ackType;
  final String retryType;

  /** Consumers to wake when messages may have become receivable. */
  final List<ConsumerLoop> consumers = new CopyOnWriteArrayList<>();

  /**
   * Messages sent to a standard queue without a delay, not yet taken in under the lock: a sender
   * only appends here, so senders and receivers do not contend for the lock. Whoever next holds the
   * lock drains it, before looking at anything else.
   */
  private final ConcurrentLinkedQueue<StoredMessage> inbox = new ConcurrentLinkedQueue<>();

  /** Delayed and in-flight messages, by the moment they become visible. */
  private final TreeSet<StoredMessage> waiting = new TreeSet<>(StoredMessage.BY_VISIBLE_AT);

  /**
   * In-flight messages whose visibility ends in receipt order: the fast path of {@link #waiting}.
   */
  private final FlightLog flights = new FlightLog();

  /** The latest receipt handle of each message received and not yet deleted. */
  private final Map<String, StoredMessage> byHandle = new HashMap<>();

  private int visible;
  private int inFlight;
  private int delayed;

  /** When the broker's wake-up task for this queue is due; {@code Long.MAX_VALUE} for none. */
  private long scheduledWakeNanos = Long.MAX_VALUE;

  QueueEngine(QueueSpec spec) {
    this.spec = spec;
    this.fifo = spec.fifo();
    this.visibilityNanos = spec.visibilityTimeout().toNanos();
    this.delayNanos = spec.delay().toNanos();
    this.retentionNanos = spec.retention().toNanos();
    this.redrive = spec.deadLetterQueue() != null;
    this.sendType = BusEntries.send(spec.name());
    this.receiveType = BusEntries.receive(spec.name());
    this.ackType = BusEntries.ack(spec.name());
    this.retryType = BusEntries.retry(spec.name());
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

  /**
   * Adds a message, visible at once or after its delay: its own delay when it has one, which
   * replaces the queue's as in SQS, otherwise the queue's; plus any delay a fault adds.
   *
   * @return the moment to schedule a wake-up at, or {@code Long.MAX_VALUE} for none
   */
  long add(StoredMessage message, long messageDelayNanos, long faultDelayNanos, long now) {
    long hold = (messageDelayNanos > 0 ? messageDelayNanos : delayNanos) + faultDelayNanos;
    if (hold <= 0 && !fifo) {
      message.state = State.VISIBLE;
      inbox.offer(message);
      return Long.MAX_VALUE;
    }
    synchronized (this) {
      drainInbox();
      return addLocked(message, hold, now);
    }
  }

  private long addLocked(StoredMessage message, long hold, long now) {
    joined(message);
    if (hold <= 0) {
      message.state = State.VISIBLE;
      visible++;
      becameVisible(message);
      return Long.MAX_VALUE;
    }
    message.state = State.DELAYED;
    message.visibleAtNanos = now + hold;
    waiting.add(message);
    delayed++;
    return claimNextWake();
  }

  /** Takes in what senders appended to the inbox, in the order they appended it. */
  private void drainInbox() {
    StoredMessage message;
    while ((message = inbox.poll()) != null) {
      joined(message);
      visible++;
      becameVisible(message);
    }
  }

  synchronized ReceiveOutcome receive(int max, long visibility, long now) {
    drainInbox();
    ReceiveOutcome outcome = new ReceiveOutcome();
    promoteDue(now, outcome);
    select(max, visibility, now, outcome);
    if (!outcome.received.isEmpty()) {
      outcome.wakeAt = claimNextWake();
    }
    return outcome;
  }

  /**
   * Runs the wake-up scheduled for {@code at}: brings back what became visible by {@code now} and
   * claims the next wake-up.
   */
  synchronized ReceiveOutcome wake(long at, long now) {
    if (scheduledWakeNanos == at) {
      scheduledWakeNanos = Long.MAX_VALUE;
    }
    drainInbox();
    ReceiveOutcome outcome = new ReceiveOutcome();
    promoteDue(now, outcome);
    outcome.wakeAt = claimNextWake();
    return outcome;
  }

  /** Deletes several receipts under one lock; a stale or unknown handle gives {@code null}. */
  synchronized List<@Nullable StoredMessage> deleteAll(List<String> receiptHandles) {
    List<@Nullable StoredMessage> deleted = new ArrayList<>(receiptHandles.size());
    for (String receiptHandle : receiptHandles) {
      deleted.add(delete(receiptHandle));
    }
    return deleted;
  }

  synchronized @Nullable StoredMessage delete(String receiptHandle) {
    drainInbox();
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
    stopWaiting(message);
    message.visibleAtNanos = now + timeout;
    waiting.add(message);
    return message;
  }

  synchronized int purge() {
    drainInbox();
    int count = visible + inFlight + delayed;
    waiting.clear();
    flights.clear();
    byHandle.clear();
    clearMessages();
    visible = 0;
    inFlight = 0;
    delayed = 0;
    return count;
  }

  synchronized QueueStats stats(long now, ReceiveOutcome outcome) {
    drainInbox();
    promoteDue(now, outcome);
    return new QueueStats(visible, inFlight, delayed);
  }

  synchronized List<QueuedMessage> peek(long now, ReceiveOutcome outcome) {
    drainInbox();
    promoteDue(now, outcome);
    List<QueuedMessage> view = new ArrayList<>();
    for (StoredMessage message : inDeliveryOrder()) {
      view.add(message.queued(name()));
    }
    return view;
  }

  /** Returns the next moment a message becomes visible on its own, or {@code Long.MAX_VALUE}. */
  synchronized long nextChangeNanos() {
    return nextVisibleAt();
  }

  private long nextVisibleAt() {
    StoredMessage flight = flights.first();
    long next = waiting.isEmpty() ? Long.MAX_VALUE : waiting.first().visibleAtNanos;
    return flight == null ? next : Math.min(next, flight.visibleAtNanos);
  }

  /** Takes a delayed or in-flight message out of whichever structure tracks its deadline. */
  private void stopWaiting(StoredMessage message) {
    if (message.inFlightLog) {
      flights.left(message);
    } else {
      waiting.remove(message);
    }
  }

  /**
   * Claims a wake-up at the next moment a message becomes visible, unless one is scheduled that
   * early already: one pending wake-up per queue, however many messages are in flight.
   *
   * @return the moment the caller must schedule a wake-up at, or {@code Long.MAX_VALUE} for none
   */
  synchronized long claimNextWake() {
    long next = nextVisibleAt();
    if (next >= scheduledWakeNanos) {
      return Long.MAX_VALUE;
    }
    scheduledWakeNanos = next;
    return next;
  }

  /** Forgets a claimed wake-up that could not be scheduled, so that a later change retries. */
  synchronized void unclaimWake(long at) {
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
    message.receiptHandle = message.receiptHandle(message.receiveCount);
    byHandle.put(message.receiptHandle, message);
    visible--;
    inFlight++;
    message.state = State.IN_FLIGHT;
    message.visibleAtNanos = now + visibility;
    if (flights.fitsAtTail(message.visibleAtNanos)) {
      flights.append(message);
    } else {
      waiting.add(message);
    }
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
        stopWaiting(message);
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
    while (true) {
      StoredMessage flight = flights.first();
      StoredMessage other = waiting.isEmpty() ? null : waiting.first();
      boolean flightFirst =
          flight != null && (other == null || flight.visibleAtNanos <= other.visibleAtNanos);
      StoredMessage next = flightFirst ? flight : other;
      if (next == null || next.visibleAtNanos > now) {
        return;
      }
      StoredMessage message = flightFirst ? flights.pollFirst() : waiting.pollFirst();
      if (message.state == State.IN_FLIGHT) {
        inFlight--;
        outcome.retried.add(message.received(name()));
        returnedFromFlight(message);
      } else {
        delayed--;
      }
      outcome.promoted++;
      message.state = State.VISIBLE;
      visible++;
      becameVisible(message);
    }
  }

  /** Returns the delayed and in-flight messages, by when they become visible. */
  final List<StoredMessage> waitingInOrder() {
    List<StoredMessage> ordered = new ArrayList<>(waiting);
    ordered.addAll(flights.liveInOrder());
    ordered.sort(StoredMessage.BY_VISIBLE_AT);
    return ordered;
  }

  /** Called when an in-flight message's visibility timeout ends, before it becomes visible. */
  void returnedFromFlight(StoredMessage message) {}

  @Override
  public String toString() {
    return name();
  }
}
