package dev.vigil.bus;

import static org.assertj.core.api.Assertions.fail;

import dev.vigil.Vigil;
import dev.vigil.bus.QueuedMessage.State;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

/**
 * The bus's reliability promises, checked against a reference model over random schedules of sends,
 * publishes, receives, deletes, visibility changes, consumer crashes, purges and the passing of
 * virtual time, under a random bus-wide fault plan:
 *
 * <ul>
 *   <li>conservation: every accepted copy of a message is acknowledged, dead-lettered, purged, or
 *       still in its queue in the state the model expects (in flight, visible, delayed);
 *   <li>FIFO: a group gives out its messages in send order, never while one of them is in flight;
 *   <li>deduplication: a repeated deduplication id within five minutes adds nothing and returns the
 *       first message's id; after the window it is accepted again;
 *   <li>maxReceiveCount is exact: a message is dead-lettered after exactly that many receives and
 *       never received more often;
 *   <li>visibility expiry: a timed-out message comes back when its timeout ends, as virtual time
 *       passes, not only when someone looks.
 * </ul>
 *
 * <p>The model is checked after every step against {@link Bus#peek} and {@link Bus#stats}, and
 * every schedule ends by draining the queues, so that a message stuck for good is found too.
 * Failures name the step and the invariant; jqwik prints the shrunk schedule, whose {@code seed}
 * replays the bus's faults.
 */
class BusInvariantsProperties {
  private static final String TOPIC = "order-events";
  private static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);
  private static final Duration RETENTION = Duration.ofDays(14);
  private static final double MIN_COVERAGE_PERCENT = 5;

  /** The queues a schedule works on, each with its dead-letter queue. */
  enum Target {
    ORDERS("orders", "orders-dlq"),
    AUDIT("audit", "audit-dlq"),
    PAYMENTS("payments.fifo", "payments-dlq.fifo");

    final String queue;
    final String deadLetterQueue;

    Target(String queue, String deadLetterQueue) {
      this.queue = queue;
      this.deadLetterQueue = deadLetterQueue;
    }
  }

  // ---- schedules

  /** One operation of a schedule. */
  sealed interface Step
      permits SendToQueue,
          SendToFifo,
          Publish,
          ReceiveBatch,
          DeleteReceipt,
          ChangeVisibility,
          Crash,
          Advance,
          Purge {}

  /** Sends straight to the standard queue {@code orders}. */
  record SendToQueue(int delaySeconds) implements Step {}

  /** Sends to {@code payments.fifo}; few groups and deduplication ids, so that both repeat. */
  record SendToFifo(int group, int deduplicationId) implements Step {}

  /** Publishes to the topic, which fans out to {@code orders} and {@code audit}. */
  record Publish() implements Step {}

  /** Receives a batch, optionally overriding the visibility timeout. */
  record ReceiveBatch(Target target, int max, @Nullable Integer visibilitySeconds)
      implements Step {}

  /** Deletes a receipt the consumer holds or, when {@code stale}, any receipt ever seen. */
  record DeleteReceipt(int pick, boolean stale) implements Step {}

  /** Changes the visibility timeout of a receipt the consumer holds. */
  record ChangeVisibility(int pick, int seconds) implements Step {}

  /** The consumer dies: it forgets every receipt it holds without deleting. */
  record Crash() implements Step {}

  /** Moves virtual time, which runs the bus's wake-ups. */
  record Advance(int seconds) implements Step {}

  /** Purges a queue. */
  record Purge(Target target) implements Step {}

  /** The bus-wide faults of one schedule. */
  record Faults(
      double duplicates,
      int reorderWindow,
      int minDelaySeconds,
      int maxDelaySeconds,
      double publishFailures) {
    static final Faults NONE = new Faults(0, 0, 0, 0, 0);

    FaultPlan plan() {
      FaultPlan plan = FaultPlan.none();
      if (duplicates > 0) {
        plan = plan.withDuplicates(FaultRate.withProbability(duplicates));
      }
      if (reorderWindow > 0) {
        plan = plan.withReordering(reorderWindow);
      }
      if (maxDelaySeconds > 0) {
        plan =
            plan.withDelay(
                Duration.ofSeconds(minDelaySeconds), Duration.ofSeconds(maxDelaySeconds));
      }
      if (publishFailures > 0) {
        plan = plan.withPublishFailures(FaultRate.withProbability(publishFailures));
      }
      return plan;
    }
  }

  /** How a source queue is set up. */
  record QueueSetup(int maxReceiveCount, int visibilitySeconds) {}

  /** A whole run: the bus's seed, its faults, its queues and the steps. */
  record Schedule(
      long seed,
      Faults faults,
      QueueSetup orders,
      QueueSetup audit,
      QueueSetup payments,
      List<Step> steps) {}

  @Property(tries = 10_000)
  void every_schedule_loses_nothing_keeps_fifo_order_deduplicates_and_dead_letters_exactly(
      @ForAll("schedules") Schedule schedule) {
    try (Run run = new Run(schedule)) {
      run.play();
      run.exercised.forEach((path, count) -> Statistics.label(path).collect(count > 0));
    }
    // A property that never reaches these paths would pass without proving anything.
    for (String path : Run.PATHS) {
      Statistics.label(path)
          .coverage(coverage -> coverage.check(true).percentage(p -> p >= MIN_COVERAGE_PERCENT));
    }
  }

  @Provide
  Arbitrary<Schedule> schedules() {
    Arbitrary<Faults> faults =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(Faults.NONE)),
            Tuple.of(
                3,
                Combinators.combine(
                        Arbitraries.of(0.0, 0.1, 0.3, 0.6),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 10),
                        Arbitraries.integers().between(0, 20),
                        Arbitraries.of(0.0, 0.1, 0.25))
                    .as(
                        (duplicates, reorder, minDelay, spread, failures) ->
                            new Faults(
                                duplicates, reorder, minDelay, minDelay + spread, failures))));
    Arbitrary<QueueSetup> setup =
        Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.of(0, 5, 10, 30, 60))
            .as(QueueSetup::new);
    return Combinators.combine(
            Arbitraries.longs(),
            faults,
            setup,
            setup,
            setup,
            steps().list().ofMinSize(1).ofMaxSize(50))
        .as(Schedule::new);
  }

  private static Arbitrary<Step> steps() {
    Arbitrary<Target> target = Arbitraries.of(Target.class);
    Arbitrary<Integer> delay =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.just(0)), Tuple.of(1, Arbitraries.integers().between(1, 30)));
    Arbitrary<Integer> advance =
        Arbitraries.frequencyOf(
            Tuple.of(1, Arbitraries.just(0)),
            Tuple.of(6, Arbitraries.integers().between(1, 120)),
            // past the deduplication window (300 s is exactly its edge)
            Tuple.of(1, Arbitraries.integers().between(300, 330)));
    Arbitrary<Step> sendToQueue = delay.map(SendToQueue::new);
    Arbitrary<Step> sendToFifo =
        Combinators.combine(
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 5))
            .as(SendToFifo::new);
    Arbitrary<Step> publish = Arbitraries.just(new Publish());
    Arbitrary<Step> receive =
        Combinators.combine(
                target,
                Arbitraries.integers().between(1, 10),
                Arbitraries.integers().between(0, 60).injectNull(0.6))
            .as(ReceiveBatch::new);
    Arbitrary<Step> delete =
        Combinators.combine(
                Arbitraries.integers().between(0, 1000),
                Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true)))
            .as(DeleteReceipt::new);
    Arbitrary<Step> changeVisibility =
        Combinators.combine(
                Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 60))
            .as(ChangeVisibility::new);
    Arbitrary<Step> crash = Arbitraries.just(new Crash());
    Arbitrary<Step> advanceTime = advance.map(Advance::new);
    Arbitrary<Step> purge = target.map(Purge::new);
    return Arbitraries.frequencyOf(
        Tuple.of(8, sendToQueue),
        Tuple.of(10, sendToFifo),
        Tuple.of(6, publish),
        Tuple.of(16, receive),
        Tuple.of(10, delete),
        Tuple.of(4, changeVisibility),
        Tuple.of(2, crash),
        Tuple.of(10, advanceTime),
        Tuple.of(1, purge));
  }

  // ---- the reference model

  /**
   * One copy of a message in one queue as the model sees it. Duplicate copies of a standard queue
   * share the message id and cannot be told apart through the API; the model keeps, per copy, the
   * receipt handles that may be its current one, so that it never guesses which copy a receive
   * took.
   */
  private static final class Copy {
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
  private static final class Ledger {
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

  private static final class QueueModel {
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

  private record Receipt(String queue, String messageId, int receiveCount, String handle) {}

  private record FirstSeen(String messageId, long atNanos) {}

  // ---- one run of one schedule

  private static final class Run implements AutoCloseable {
    /** The paths worth reaching, so that coverage can be checked. */
    static final List<String> PATHS =
        List.of(
            "dead-lettered",
            "deduplicated",
            "accepted again after the window",
            "duplicate copy",
            "publish failed",
            "FIFO redelivered",
            "stale delete ignored",
            "visibility changed",
            "visibility expired",
            "purged");

    /** How often each of {@link #PATHS} was reached. */
    final Map<String, Integer> exercised = new LinkedHashMap<>();

    private final Schedule schedule;
    private final Vigil vigil;
    private final EmbeddedBus bus;
    private final Map<String, QueueModel> queues = new LinkedHashMap<>();
    private final List<Receipt> held = new ArrayList<>();
    private final List<Receipt> everSeen = new ArrayList<>();
    private final Set<String> handlesSeen = new HashSet<>();
    private final Map<String, FirstSeen> deduplication = new HashMap<>();
    private final Map<String, Long> lastFirstReceipt = new HashMap<>();
    private final long minDelayNanos;
    private final long maxDelayNanos;
    private long sendOrder;
    private long bodies;
    private long lastSequence;
    private String where = "setup";

    Run(Schedule schedule) {
      this.schedule = schedule;
      this.vigil = Vigil.builder().seed(schedule.seed()).build();
      this.bus = EmbeddedBus.create(vigil, schedule.seed());
      this.minDelayNanos = Duration.ofSeconds(schedule.faults().minDelaySeconds()).toNanos();
      this.maxDelayNanos = Duration.ofSeconds(schedule.faults().maxDelaySeconds()).toNanos();
      PATHS.forEach(path -> exercised.put(path, 0));
    }

    private void reached(String path) {
      exercised.merge(path, 1, Integer::sum);
    }

    void play() {
      setUp();
      List<Step> steps = schedule.steps();
      for (int i = 0; i < steps.size(); i++) {
        where = "step " + i + " " + steps.get(i);
        execute(steps.get(i));
        checkEveryQueue();
      }
      drain();
    }

    private void setUp() {
      createSourceQueue(Target.ORDERS, schedule.orders());
      createSourceQueue(Target.AUDIT, schedule.audit());
      createSourceQueue(Target.PAYMENTS, schedule.payments());
      // Raw delivery keeps the published body, so that a copy is recognised in every queue.
      bus.subscribe(Subscription.of(TOPIC, Target.ORDERS.queue).withRawDelivery());
      bus.subscribe(Subscription.of(TOPIC, Target.AUDIT.queue).withRawDelivery());
      bus.injectFaults(schedule.faults().plan());
    }

    private void createSourceQueue(Target target, QueueSetup setup) {
      // Retention far beyond a schedule's length: nothing may disappear by expiry.
      bus.createQueue(QueueSpec.named(target.deadLetterQueue).withRetention(RETENTION));
      bus.createQueue(
          QueueSpec.named(target.queue)
              .withRetention(RETENTION)
              .withVisibilityTimeout(Duration.ofSeconds(setup.visibilitySeconds()))
              .withDeadLetterQueue(target.deadLetterQueue, setup.maxReceiveCount()));
      queues.put(
          target.queue,
          new QueueModel(
              target.queue,
              setup.maxReceiveCount(),
              target.deadLetterQueue,
              setup.visibilitySeconds()));
      // Dead-letter queues are never received from: no redrive, and their visibility never matters.
      queues.put(target.deadLetterQueue, new QueueModel(target.deadLetterQueue, 0, null, 0));
    }

    private void execute(Step step) {
      if (step instanceof SendToQueue send) {
        sendToQueue(send.delaySeconds());
      } else if (step instanceof SendToFifo send) {
        sendToFifo(send.group(), send.deduplicationId());
      } else if (step instanceof Publish) {
        publish();
      } else if (step instanceof ReceiveBatch receive) {
        receive(queues.get(receive.target().queue), receive.max(), receive.visibilitySeconds());
      } else if (step instanceof DeleteReceipt delete) {
        List<Receipt> from = delete.stale() && !everSeen.isEmpty() ? everSeen : held;
        if (!from.isEmpty()) {
          delete(from.get(Math.floorMod(delete.pick(), from.size())));
        }
      } else if (step instanceof ChangeVisibility change) {
        if (!held.isEmpty()) {
          changeVisibility(held.get(Math.floorMod(change.pick(), held.size())), change.seconds());
        }
      } else if (step instanceof Crash) {
        held.clear();
      } else if (step instanceof Advance advance) {
        advance(Duration.ofSeconds(advance.seconds()));
      } else if (step instanceof Purge purge) {
        purge(queues.get(purge.target().queue));
      } else {
        throw new IllegalArgumentException("unknown step " + step);
      }
    }

    // ---- sending

    private void sendToQueue(int delaySeconds) {
      String body = nextBody();
      Message message = Message.of(body).withDelay(Duration.ofSeconds(delaySeconds));
      long now = now();
      String messageId;
      try {
        messageId = bus.send(Target.ORDERS.queue, message);
      } catch (BusException injected) {
        expectNothingEnqueued(body, injected);
        return;
      }
      List<TimelineEntry> fresh = freshEntries();
      check(sends(fresh).size() == 1, "conservation", () -> "one send, recorded " + sends(fresh));
      long hold = Duration.ofSeconds(delaySeconds).toNanos();
      accept(queues.get(Target.ORDERS.queue), messageId, body, null, now + hold, fresh);
    }

    private void publish() {
      String body = nextBody();
      long now = now();
      try {
        bus.publish(TOPIC, Message.of(body));
      } catch (BusException injected) {
        expectNothingEnqueued(body, injected);
        return;
      }
      List<TimelineEntry> fresh = freshEntries();
      List<TimelineEntry> sends = sends(fresh);
      check(
          sends.size() == 2,
          "conservation",
          () -> "a publish must reach orders and audit once each, recorded " + sends);
      for (Target target : List.of(Target.ORDERS, Target.AUDIT)) {
        List<TimelineEntry> mine = entriesOfType(fresh, "send " + target.queue);
        check(
            mine.size() == 1,
            "conservation",
            () -> "a publish must reach " + target.queue + " once, recorded " + sends);
        String messageId = mine.get(0).attributes().get("messageId");
        accept(queues.get(target.queue), messageId, body, null, now, fresh);
      }
    }

    private void sendToFifo(int group, int deduplicationId) {
      String body = nextBody();
      String groupId = "g" + group;
      String dedupId = "d" + deduplicationId;
      QueueModel queue = queues.get(Target.PAYMENTS.queue);
      long now = now();
      String messageId;
      try {
        messageId =
            bus.send(
                queue.name, Message.of(body).withGroupId(groupId).withDeduplicationId(dedupId));
      } catch (BusException injected) {
        // A failed send must not take the deduplication id either: the model does not record it.
        expectNothingEnqueued(body, injected);
        return;
      }
      List<TimelineEntry> fresh = freshEntries();
      FirstSeen first = deduplication.get(dedupId);
      long window = DEDUPLICATION_WINDOW.toNanos();
      long age = first == null ? Long.MAX_VALUE : now - first.atNanos();
      boolean deduplicated = first != null && messageId.equals(first.messageId());
      if (age < window) {
        check(
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
        check(
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
        reached("deduplicated");
        check(
            sends(fresh).isEmpty() && entriesOfType(fresh, "deduplicate " + queue.name).size() == 1,
            "deduplication",
            () -> "a deduplicated send must add nothing, recorded " + fresh);
        return;
      }
      check(sends(fresh).size() == 1, "conservation", () -> "one send, recorded " + sends(fresh));
      if (first != null) {
        reached("accepted again after the window");
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
      check(
          !queue.ledgers.containsKey(messageId),
          "conservation",
          () -> "message id " + messageId + " was given out twice on " + queue.name);
      List<TimelineEntry> sent = entriesOfType(fresh, "send " + queue.name);
      check(
          sent.size() == 1
              && messageId.equals(sent.get(0).attributes().get("messageId"))
              && body.equals(sent.get(0).summary()),
          "conservation",
          () -> "the send of " + body + " as " + messageId + " is not on the timeline: " + sent);
      long duplicates =
          entriesOfType(fresh, "fault.duplicate " + queue.name).stream()
              .filter(e -> messageId.equals(e.attributes().get("messageId")))
              .count();
      check(
          duplicates <= (queue.fifo ? 0 : 1),
          "conservation",
          () -> duplicates + " duplicate faults for one send on " + queue.name);
      if (duplicates > 0) {
        reached("duplicate copy");
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
      reached("publish failed");
      List<TimelineEntry> fresh = freshEntries();
      check(
          fresh.stream().anyMatch(e -> e.type().startsWith("fault.publish-failure ")),
          "conservation",
          () -> "only injected publish failures are expected, got " + failure);
      check(
          sends(fresh).isEmpty(),
          "conservation",
          () -> "a failed publish of " + body + " must enqueue nothing, recorded " + sends(fresh));
    }

    // ---- receiving

    private List<Receipt> receive(QueueModel queue, int max, @Nullable Integer visibilitySeconds) {
      long now = now();
      long visibility =
          visibilitySeconds == null
              ? queue.visibilityNanos
              : Duration.ofSeconds(visibilitySeconds).toNanos();
      Map<String, List<Copy>> groupsBefore = queue.fifo ? queue.groups() : Map.of();
      Set<String> busyGroups = new HashSet<>();
      groupsBefore.forEach(
          (group, copies) -> {
            if (copies.stream().anyMatch(c -> c.inFlight(now))) {
              busyGroups.add(group);
            }
          });
      Receive request = Receive.upTo(max);
      if (visibilitySeconds != null) {
        request = request.withVisibilityTimeout(Duration.ofSeconds(visibilitySeconds));
      }
      List<ReceivedMessage> batch = bus.receive(queue.name, request);
      check(batch.size() <= max, "receive", () -> batch.size() + " messages for a batch of " + max);
      // Dead letters are taken out before the receipts: a copy the receive dead-lettered was
      // receivable at maxReceiveCount, never one this receive delivered.
      List<Copy> deadLettered = applyDeadLetters(freshEntries());
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
        checkFifoOrder(groupsBefore, busyGroups, deadLettered, takenInOrder, now);
      }
      if (batch.size() < max) {
        checkNothingLeftBehind(queue, max, batch.size(), busyGroups, taken, now);
      }
      return receipts;
    }

    private Copy applyReceipt(
        QueueModel queue, ReceivedMessage message, long visibility, long now, Set<Copy> taken) {
      int count = message.receiveCount();
      check(
          message.queue().equals(queue.name),
          "receive",
          () -> "received from " + queue.name + " a message of " + message.queue());
      check(
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
      check(
          handlesSeen.add(message.receiptHandle()),
          "receive",
          () -> "receipt handle " + message.receiptHandle() + " was handed out twice");
      List<Copy> candidates =
          queue.copiesOf(message.messageId()).stream()
              .filter(c -> !taken.contains(c))
              .filter(c -> c.receiveCount == count - 1 && c.mayBeReceivable(now))
              .toList();
      check(
          !candidates.isEmpty(),
          "conservation",
          () ->
              message.messageId()
                  + " was received with receiveCount "
                  + count
                  + ", but no copy of it could be received now; its copies: "
                  + queue.copiesOf(message.messageId()));
      Copy copy = candidates.get(0);
      check(
          copy.body.equals(message.body()),
          "conservation",
          () -> "received body " + message.body() + " for " + copy);
      check(
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
        reached("FIFO redelivered");
      }
      copy.handles = new HashSet<>(Set.of(message.receiptHandle()));
      copy.receiveCount = count;
      copy.visibleAtNanos = now + visibility;
      return copy;
    }

    private void checkFifoOrder(
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
        check(
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
          check(
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
          check(
              copy.sendOrder > last,
              "FIFO order",
              () -> "a batch of group " + group + " is out of send order: " + taken);
          previous = copy.sendOrder;
          if (copy.receiveCount == 1) {
            long firstBefore = lastFirstReceipt.getOrDefault(group, -1L);
            check(
                copy.sendOrder > firstBefore,
                "FIFO order",
                () -> "first receipt of " + copy + " in group " + group + " is out of send order");
            lastFirstReceipt.put(group, copy.sendOrder);
          }
        }
      }
    }

    /** A batch that is not full must have taken everything that was receivable. */
    private void checkNothingLeftBehind(
        QueueModel queue, int max, int got, Set<String> busyGroups, Set<Copy> taken, long now) {
      if (!queue.fifo) {
        for (Copy copy : queue.copies) {
          check(
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
                            check(
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

    /** Applies the dead letters a receive recorded; returns the copies taken out. */
    private List<Copy> applyDeadLetters(List<TimelineEntry> fresh) {
      List<Copy> moved = new ArrayList<>();
      long now = now();
      for (TimelineEntry entry : fresh) {
        if (entry.type().startsWith("expire ")) {
          fail(where + ": conservation: nothing may expire within the retention period: " + entry);
        }
        if (!entry.type().startsWith("dead-letter ")) {
          continue;
        }
        QueueModel from = queues.get(entry.attributes().get("queue"));
        String messageId = entry.attributes().get("messageId");
        int count = Integer.parseInt(entry.attributes().get("receiveCount"));
        check(
            from != null
                && from.deadLetterQueue != null
                && from.deadLetterQueue.equals(entry.attributes().get("deadLetterQueue")),
            "conservation",
            () -> "dead letter to an unexpected queue: " + entry);
        check(
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
        check(
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
        reached("dead-lettered");
      }
      return moved;
    }

    // ---- acknowledging

    private void delete(Receipt receipt) {
      QueueModel queue = queues.get(receipt.queue());
      Copy holder = queue.holderOf(receipt.handle());
      // null: a duplicate's handle the model cannot pin down; either outcome is consistent
      @Nullable Boolean expected =
          holder == null ? Boolean.FALSE : holder.handles.size() == 1 ? Boolean.TRUE : null;
      boolean deleted = bus.delete(queue.name, receipt.handle());
      List<TimelineEntry> fresh = freshEntries();
      applyDeadLetters(fresh);
      check(
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
        check(
            entriesOfType(fresh, "ack " + queue.name).size() == 1,
            "conservation",
            () -> "an acknowledgement must be on the timeline, recorded " + fresh);
      } else {
        reached("stale delete ignored");
        if (holder != null) {
          holder.handles.remove(receipt.handle());
        }
      }
    }

    private void changeVisibility(Receipt receipt, int seconds) {
      QueueModel queue = queues.get(receipt.queue());
      Copy holder = queue.holderOf(receipt.handle());
      long now = now();
      boolean mayChange = holder != null && holder.inFlight(now);
      boolean mustChange = mayChange && holder.handles.size() == 1;
      boolean changed;
      try {
        bus.changeVisibility(queue.name, receipt.handle(), Duration.ofSeconds(seconds));
        changed = true;
      } catch (BusException notInFlight) {
        changed = false;
      }
      applyDeadLetters(freshEntries());
      boolean result = changed;
      check(
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
        reached("visibility changed");
        holder.handles = new HashSet<>(Set.of(receipt.handle()));
        holder.visibleAtNanos = now + Duration.ofSeconds(seconds).toNanos();
      }
    }

    private void purge(QueueModel queue) {
      int expected = queue.copies.size();
      int purged = bus.purge(queue.name);
      applyDeadLetters(freshEntries());
      check(
          purged == expected,
          "conservation",
          () -> "purge of " + queue.name + " deleted " + purged + "; it held " + queue.copies);
      queue.copies.forEach(c -> queue.ledger(c.messageId).purged++);
      if (purged > 0) {
        reached("purged");
      }
      queue.copies.clear();
    }

    private void advance(Duration duration) {
      long start = now();
      long end = start + duration.toNanos();
      // The bus promises to bring a timed-out message back when its timeout ends, without anyone
      // looking: consumers rely on it. Peek, stats and receive would hide a missed wake-up, since
      // they bring messages back themselves; the retry entries' instants do not.
      List<String> expected = new ArrayList<>();
      for (QueueModel queue : queues.values()) {
        for (Copy copy : queue.copies) {
          if (copy.inFlight(start) && copy.visibleAtNanos <= end) {
            expected.add(retry(queue.name, copy.messageId, copy.receiveCount, copy.visibleAtNanos));
          }
        }
      }
      if (!expected.isEmpty()) {
        reached("visibility expired");
      }
      vigil.virtualTime().advanceBy(duration);
      List<TimelineEntry> fresh = freshEntries();
      applyDeadLetters(fresh);
      List<String> retried = new ArrayList<>();
      for (TimelineEntry entry : fresh) {
        if (entry.type().startsWith("retry ") && entry.nanos() > start) {
          Map<String, String> attributes = entry.attributes();
          retried.add(
              retry(
                  attributes.get("queue"),
                  attributes.get("messageId"),
                  Integer.parseInt(attributes.get("receiveCount")),
                  entry.nanos()));
        }
      }
      Collections.sort(expected);
      Collections.sort(retried);
      check(
          expected.equals(retried),
          "visibility expiry",
          () ->
              "while time moved by "
                  + duration
                  + ", these visibility timeouts ended: "
                  + expected
                  + "; the bus brought back "
                  + retried);
    }

    private static String retry(String queue, String messageId, int receiveCount, long atNanos) {
      return queue + " " + messageId + " #" + receiveCount + " at " + Duration.ofNanos(atNanos);
    }

    // ---- checks

    /** Compares every queue with the model: counts, states, receive counts and FIFO order. */
    private void checkEveryQueue() {
      long now = now();
      for (QueueModel queue : queues.values()) {
        QueueStats stats = bus.stats(queue.name);
        // Peek and stats only bring back messages whose delay or timeout ended (their "retry"
        // entries are read with the next step's), so the timeline need not be scanned here.
        List<QueuedMessage> peeked = bus.peek(queue.name);
        int[] byState = new int[State.values().length];
        peeked.forEach(m -> byState[m.state().ordinal()]++);
        check(
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
                .collect(
                    Collectors.groupingBy(c -> c.messageId, HashMap::new, Collectors.toList()));
        Set<String> ids = new LinkedHashSet<>(queue.ledgers.keySet());
        ids.addAll(byId.keySet());
        Map<QueuedMessage, Copy> matched = new IdentityHashMap<>();
        for (String id : ids) {
          List<QueuedMessage> present = byId.getOrDefault(id, List.of());
          Ledger ledger = queue.ledgers.getOrDefault(id, new Ledger());
          check(
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
            check(
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
                  check(
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
            check(
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

    /** Ends the schedule: lets every delay and timeout pass, then receives and deletes all. */
    private void drain() {
      where = "drain";
      advance(Duration.ofMinutes(20));
      List<QueueModel> sources =
          Arrays.stream(Target.values()).map(t -> queues.get(t.queue)).toList();
      for (int round = 0;
          round < 100 && sources.stream().anyMatch(q -> !q.copies.isEmpty());
          round++) {
        where = "drain round " + round;
        for (QueueModel queue : sources) {
          for (Receipt receipt : receive(queue, 10, null)) {
            delete(receipt);
          }
        }
        checkEveryQueue();
      }
      for (QueueModel queue : sources) {
        check(
            bus.stats(queue.name).total() == 0 && queue.copies.isEmpty(),
            "conservation",
            () ->
                "after draining, "
                    + queue.name
                    + " still holds "
                    + bus.peek(queue.name)
                    + "; the model "
                    + queue.copies);
        queue.ledgers.forEach(
            (id, ledger) ->
                check(
                    ledger.accepted == ledger.acknowledged + ledger.deadLettered + ledger.purged,
                    "conservation",
                    () -> id + " on " + queue.name + " is unaccounted for: " + ledger));
      }
    }

    // ---- helpers

    private static String describe(List<Copy> copies, long now) {
      return copies.stream()
          .map(c -> c + " " + c.allowedStates(now))
          .collect(Collectors.joining(", ", "[", "]"));
    }

    private List<TimelineEntry> freshEntries() {
      long after = lastSequence;
      List<TimelineEntry> fresh = vigil.timeline().select(e -> e.sequence() > after);
      if (!fresh.isEmpty()) {
        lastSequence = fresh.get(fresh.size() - 1).sequence();
      }
      return fresh;
    }

    private static List<TimelineEntry> entriesOfType(List<TimelineEntry> entries, String type) {
      return entries.stream().filter(e -> e.type().equals(type)).toList();
    }

    private static List<TimelineEntry> sends(List<TimelineEntry> entries) {
      return entries.stream().filter(e -> e.type().startsWith("send ")).toList();
    }

    private String nextBody() {
      return "m" + bodies++;
    }

    private long now() {
      return vigil.time().nanoTime();
    }

    private void check(boolean holds, String invariant, Supplier<String> detail) {
      if (!holds) {
        fail(
            where
                + ": "
                + invariant
                + ": "
                + detail.get()
                + System.lineSeparator()
                + "bus seed "
                + schedule.seed()
                + ", faults "
                + schedule.faults()
                + System.lineSeparator()
                + vigil.timeline().renderTail(25));
      }
    }

    @Override
    public void close() {
      bus.close();
      vigil.close();
    }
  }
}
