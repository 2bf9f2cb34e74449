package dev.vigil.bus;

import dev.vigil.Vigil;
import dev.vigil.bus.BusSchedules.Consumed;
import dev.vigil.bus.BusSchedules.ConsumedSetup;
import dev.vigil.bus.BusSchedules.Outcome;
import dev.vigil.bus.BusSchedules.Schedule;
import dev.vigil.bus.BusSchedules.StartConsumer;
import dev.vigil.bus.ConsumedModel.Fate;
import dev.vigil.bus.ConsumedModel.Lane;
import dev.vigil.bus.ConsumedModel.Life;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The consumers of a run and what they consume: sends to {@code jobs} and {@code tasks.fifo},
 * starts and stops {@link Bus#consume} consumers whose handlers acknowledge, throw or crash as the
 * schedule's script says, compares the consumed queues with {@link ConsumedModel} after every step,
 * and in the end checks that running consumers emptied their queues, then drains the rest.
 */
final class RunConsumers {
  private static final Duration LONGEST_RETENTION = Duration.ofDays(14);
  private static final Duration DRAIN_VISIBILITY = Duration.ofHours(1);

  private final Bus bus;
  private final Vigil vigil;
  private final Schedule schedule;
  private final RunJournal journal;
  private final ConsumedModel model;
  private final Map<Consumed, BusConsumer> running = new EnumMap<>(Consumed.class);
  private long lastSequence;
  private int sent;

  RunConsumers(EmbeddedBus bus, Vigil vigil, Schedule schedule, RunJournal journal) {
    this.bus = bus;
    this.vigil = vigil;
    this.schedule = schedule;
    this.journal = journal;
    this.model = new ConsumedModel(journal);
    setUp(bus, schedule.consumed());
  }

  private void setUp(EmbeddedBus bus, ConsumedSetup setup) {
    Duration retention = Duration.ofSeconds(setup.retentionSeconds());
    Duration visibility = Duration.ofSeconds(setup.visibilitySeconds());
    bus.createQueue(QueueSpec.named("jobs-parked").withRetention(LONGEST_RETENTION));
    bus.createQueue(QueueSpec.named("tasks-dlq.fifo").withRetention(LONGEST_RETENTION));
    create(bus, "jobs-dlq", "jobs-parked", setup.jobsDlqMaxReceiveCount(), retention, visibility);
    create(
        bus, "tasks.fifo", "tasks-dlq.fifo", setup.tasksMaxReceiveCount(), retention, visibility);
    bus.createQueue(
        QueueSpec.named("jobs")
            .withDelay(Duration.ofSeconds(setup.jobsDelaySeconds()))
            .withRetention(retention)
            .withVisibilityTimeout(visibility)
            .withDeadLetterQueue("jobs-dlq", setup.jobsMaxReceiveCount()));
    model.add(
        new Lane(
            "jobs",
            "jobs-dlq",
            setup.jobsMaxReceiveCount(),
            visibility.toNanos(),
            retention.toNanos()));
    model.add(new Lane("jobs-parked", null, 1, visibility.toNanos(), LONGEST_RETENTION.toNanos()));
    model.add(
        new Lane("tasks-dlq.fifo", null, 1, visibility.toNanos(), LONGEST_RETENTION.toNanos()));
    // Only lost acknowledgements here: duplicates and delays are the other queues' business.
    FaultPlan lostAcks =
        setup.lostAcks() > 0
            ? FaultPlan.none().withCrashBeforeAck(FaultRate.withProbability(setup.lostAcks()))
            : FaultPlan.none();
    for (Consumed target : Consumed.values()) {
      bus.injectFaults(target.queue, lostAcks);
    }
  }

  private void create(
      Bus bus, String name, String deadLetters, int maxReceives, Duration retention, Duration vis) {
    bus.createQueue(
        QueueSpec.named(name)
            .withRetention(retention)
            .withVisibilityTimeout(vis)
            .withDeadLetterQueue(deadLetters, maxReceives));
    model.add(new Lane(name, deadLetters, maxReceives, vis.toNanos(), retention.toNanos()));
  }

  void sendJob(int delaySeconds) {
    int number = sent++;
    long now = journal.now();
    int queueDelay = schedule.consumed().jobsDelaySeconds();
    String id =
        bus.send("jobs", Message.of("j" + number).withDelay(Duration.ofSeconds(delaySeconds)));
    // SQS: a message's own delay replaces the queue's.
    long delay = delaySeconds > 0 ? delaySeconds : queueDelay;
    model.sent(new Life(id, number, null, "jobs", now, now + Duration.ofSeconds(delay).toNanos()));
  }

  void sendTask(int group) {
    int number = sent++;
    long now = journal.now();
    String id =
        bus.send(
            "tasks.fifo",
            Message.of("j" + number).withGroupId("g" + group).withDeduplicationId("t" + number));
    model.sent(new Life(id, number, "g" + group, "tasks.fifo", now, now));
  }

  void start(StartConsumer step) {
    if (running.containsKey(step.target())) {
      return;
    }
    follow();
    ConsumerOptions options =
        ConsumerOptions.defaults()
            .withConcurrency(step.concurrency())
            .withBatchSize(step.batchSize());
    Lane lane = model.lane(step.target().queue);
    Duration visibility = Duration.ofNanos(lane.visibilityNanos());
    if (step.visibilitySeconds() != null) {
      visibility = Duration.ofSeconds(step.visibilitySeconds());
      options = options.withVisibilityTimeout(visibility);
    }
    model.receivesWith(lane.name(), visibility);
    running.put(step.target(), bus.consume(lane.name(), this::handle, options));
  }

  void stop(Consumed target) {
    BusConsumer consumer = running.remove(target);
    if (consumer != null) {
      consumer.close();
    }
  }

  private void handle(ReceivedMessage message) {
    follow();
    Life life = model.life(message.messageId());
    journal.check(
        life != null
            && life.queue.equals(message.queue())
            && life.receiveCount == message.receiveCount()
            && message.body().equals("j" + life.number),
        "receive",
        () -> "the handler got " + message + ", the model has " + life);
    Outcome outcome = schedule.outcomeOf(life.number, message.receiveCount());
    switch (outcome) {
      case ACK -> model.completed(life.messageId, message.receiveCount());
      case RETRY -> throw new IllegalStateException("planned retry of " + message.body());
    }
  }

  /** Brings the model up to date with the timeline. */
  void follow() {
    long after = lastSequence;
    List<TimelineEntry> fresh = vigil.timeline().select(e -> e.sequence() > after);
    if (!fresh.isEmpty()) {
      lastSequence = fresh.get(fresh.size() - 1).sequence();
    }
    model.follow(fresh);
  }

  /** Compares every consumed queue, as peek shows it, with the model. */
  void check() {
    follow();
    long now = journal.now();
    for (Lane lane : model.lanes()) {
      List<QueuedMessage> peeked = bus.peek(lane.name());
      follow(); // peek brings back what timed out, recording it
      List<String> expected = new java.util.ArrayList<>();
      for (Life life : model.lives()) {
        if (life.fate == Fate.QUEUED && life.queue.equals(lane.name())) {
          expected.add("j" + life.number + " #" + life.receiveCount + " " + life.state(now));
        }
      }
      List<String> actual =
          peeked.stream().map(m -> m.body() + " #" + m.receiveCount() + " " + m.state()).toList();
      journal.check(
          expected.stream().sorted().toList().equals(actual.stream().sorted().toList()),
          "conservation",
          () -> lane.name() + " holds " + actual + "; the model expects " + expected);
    }
  }

  /** After a long quiet time, a running consumer has handled or dead-lettered all of its queue. */
  void checkRunningConsumersEmptiedTheirQueues() {
    follow();
    running.forEach(
        (target, consumer) ->
            journal.check(
                bus.stats(target.queue).total() == 0,
                "liveness",
                () ->
                    "the consumer of "
                        + target.queue
                        + " left "
                        + bus.peek(target.queue)
                        + " after 20 quiet minutes; acknowledged "
                        + consumer.acknowledged()
                        + ", failed "
                        + consumer.failed()));
  }

  /** Stops every consumer, receives and deletes everything left, and accounts for every message. */
  void drain() {
    running.keySet().stream().toList().forEach(this::stop);
    for (int round = 0; round < 20; round++) {
      for (Lane lane : model.lanes()) {
        model.receivesWith(lane.name(), DRAIN_VISIBILITY);
        List<ReceivedMessage> batch =
            bus.receive(lane.name(), Receive.upTo(10).withVisibilityTimeout(DRAIN_VISIBILITY));
        follow();
        for (ReceivedMessage message : batch) {
          model.completed(message.messageId(), message.receiveCount());
          bus.delete(lane.name(), message.receiptHandle());
        }
        follow();
      }
    }
    for (Life life : model.lives()) {
      journal.check(
          life.fate != Fate.QUEUED,
          "conservation",
          () -> life + " was neither acknowledged nor expired, nor left for the drain");
    }
  }

  void close() {
    running.values().forEach(BusConsumer::close);
  }
}
