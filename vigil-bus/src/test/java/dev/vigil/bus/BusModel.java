package dev.vigil.bus;

import dev.vigil.bus.QueuedMessage.State;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reference model of the bus's queues: every copy of every message a queue holds, and what
 * became of the copies that left. A run updates it from what the bus returns and records, and
 * compares the bus with it after every step.
 */
final class BusModel {
  private final Map<String, QueueModel> queues = new LinkedHashMap<>();

  void add(QueueModel queue) {
    queues.put(queue.name, queue);
  }

  QueueModel queue(String name) {
    return queues.get(name);
  }

  /** Whether the model follows queue {@code name}; it leaves the consumed queues alone. */
  boolean has(@Nullable String name) {
    return name != null && queues.containsKey(name);
  }

  /** The queues in the order they were added. */
  Collection<QueueModel> queues() {
    return queues.values();
  }

  /** Applies the dead letters a receive recorded; returns the copies taken out. */
  List<Copy> applyDeadLetters(List<TimelineEntry> fresh, RunJournal journal) {
    List<Copy> moved = new ArrayList<>();
    long now = journal.now();
    for (TimelineEntry entry : fresh) {
      QueueModel from = queues.get(entry.attributes().get("queue"));
      if (from == null) {
        continue; // a consumed queue: ConsumedModel follows those
      }
      if (entry.type().startsWith("expire ")) {
        throw journal.fail(
            "conservation", "nothing may expire within the retention period: " + entry);
      }
      if (!entry.type().startsWith("dead-letter ")) {
        continue;
      }
      String messageId = entry.attributes().get("messageId");
      int count = Integer.parseInt(entry.attributes().get("receiveCount"));
      journal.check(
          from.deadLetterQueue != null
              && from.deadLetterQueue.equals(entry.attributes().get("deadLetterQueue")),
          "conservation",
          () -> "dead letter to an unexpected queue: " + entry);
      journal.check(
          count == from.maxReceiveCount,
          "maxReceiveCount",
          () ->
              messageId
                  + " was dead-lettered from "
                  + from.name
                  + " after "
                  + count
                  + " receives; maxReceiveCount is "
                  + from.maxReceiveCount);
      List<Copy> candidates =
          from.copiesOf(messageId).stream()
              .filter(c -> c.receiveCount == count && c.mayBeReceivable(now))
              .toList();
      journal.check(
          !candidates.isEmpty(),
          "maxReceiveCount",
          () ->
              messageId
                  + " was dead-lettered after "
                  + count
                  + " receives, but no copy of it had been received that often and was visible;"
                  + " its copies: "
                  + from.copiesOf(messageId));
      Copy copy = candidates.get(0);
      if (candidates.size() > 1) {
        candidates.get(1).handles.addAll(copy.handles);
      }
      from.copies.remove(copy);
      from.ledger(messageId).deadLettered++;
      QueueModel deadLetters = queues.get(from.deadLetterQueue);
      deadLetters.copies.add(
          new Copy(messageId, copy.body, copy.groupId, copy.sendOrder, now, now));
      deadLetters.ledger(messageId).accepted++;
      moved.add(copy);
      journal.reached("dead-lettered");
    }
    return moved;
  }

  /**
   * One copy of a message in one queue as the model sees it. Duplicate copies of a standard queue
   * share the message id and cannot be told apart through the API; the model keeps, per copy, the
   * receipt handles that may be its current one, so that it never guesses which copy a receive
   * took.
   */
  static final class Copy {
    final String messageId;
    final String body;
    final @Nullable String groupId;
    final long sendOrder;
    final long earliestVisibleNanos;
    final long latestVisibleNanos;
    int receiveCount;
    long visibleAtNanos;
    Set<String> handles = new HashSet<>();

    Copy(
        String messageId,
        String body,
        @Nullable String groupId,
        long sendOrder,
        long earliestVisibleNanos,
        long latestVisibleNanos) {
      this.messageId = messageId;
      this.body = body;
      this.groupId = groupId;
      this.sendOrder = sendOrder;
      this.earliestVisibleNanos = earliestVisibleNanos;
      this.latestVisibleNanos = latestVisibleNanos;
    }

    boolean inFlight(long now) {
      return receiveCount > 0 && visibleAtNanos > now;
    }

    /** A never-received copy's fault delay is random within bounds; a received one's is known. */
    boolean mayBeReceivable(long now) {
      return receiveCount == 0 ? now >= earliestVisibleNanos : visibleAtNanos <= now;
    }

    boolean surelyReceivable(long now) {
      return receiveCount == 0 ? now >= latestVisibleNanos : visibleAtNanos <= now;
    }

    Set<State> allowedStates(long now) {
      if (receiveCount > 0) {
        return EnumSet.of(visibleAtNanos > now ? State.IN_FLIGHT : State.VISIBLE);
      }
      if (now < earliestVisibleNanos) {
        return EnumSet.of(State.DELAYED);
      }
      return now >= latestVisibleNanos
          ? EnumSet.of(State.VISIBLE)
          : EnumSet.of(State.DELAYED, State.VISIBLE);
    }

    @Override
    public String toString() {
      return messageId.substring(0, 8) + "(" + body + ", received " + receiveCount + ")";
    }
  }

  /** What became of the copies of one message id in one queue. */
  static final class Ledger {
    int accepted;
    int acknowledged;
    int deadLettered;
    int purged;

    int expectedInQueue() {
      return accepted - acknowledged - deadLettered - purged;
    }

    @Override
    public String toString() {
      return "accepted "
          + accepted
          + ", acknowledged "
          + acknowledged
          + ", dead-lettered "
          + deadLettered
          + ", purged "
          + purged;
    }
  }

  /** One queue: its setup, the copies it holds, and a ledger per message id it ever accepted. */
  static final class QueueModel {
    final String name;
    final boolean fifo;
    final int maxReceiveCount;
    final @Nullable String deadLetterQueue;
    final long visibilityNanos;
    final List<Copy> copies = new ArrayList<>();
    final Map<String, Ledger> ledgers = new LinkedHashMap<>();

    QueueModel(String name, int maxReceiveCount, @Nullable String deadLetterQueue, int visibility) {
      this.name = name;
      this.fifo = name.endsWith(".fifo");
      this.maxReceiveCount = maxReceiveCount;
      this.deadLetterQueue = deadLetterQueue;
      this.visibilityNanos = Duration.ofSeconds(visibility).toNanos();
    }

    Ledger ledger(String messageId) {
      return ledgers.computeIfAbsent(messageId, id -> new Ledger());
    }

    List<Copy> copiesOf(String messageId) {
      return copies.stream().filter(c -> c.messageId.equals(messageId)).toList();
    }

    @Nullable Copy holderOf(String handle) {
      for (Copy copy : copies) {
        if (copy.handles.contains(handle)) {
          return copy;
        }
      }
      return null;
    }

    /** Groups in first-seen order, each with its copies in send order. */
    Map<String, List<Copy>> groups() {
      Map<String, List<Copy>> groups = new LinkedHashMap<>();
      for (Copy copy : copies) {
        groups.computeIfAbsent(String.valueOf(copy.groupId), g -> new ArrayList<>()).add(copy);
      }
      groups.values().forEach(list -> list.sort((a, b) -> Long.compare(a.sendOrder, b.sendOrder)));
      return groups;
    }
  }

  /** A receipt as the consumer holds it. */
  record Receipt(String queue, String messageId, int receiveCount, String handle) {}
}
