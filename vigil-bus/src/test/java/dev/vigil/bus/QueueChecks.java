package dev.vigil.bus;

import dev.vigil.bus.BusModel.Copy;
import dev.vigil.bus.BusModel.Ledger;
import dev.vigil.bus.BusModel.QueueModel;
import dev.vigil.bus.QueuedMessage.State;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks that compare the bus's queues with the model as a whole: every queue after every step,
 * and the FIFO order and completeness of every receive.
 */
final class QueueChecks {
  private final Bus bus;
  private final BusModel model;
  private final RunJournal journal;
  private final Map<String, Long> lastFirstReceipt = new HashMap<>();

  QueueChecks(Bus bus, BusModel model, RunJournal journal) {
    this.bus = bus;
    this.model = model;
    this.journal = journal;
  }

  /** Compares every queue with the model: counts, states, receive counts and FIFO order. */
  void checkEveryQueue() {
    long now = journal.now();
    for (QueueModel queue : model.queues()) {
      QueueStats stats = bus.stats(queue.name);
      // Peek and stats only bring back messages whose delay or timeout ended (their "retry"
      // entries are read with the next step's), so the timeline need not be scanned here.
      List<QueuedMessage> peeked = bus.peek(queue.name);
      int[] byState = new int[State.values().length];
      peeked.forEach(m -> byState[m.state().ordinal()]++);
      journal.check(
          stats.equals(
              new QueueStats(
                  byState[State.VISIBLE.ordinal()],
                  byState[State.IN_FLIGHT.ordinal()],
                  byState[State.DELAYED.ordinal()])),
          "conservation",
          () -> "stats of " + queue.name + " are " + stats + " but peek shows " + peeked);
      Map<String, List<QueuedMessage>> byId =
          peeked.stream()
              .collect(
                  Collectors.groupingBy(
                      QueuedMessage::messageId, LinkedHashMap::new, Collectors.toList()));
      Map<String, List<Copy>> modelById =
          queue.copies.stream()
              .collect(Collectors.groupingBy(c -> c.messageId, HashMap::new, Collectors.toList()));
      Set<String> ids = new LinkedHashSet<>(queue.ledgers.keySet());
      ids.addAll(byId.keySet());
      Map<QueuedMessage, Copy> matched = new IdentityHashMap<>();
      for (String id : ids) {
        List<QueuedMessage> present = byId.getOrDefault(id, List.of());
        Ledger ledger = queue.ledgers.getOrDefault(id, new Ledger());
        journal.check(
            ledger.expectedInQueue() == present.size(),
            "conservation",
            () ->
                id
                    + " on "
                    + queue.name
                    + " was "
                    + ledger
                    + ", so "
                    + ledger.expectedInQueue()
                    + " copies should remain, but the queue holds "
                    + present);
        List<Copy> unmatched = new ArrayList<>(modelById.getOrDefault(id, List.of()));
        for (QueuedMessage message : present) {
          Copy copy =
              unmatched.stream()
                  .filter(c -> c.receiveCount == message.receiveCount())
                  .filter(c -> c.allowedStates(now).contains(message.state()))
                  .findFirst()
                  .orElse(null);
          journal.check(
              copy != null && copy.body.equals(message.body()),
              "conservation",
              () ->
                  id
                      + " on "
                      + queue.name
                      + " is "
                      + message.state()
                      + " after "
                      + message.receiveCount()
                      + " receives; the model expects "
                      + describe(queue.copiesOf(id), now));
          unmatched.remove(copy);
          matched.put(message, copy);
        }
      }
      if (queue.maxReceiveCount > 0) {
        peeked.forEach(
            m ->
                journal.check(
                    m.receiveCount() <= queue.maxReceiveCount,
                    "maxReceiveCount",
                    () ->
                        m.messageId()
                            + " sits on "
                            + queue.name
                            + " after "
                            + m.receiveCount()
                            + " receives"));
      }
      if (queue.fifo) {
        Map<String, Long> lastOrder = new HashMap<>();
        Map<String, String> lastSequence = new HashMap<>();
        for (QueuedMessage message : peeked) {
          long order = matched.get(message).sendOrder;
          String group = String.valueOf(message.groupId());
          Long before = lastOrder.put(group, order);
          String sequenceBefore = lastSequence.put(group, message.sequenceNumber());
          journal.check(
              (before == null || before < order)
                  && message.sequenceNumber() != null
                  && (sequenceBefore == null
                      || sequenceBefore.compareTo(message.sequenceNumber()) < 0),
              "FIFO order",
              () ->
                  "peek of "
                      + queue.name
                      + " lists group "
                      + group
                      + " out of send order: "
                      + peeked);
        }
      }
    }
  }

  /**
   * Checks a receive of a FIFO queue against the groups as they were before it: no group gave out a
   * message while one of its messages was in flight, and what a group gave out or dead-lettered is
   * its head, in send order.
   */
  void checkFifoOrder(
      Map<String, List<Copy>> groupsBefore,
      Set<String> busyGroups,
      List<Copy> deadLettered,
      List<Copy> taken,
      long now) {
    Set<Copy> consumed = Collections.newSetFromMap(new IdentityHashMap<>());
    consumed.addAll(deadLettered);
    consumed.addAll(taken);
    Set<String> touched = new LinkedHashSet<>();
    consumed.forEach(c -> touched.add(String.valueOf(c.groupId)));
    for (String group : touched) {
      List<Copy> before = groupsBefore.getOrDefault(group, List.of());
      List<Copy> mine =
          consumed.stream().filter(c -> group.equals(String.valueOf(c.groupId))).toList();
      journal.check(
          !busyGroups.contains(group),
          "FIFO order",
          () ->
              "group "
                  + group
                  + " gave out "
                  + mine
                  + " while "
                  + before.stream().filter(c -> !mine.contains(c) && c.inFlight(now)).toList()
                  + " of the group was in flight");
      // A receive walks a group from its head: what it delivers or dead-letters is a prefix.
      for (int i = 0; i < mine.size(); i++) {
        Copy expected = before.get(i);
        journal.check(
            consumed.contains(expected),
            "FIFO order",
            () ->
                "group "
                    + group
                    + " gave out "
                    + mine
                    + " ahead of "
                    + expected
                    + ", which was sent earlier and is still queued");
      }
      long previous = -1;
      for (Copy copy : taken) {
        if (!group.equals(String.valueOf(copy.groupId))) {
          continue;
        }
        long last = previous;
        journal.check(
            copy.sendOrder > last,
            "FIFO order",
            () -> "a batch of group " + group + " is out of send order: " + taken);
        previous = copy.sendOrder;
        if (copy.receiveCount == 1) {
          long firstBefore = lastFirstReceipt.getOrDefault(group, -1L);
          journal.check(
              copy.sendOrder > firstBefore,
              "FIFO order",
              () -> "first receipt of " + copy + " in group " + group + " is out of send order");
          lastFirstReceipt.put(group, copy.sendOrder);
        }
      }
    }
  }

  /** A batch that is not full must have taken everything that was receivable. */
  void checkNothingLeftBehind(
      QueueModel queue, int max, int got, Set<String> busyGroups, Set<Copy> taken, long now) {
    if (!queue.fifo) {
      for (Copy copy : queue.copies) {
        journal.check(
            taken.contains(copy) || !copy.surelyReceivable(now),
            "conservation",
            () ->
                "a receive of up to "
                    + max
                    + " returned "
                    + got
                    + " while "
                    + copy
                    + " was visible");
      }
      return;
    }
    queue
        .groups()
        .forEach(
            (group, copies) -> {
              if (busyGroups.contains(group)) {
                return;
              }
              copies.stream()
                  .filter(c -> !taken.contains(c))
                  .findFirst()
                  .ifPresent(
                      next ->
                          journal.check(
                              !next.surelyReceivable(now),
                              "FIFO order",
                              () ->
                                  "a receive of up to "
                                      + max
                                      + " returned "
                                      + got
                                      + " while group "
                                      + group
                                      + " was free and its next message "
                                      + next
                                      + " visible"));
            });
  }

  private static String describe(List<Copy> copies, long now) {
    return copies.stream()
        .map(c -> c + " " + c.allowedStates(now))
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
