package dev.vigil.bus;

import static dev.vigil.bus.RunJournal.entriesOfType;
import static dev.vigil.bus.RunJournal.sends;

import dev.vigil.bus.BusModel.Copy;
import dev.vigil.bus.BusModel.QueueModel;
import dev.vigil.bus.BusSchedules.Faults;
import dev.vigil.bus.BusSchedules.Target;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The producer of a run: sends to {@code orders} and {@code payments.fifo} and publishes to the
 * topic, checks each send against the timeline and the deduplication window, and takes what the bus
 * accepted into the model.
 */
final class RunProducer {
  private static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);

  private final Bus bus;
  private final BusModel model;
  private final RunJournal journal;
  private final long minDelayNanos;
  private final long maxDelayNanos;
  private final Map<String, FirstSeen> deduplication = new HashMap<>();
  private long sendOrder;
  private long bodies;

  private record FirstSeen(String messageId, long atNanos) {}

  RunProducer(Bus bus, BusModel model, RunJournal journal, Faults faults) {
    this.bus = bus;
    this.model = model;
    this.journal = journal;
    this.minDelayNanos = Duration.ofSeconds(faults.minDelaySeconds()).toNanos();
    this.maxDelayNanos = Duration.ofSeconds(faults.maxDelaySeconds()).toNanos();
  }

  void sendToQueue(int delaySeconds) {
    String body = nextBody();
    Message message = Message.of(body).withDelay(Duration.ofSeconds(delaySeconds));
    long now = journal.now();
    String messageId;
    try {
      messageId = bus.send(Target.ORDERS.queue, message);
    } catch (BusException injected) {
      expectNothingEnqueued(body, injected);
      return;
    }
    List<TimelineEntry> fresh = journal.freshEntries();
    journal.check(
        sends(fresh).size() == 1, "conservation", () -> "one send, recorded " + sends(fresh));
    long hold = Duration.ofSeconds(delaySeconds).toNanos();
    accept(model.queue(Target.ORDERS.queue), messageId, body, null, now + hold, fresh);
  }

  void publish() {
    String body = nextBody();
    long now = journal.now();
    try {
      bus.publish(BusSchedules.TOPIC, Message.of(body));
    } catch (BusException injected) {
      expectNothingEnqueued(body, injected);
      return;
    }
    List<TimelineEntry> fresh = journal.freshEntries();
    List<TimelineEntry> sends = sends(fresh);
    journal.check(
        sends.size() == 2,
        "conservation",
        () -> "a publish must reach orders and audit once each, recorded " + sends);
    for (Target target : List.of(Target.ORDERS, Target.AUDIT)) {
      List<TimelineEntry> mine = entriesOfType(fresh, "send " + target.queue);
      journal.check(
          mine.size() == 1,
          "conservation",
          () -> "a publish must reach " + target.queue + " once, recorded " + sends);
      String messageId = mine.get(0).attributes().get("messageId");
      accept(model.queue(target.queue), messageId, body, null, now, fresh);
    }
  }

  void sendToFifo(int group, int deduplicationId) {
    String body = nextBody();
    String groupId = "g" + group;
    String dedupId = "d" + deduplicationId;
    QueueModel queue = model.queue(Target.PAYMENTS.queue);
    long now = journal.now();
    String messageId;
    try {
      messageId =
          bus.send(queue.name, Message.of(body).withGroupId(groupId).withDeduplicationId(dedupId));
    } catch (BusException injected) {
      // A failed send must not take the deduplication id either: the model does not record it.
      expectNothingEnqueued(body, injected);
      return;
    }
    List<TimelineEntry> fresh = journal.freshEntries();
    FirstSeen first = deduplication.get(dedupId);
    long window = DEDUPLICATION_WINDOW.toNanos();
    long age = first == null ? Long.MAX_VALUE : now - first.atNanos();
    boolean deduplicated = first != null && messageId.equals(first.messageId());
    if (age < window) {
      journal.check(
          deduplicated,
          "deduplication",
          () ->
              "deduplication id "
                  + dedupId
                  + " was first sent "
                  + Duration.ofNanos(age)
                  + " ago as "
                  + first.messageId()
                  + ", yet the send returned a new id "
                  + messageId);
    } else if (age > window) {
      // At exactly five minutes either outcome is fair; past it, the id must be accepted again.
      journal.check(
          !deduplicated,
          "deduplication",
          () ->
              "deduplication id "
                  + dedupId
                  + " was last accepted "
                  + Duration.ofNanos(age)
                  + " ago, outside the window, yet the send was dropped as a duplicate");
    }
    if (deduplicated) {
      journal.reached("deduplicated");
      journal.check(
          sends(fresh).isEmpty() && entriesOfType(fresh, "deduplicate " + queue.name).size() == 1,
          "deduplication",
          () -> "a deduplicated send must add nothing, recorded " + fresh);
      return;
    }
    journal.check(
        sends(fresh).size() == 1, "conservation", () -> "one send, recorded " + sends(fresh));
    if (first != null) {
      journal.reached("accepted again after the window");
    }
    deduplication.put(dedupId, new FirstSeen(messageId, now));
    accept(queue, messageId, body, groupId, now, fresh);
  }

  /** Takes an accepted send into the model: the copy, and the twin a duplicate fault added. */
  private void accept(
      QueueModel queue,
      String messageId,
      String body,
      @Nullable String groupId,
      long visibleFromNanos,
      List<TimelineEntry> fresh) {
    journal.check(
        !queue.ledgers.containsKey(messageId),
        "conservation",
        () -> "message id " + messageId + " was given out twice on " + queue.name);
    List<TimelineEntry> sent = entriesOfType(fresh, "send " + queue.name);
    journal.check(
        sent.size() == 1
            && messageId.equals(sent.get(0).attributes().get("messageId"))
            && body.equals(sent.get(0).summary()),
        "conservation",
        () -> "the send of " + body + " as " + messageId + " is not on the timeline: " + sent);
    long duplicates =
        entriesOfType(fresh, "fault.duplicate " + queue.name).stream()
            .filter(e -> messageId.equals(e.attributes().get("messageId")))
            .count();
    journal.check(
        duplicates <= (queue.fifo ? 0 : 1),
        "conservation",
        () -> duplicates + " duplicate faults for one send on " + queue.name);
    if (duplicates > 0) {
      journal.reached("duplicate copy");
    }
    long order = sendOrder++;
    for (int copy = 0; copy <= duplicates; copy++) {
      queue.copies.add(
          new Copy(
              messageId,
              body,
              groupId,
              order,
              visibleFromNanos + minDelayNanos,
              visibleFromNanos + maxDelayNanos));
      queue.ledger(messageId).accepted++;
    }
  }

  private void expectNothingEnqueued(String body, BusException failure) {
    journal.reached("publish failed");
    List<TimelineEntry> fresh = journal.freshEntries();
    journal.check(
        fresh.stream().anyMatch(e -> e.type().startsWith("fault.publish-failure ")),
        "conservation",
        () -> "only injected publish failures are expected, got " + failure);
    journal.check(
        sends(fresh).isEmpty(),
        "conservation",
        () -> "a failed publish of " + body + " must enqueue nothing, recorded " + sends(fresh));
  }

  private String nextBody() {
    return "m" + bodies++;
  }
}
