package dev.vigil.bus;

import dev.vigil.bus.QueuedMessage.State;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reference model of the queues consumers run on. It follows each message through the bus's
 * timeline entries, in order, and checks every transition against SQS's rules: a delivery only once
 * the message is visible, within its retention and its receives, a FIFO group one message at a time
 * in send order; an acknowledgement only of a delivery a handler completed; a dead letter exactly
 * at {@code maxReceiveCount}; an expiry only after the retention period.
 */
final class ConsumedModel {
  /** One consumed queue's rules. */
  record Lane(
      String name,
      @Nullable String deadLetterQueue,
      int maxReceiveCount,
      long visibilityNanos,
      long retentionNanos) {
    boolean fifo() {
      return name.endsWith(".fifo");
    }
  }

  /** Where a message is in its life. */
  enum Fate {
    QUEUED,
    ACKNOWLEDGED,
    EXPIRED
  }

  /** One message as the model sees it. */
  static final class Life {
    final String messageId;
    final int number;
    final @Nullable String group;
    final long sentNanos;
    long order;
    String queue;
    Fate fate = Fate.QUEUED;
    int receiveCount;
    long visibleAtNanos;

    Life(String messageId, int number, @Nullable String group, String queue, long sent, long at) {
      this.order = number;
      this.messageId = messageId;
      this.number = number;
      this.group = group;
      this.queue = queue;
      this.sentNanos = sent;
      this.visibleAtNanos = at;
    }

    boolean inFlight(long now) {
      return receiveCount > 0 && visibleAtNanos > now;
    }

    State state(long now) {
      if (receiveCount > 0) {
        return inFlight(now) ? State.IN_FLIGHT : State.VISIBLE;
      }
      return now < visibleAtNanos ? State.DELAYED : State.VISIBLE;
    }

    @Override
    public String toString() {
      return "j" + number + "(" + queue + ", received " + receiveCount + ", " + fate + ")";
    }
  }

  private final Map<String, Lane> lanes = new LinkedHashMap<>();
  private final Map<String, Life> lives = new LinkedHashMap<>();
  private final Map<String, Long> visibilityOfReceiver = new LinkedHashMap<>();
  private final Set<String> completed = new HashSet<>();
  private final RunJournal journal;
  private long arrivals = Long.MAX_VALUE / 2;
  private final Set<Life> batch = new HashSet<>();
  private long lastReceiveSequence = -2;
  private String batchQueue = "";

  ConsumedModel(RunJournal journal) {
    this.journal = journal;
  }

  void add(Lane lane) {
    lanes.put(lane.name(), lane);
  }

  Lane lane(String name) {
    return lanes.get(name);
  }

  Iterable<Lane> lanes() {
    return lanes.values();
  }

  void sent(Life life) {
    lives.put(life.messageId, life);
  }

  @Nullable Life life(String messageId) {
    return lives.get(messageId);
  }

  Iterable<Life> lives() {
    return lives.values();
  }

  /** Who receives from {@code queue} from now on hides what it takes for {@code visibility}. */
  void receivesWith(String queue, Duration visibility) {
    visibilityOfReceiver.put(queue, visibility.toNanos());
  }

  /** A handler (or the drain) completed this delivery: the bus may now acknowledge it. */
  void completed(String messageId, int receiveCount) {
    completed.add(messageId + "#" + receiveCount);
  }

  /** Follows the entries about consumed queues, in timeline order. */
  void follow(List<TimelineEntry> entries) {
    for (TimelineEntry entry : entries) {
      String type = entry.type();
      int space = type.indexOf(' ');
      String queue = space < 0 ? "" : type.substring(space + 1);
      Lane lane = lanes.get(queue);
      if (lane == null) {
        continue;
      }
      String what = type.substring(0, space);
      switch (what) {
        case "receive" -> received(lane, entry);
        case "retry" -> retried(lane, entry);
        case "ack" -> acknowledged(lane, entry);
        case "dead-letter" -> deadLettered(lane, entry);
        case "expire" -> expired(lane, entry);
        default -> {}
      }
    }
  }

  private Life lifeOf(Lane lane, TimelineEntry entry) {
    String id = entry.causationId();
    Life life = id == null ? null : lives.get(id);
    if (life == null || !life.queue.equals(lane.name()) || life.fate != Fate.QUEUED) {
      throw journal.fail(
          "conservation", "no message the model knows is on " + lane.name() + ": " + entry);
    }
    return life;
  }

  private void received(Lane lane, TimelineEntry entry) {
    Life life = lifeOf(lane, entry);
    // A batch's receipts are consecutive entries: a group may give out several messages at once.
    if (entry.sequence() != lastReceiveSequence + 1 || !lane.name().equals(batchQueue)) {
      batch.clear();
    }
    lastReceiveSequence = entry.sequence();
    batchQueue = lane.name();
    long now = entry.nanos();
    int count = Integer.parseInt(entry.attributes().get("receiveCount"));
    journal.check(
        count == life.receiveCount + 1 && life.state(now) == State.VISIBLE,
        "receive",
        () -> life + " was received as receive #" + count + " while " + life.state(now));
    journal.check(
        lane.deadLetterQueue() == null || count <= lane.maxReceiveCount(),
        "maxReceiveCount",
        () -> life + " received " + count + " times; maxReceiveCount " + lane.maxReceiveCount());
    journal.check(
        now - life.sentNanos < lane.retentionNanos(),
        "retention",
        () ->
            life
                + " was delivered "
                + Duration.ofNanos(now - life.sentNanos)
                + " after it was sent");
    if (lane.fifo()) {
      checkGroupHead(lane, life, now);
    }
    journal.reached(count > 1 ? "consumer redelivered" : "consumer received");
    batch.add(life);
    life.receiveCount = count;
    life.visibleAtNanos =
        now + visibilityOfReceiver.getOrDefault(lane.name(), lane.visibilityNanos());
  }

  private void checkGroupHead(Lane lane, Life life, long now) {
    for (Life other : lives.values()) {
      if (other == life
          || other.fate != Fate.QUEUED
          || !other.queue.equals(lane.name())
          || !String.valueOf(other.group).equals(String.valueOf(life.group))) {
        continue;
      }
      // A head that used up its receives is dead-lettered by this very receive, recorded after it.
      boolean leaving =
          lane.deadLetterQueue() != null && other.receiveCount >= lane.maxReceiveCount();
      journal.check(
          (!other.inFlight(now) || batch.contains(other)) && (other.order > life.order || leaving)
              || batch.contains(other) && other.order < life.order,
          "FIFO order",
          () -> "group " + life.group + " gave out " + life + " while " + other + " was ahead");
    }
  }

  private void retried(Lane lane, TimelineEntry entry) {
    Life life = lifeOf(lane, entry);
    journal.check(
        life.receiveCount > 0 && entry.nanos() >= life.visibleAtNanos,
        "visibility expiry",
        () ->
            life
                + " came back at "
                + Duration.ofNanos(entry.nanos())
                + ", due at "
                + Duration.ofNanos(life.visibleAtNanos));
    journal.reached("consumer retry");
  }

  private void acknowledged(Lane lane, TimelineEntry entry) {
    Life life = lifeOf(lane, entry);
    journal.check(
        completed.remove(life.messageId + "#" + life.receiveCount),
        "acknowledgement",
        () ->
            life + " was acknowledged, but no handler completed its receive #" + life.receiveCount);
    life.fate = Fate.ACKNOWLEDGED;
  }

  private void deadLettered(Lane lane, TimelineEntry entry) {
    Life life = lifeOf(lane, entry);
    long now = entry.nanos();
    journal.check(
        lane.deadLetterQueue() != null
            && life.receiveCount == lane.maxReceiveCount()
            && life.state(now) == State.VISIBLE,
        "maxReceiveCount",
        () ->
            life
                + " was dead-lettered from "
                + lane.name()
                + " while "
                + life.state(now)
                + "; maxReceiveCount "
                + lane.maxReceiveCount());
    journal.reached(
        lane.name().equals("jobs-dlq") ? "dead-letter chain" : "consumer dead-lettered");
    life.queue = lane.deadLetterQueue();
    life.order = arrivals++;
    life.receiveCount = 0;
    life.visibleAtNanos = now;
  }

  private void expired(Lane lane, TimelineEntry entry) {
    Life life = lifeOf(lane, entry);
    long age = entry.nanos() - life.sentNanos;
    journal.check(
        age >= lane.retentionNanos() && !life.inFlight(entry.nanos()),
        "retention",
        () ->
            life
                + " expired "
                + Duration.ofNanos(age)
                + " after it was sent; retention "
                + Duration.ofNanos(lane.retentionNanos()));
    journal.reached("expired");
    life.fate = Fate.EXPIRED;
  }
}
