package dev.vigil.bus;

import static dev.vigil.bus.RunJournal.entriesOfType;

import dev.vigil.bus.BusModel.Copy;
import dev.vigil.bus.BusModel.QueueModel;
import dev.vigil.bus.BusModel.Receipt;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The consumer of a run: receives, deletes, changes visibility and crashes, holding the receipts it
 * got, and checks each answer of the bus against the model before applying it.
 */
final class RunConsumer {
  private final Bus bus;
  private final BusModel model;
  private final RunJournal journal;
  private final QueueChecks checks;
  private final List<Receipt> held = new ArrayList<>();
  private final List<Receipt> everSeen = new ArrayList<>();
  private final Set<String> handlesSeen = new HashSet<>();

  RunConsumer(Bus bus, BusModel model, RunJournal journal, QueueChecks checks) {
    this.bus = bus;
    this.model = model;
    this.journal = journal;
    this.checks = checks;
  }

  List<Receipt> receive(
      QueueModel queue, int max, @Nullable Integer visibilitySeconds, int waitSeconds) {
    long start = journal.now();
    long visibility =
        visibilitySeconds == null
            ? queue.visibilityNanos
            : Duration.ofSeconds(visibilitySeconds).toNanos();
    boolean readyAtStart = somethingReceivable(queue, start);
    Receive request = Receive.upTo(max).waitingUpTo(Duration.ofSeconds(waitSeconds));
    if (visibilitySeconds != null) {
      request = request.withVisibilityTimeout(Duration.ofSeconds(visibilitySeconds));
    }
    List<ReceivedMessage> batch = bus.receive(queue.name, request);
    // A long poll lets time pass; the model changes only below, so it still shows the queue as it
    // was just before the receive took its batch.
    long now = journal.now();
    checkLongPoll(queue, waitSeconds, start, now, readyAtStart, batch.isEmpty());
    Map<String, List<Copy>> groupsBefore = queue.fifo ? queue.groups() : Map.of();
    Set<String> busyGroups = new HashSet<>();
    groupsBefore.forEach(
        (group, copies) -> {
          if (copies.stream().anyMatch(c -> c.inFlight(now))) {
            busyGroups.add(group);
          }
        });
    journal.check(
        batch.size() <= max, "receive", () -> batch.size() + " messages for a batch of " + max);
    // Dead letters are taken out before the receipts: a copy the receive dead-lettered was
    // receivable at maxReceiveCount, never one this receive delivered.
    List<Copy> deadLettered = model.applyDeadLetters(journal.freshEntries(), journal);
    Set<Copy> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Copy> takenInOrder = new ArrayList<>();
    List<Receipt> receipts = new ArrayList<>();
    for (ReceivedMessage message : batch) {
      Copy copy = applyReceipt(queue, message, visibility, now, taken);
      taken.add(copy);
      takenInOrder.add(copy);
      receipts.add(
          new Receipt(
              queue.name, message.messageId(), message.receiveCount(), message.receiptHandle()));
    }
    held.addAll(receipts);
    everSeen.addAll(receipts);
    if (queue.fifo) {
      checks.checkFifoOrder(groupsBefore, busyGroups, deadLettered, takenInOrder, now);
    }
    if (batch.size() < max) {
      checks.checkNothingLeftBehind(queue, max, batch.size(), busyGroups, taken, now);
    }
    return receipts;
  }

  /** Whether a receive now surely delivers something (rather than dead-letter it). */
  private static boolean somethingReceivable(QueueModel queue, long now) {
    if (!queue.fifo) {
      return queue.copies.stream()
          .anyMatch(c -> c.surelyReceivable(now) && c.receiveCount < queue.maxReceiveCount);
    }
    return queue.groups().values().stream()
        .anyMatch(
            copies ->
                copies.stream().noneMatch(c -> c.inFlight(now))
                    && copies.get(0).surelyReceivable(now)
                    && copies.get(0).receiveCount < queue.maxReceiveCount);
  }

  /** A long poll returns at once when a message is there, and empty only at its end. */
  private void checkLongPoll(
      QueueModel queue, int waitSeconds, long start, long now, boolean ready, boolean empty) {
    long waited = now - start;
    long wait = Duration.ofSeconds(waitSeconds).toNanos();
    journal.check(
        ready ? waited == 0 && !empty : empty ? waited == wait : waited <= wait,
        "long poll",
        () ->
            "a receive from "
                + queue.name
                + " waiting up to "
                + waitSeconds
                + "s returned "
                + (empty ? "nothing" : "messages")
                + " after "
                + Duration.ofNanos(waited)
                + (ready ? ", though a message was receivable at once" : ""));
    if (waited > 0) {
      journal.reached("long poll waited");
    }
  }

  private Copy applyReceipt(
      QueueModel queue, ReceivedMessage message, long visibility, long now, Set<Copy> taken) {
    int count = message.receiveCount();
    journal.check(
        message.queue().equals(queue.name),
        "receive",
        () -> "received from " + queue.name + " a message of " + message.queue());
    journal.check(
        count >= 1 && count <= queue.maxReceiveCount,
        "maxReceiveCount",
        () ->
            message.messageId()
                + " was received with receiveCount "
                + count
                + "; maxReceiveCount of "
                + queue.name
                + " is "
                + queue.maxReceiveCount);
    journal.check(
        handlesSeen.add(message.receiptHandle()),
        "receive",
        () -> "receipt handle " + message.receiptHandle() + " was handed out twice");
    List<Copy> candidates =
        queue.copiesOf(message.messageId()).stream()
            .filter(c -> !taken.contains(c))
            .filter(c -> c.receiveCount == count - 1 && c.mayBeReceivable(now))
            .toList();
    journal.check(
        !candidates.isEmpty(),
        "conservation",
        () ->
            message.messageId()
                + " was received with receiveCount "
                + count
                + ", but no copy of it could be received now; its copies: "
                + queue.copiesOf(message.messageId()));
    Copy copy = candidates.get(0);
    journal.check(
        copy.body.equals(message.body()),
        "conservation",
        () -> "received body " + message.body() + " for " + copy);
    journal.check(
        !queue.fifo
            || (String.valueOf(copy.groupId).equals(message.groupId())
                && message.sequenceNumber() != null),
        "FIFO order",
        () -> "received " + message + " for " + copy);
    if (candidates.size() > 1) {
      // Twins in the same state: whichever one the bus took, the other may hold either handle.
      candidates.get(1).handles.addAll(copy.handles);
    }
    if (queue.fifo && count > 1) {
      journal.reached("FIFO redelivered");
    }
    copy.handles = new HashSet<>(Set.of(message.receiptHandle()));
    copy.receiveCount = count;
    copy.visibleAtNanos = now + visibility;
    return copy;
  }

  /**
   * Deletes a held receipt or, when {@code stale}, any receipt ever seen; none if there is none.
   */
  void deletePicked(int pick, boolean stale) {
    List<Receipt> from = stale && !everSeen.isEmpty() ? everSeen : held;
    if (!from.isEmpty()) {
      delete(from.get(Math.floorMod(pick, from.size())));
    }
  }

  void delete(Receipt receipt) {
    QueueModel queue = model.queue(receipt.queue());
    Copy holder = queue.holderOf(receipt.handle());
    // null: a duplicate's handle the model cannot pin down; either outcome is consistent
    @Nullable Boolean expected =
        holder == null ? Boolean.FALSE : holder.handles.size() == 1 ? Boolean.TRUE : null;
    boolean deleted = bus.delete(queue.name, receipt.handle());
    List<TimelineEntry> fresh = journal.freshEntries();
    model.applyDeadLetters(fresh, journal);
    journal.check(
        expected == null || expected == deleted,
        "conservation",
        () ->
            "delete of "
                + receipt
                + " returned "
                + deleted
                + (holder == null
                    ? ", but the handle is stale: its copy was received again or left the queue"
                    : ", but it is the latest receipt of " + holder + ", still queued"));
    held.remove(receipt);
    if (deleted) {
      queue.copies.remove(holder);
      queue.ledger(receipt.messageId()).acknowledged++;
      journal.check(
          entriesOfType(fresh, "ack " + queue.name).size() == 1,
          "conservation",
          () -> "an acknowledgement must be on the timeline, recorded " + fresh);
    } else {
      journal.reached("stale delete ignored");
      if (holder != null) {
        holder.handles.remove(receipt.handle());
      }
    }
  }

  /** Changes the visibility timeout of a held receipt; nothing if the consumer holds none. */
  void changeVisibilityOfPicked(int pick, int seconds) {
    if (!held.isEmpty()) {
      changeVisibility(held.get(Math.floorMod(pick, held.size())), seconds);
    }
  }

  private void changeVisibility(Receipt receipt, int seconds) {
    QueueModel queue = model.queue(receipt.queue());
    Copy holder = queue.holderOf(receipt.handle());
    long now = journal.now();
    boolean mayChange = holder != null && holder.inFlight(now);
    boolean mustChange = mayChange && holder.handles.size() == 1;
    boolean changed;
    try {
      bus.changeVisibility(queue.name, receipt.handle(), Duration.ofSeconds(seconds));
      changed = true;
    } catch (BusException notInFlight) {
      changed = false;
    }
    model.applyDeadLetters(journal.freshEntries(), journal);
    boolean result = changed;
    journal.check(
        result ? mayChange : !mustChange,
        "conservation",
        () ->
            "changeVisibility of "
                + receipt
                + (result ? " succeeded" : " failed")
                + "; the model's copy is "
                + holder
                + (holder != null && holder.inFlight(now) ? ", in flight" : ", not in flight"));
    if (changed) {
      journal.reached("visibility changed");
      holder.handles = new HashSet<>(Set.of(receipt.handle()));
      holder.visibleAtNanos = now + Duration.ofSeconds(seconds).toNanos();
    }
  }

  /** The consumer dies: it forgets every receipt it holds without deleting. */
  void crash() {
    held.clear();
  }
}
