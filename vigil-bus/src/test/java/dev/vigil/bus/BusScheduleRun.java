package dev.vigil.bus;

import dev.vigil.Vigil;
import dev.vigil.bus.BusModel.Copy;
import dev.vigil.bus.BusModel.QueueModel;
import dev.vigil.bus.BusModel.Receipt;
import dev.vigil.bus.BusSchedules.Advance;
import dev.vigil.bus.BusSchedules.ChangeVisibility;
import dev.vigil.bus.BusSchedules.Crash;
import dev.vigil.bus.BusSchedules.DeleteReceipt;
import dev.vigil.bus.BusSchedules.Publish;
import dev.vigil.bus.BusSchedules.Purge;
import dev.vigil.bus.BusSchedules.QueueSetup;
import dev.vigil.bus.BusSchedules.ReceiveBatch;
import dev.vigil.bus.BusSchedules.Schedule;
import dev.vigil.bus.BusSchedules.SendJob;
import dev.vigil.bus.BusSchedules.SendTask;
import dev.vigil.bus.BusSchedules.SendToFifo;
import dev.vigil.bus.BusSchedules.SendToQueue;
import dev.vigil.bus.BusSchedules.StartConsumer;
import dev.vigil.bus.BusSchedules.Step;
import dev.vigil.bus.BusSchedules.StopConsumer;
import dev.vigil.bus.BusSchedules.Target;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One run of one schedule: sets up the queues on an embedded bus and in the model, plays the steps
 * through a producer and a consumer, compares every queue with the model after each step, and
 * drains the queues at the end.
 */
final class BusScheduleRun implements AutoCloseable {
  private static final Duration RETENTION = Duration.ofDays(14);

  private final Schedule schedule;
  private final Vigil vigil;
  private final EmbeddedBus bus;
  private final RunJournal journal;
  private final BusModel model = new BusModel();
  private final QueueChecks checks;
  private final RunProducer producer;
  private final RunConsumer consumer;
  private final RunConsumers consumers;

  BusScheduleRun(Schedule schedule) {
    this.schedule = schedule;
    this.vigil = Vigil.builder().seed(schedule.seed()).build();
    this.bus = EmbeddedBus.create(vigil, schedule.seed());
    this.journal = new RunJournal(vigil, schedule);
    this.checks = new QueueChecks(bus, model, journal);
    this.producer = new RunProducer(bus, model, journal, schedule.faults());
    this.consumer = new RunConsumer(bus, model, journal, checks);
    this.consumers = new RunConsumers(bus, vigil, schedule, journal);
  }

  /** The context the run's bus lives on, for checks planted by tests. */
  Vigil vigil() {
    return vigil;
  }

  /** How often each of {@link RunJournal#PATHS} was reached. */
  Map<String, Integer> exercised() {
    return journal.exercised();
  }

  void play() {
    setUp();
    List<Step> steps = schedule.steps();
    for (int i = 0; i < steps.size(); i++) {
      journal.at("step " + i + " " + steps.get(i));
      execute(steps.get(i));
      checks.checkEveryQueue();
      consumers.check();
    }
    drain();
  }

  private void setUp() {
    createSourceQueue(Target.ORDERS, schedule.orders());
    createSourceQueue(Target.AUDIT, schedule.audit());
    createSourceQueue(Target.PAYMENTS, schedule.payments());
    // Raw delivery keeps the published body, so that a copy is recognised in every queue.
    bus.subscribe(Subscription.of(BusSchedules.TOPIC, Target.ORDERS.queue).withRawDelivery());
    bus.subscribe(Subscription.of(BusSchedules.TOPIC, Target.AUDIT.queue).withRawDelivery());
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
    model.add(
        new QueueModel(
            target.queue,
            setup.maxReceiveCount(),
            target.deadLetterQueue,
            setup.visibilitySeconds()));
    // Dead-letter queues are never received from: no redrive, and their visibility never matters.
    model.add(new QueueModel(target.deadLetterQueue, 0, null, 0));
  }

  private void execute(Step step) {
    if (step instanceof SendToQueue send) {
      producer.sendToQueue(send.delaySeconds());
    } else if (step instanceof SendToFifo send) {
      producer.sendToFifo(send.group(), send.deduplicationId());
    } else if (step instanceof Publish) {
      producer.publish();
    } else if (step instanceof ReceiveBatch receive) {
      consumer.receive(
          model.queue(receive.target().queue),
          receive.max(),
          receive.visibilitySeconds(),
          receive.waitSeconds());
    } else if (step instanceof DeleteReceipt delete) {
      consumer.deletePicked(delete.pick(), delete.stale());
    } else if (step instanceof ChangeVisibility change) {
      consumer.changeVisibilityOfPicked(change.pick(), change.seconds());
    } else if (step instanceof Crash) {
      consumer.crash();
    } else if (step instanceof Advance advance) {
      advance(Duration.ofSeconds(advance.seconds()));
    } else if (step instanceof Purge purge) {
      purge(model.queue(purge.target().queue));
    } else if (step instanceof SendJob send) {
      consumers.sendJob(send.delaySeconds());
    } else if (step instanceof SendTask send) {
      consumers.sendTask(send.group());
    } else if (step instanceof StartConsumer start) {
      consumers.start(start);
    } else if (step instanceof StopConsumer stop) {
      consumers.stop(stop.target());
    } else {
      throw new IllegalArgumentException("unknown step " + step);
    }
  }

  private void purge(QueueModel queue) {
    int expected = queue.copies.size();
    int purged = bus.purge(queue.name);
    model.applyDeadLetters(journal.freshEntries(), journal);
    journal.check(
        purged == expected,
        "conservation",
        () -> "purge of " + queue.name + " deleted " + purged + "; it held " + queue.copies);
    queue.copies.forEach(c -> queue.ledger(c.messageId).purged++);
    if (purged > 0) {
      journal.reached("purged");
    }
    queue.copies.clear();
  }

  private void advance(Duration duration) {
    long start = journal.now();
    long end = start + duration.toNanos();
    // The bus promises to bring a timed-out message back when its timeout ends, without anyone
    // looking: consumers rely on it. Peek, stats and receive would hide a missed wake-up, since
    // they bring messages back themselves; the retry entries' instants do not.
    List<String> expected = new ArrayList<>();
    for (QueueModel queue : model.queues()) {
      for (Copy copy : queue.copies) {
        if (copy.inFlight(start) && copy.visibleAtNanos <= end) {
          expected.add(retry(queue.name, copy.messageId, copy.receiveCount, copy.visibleAtNanos));
        }
      }
    }
    if (!expected.isEmpty()) {
      journal.reached("visibility expired");
    }
    vigil.virtualTime().advanceBy(duration);
    List<TimelineEntry> fresh = journal.freshEntries();
    model.applyDeadLetters(fresh, journal);
    List<String> retried = new ArrayList<>();
    for (TimelineEntry entry : fresh) {
      if (entry.type().startsWith("retry ")
          && entry.nanos() > start
          && model.has(entry.attributes().get("queue"))) {
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
    journal.check(
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

  /** Ends the schedule: lets every delay and timeout pass, then receives and deletes all. */
  private void drain() {
    journal.at("drain");
    advance(Duration.ofMinutes(20));
    consumers.checkRunningConsumersEmptiedTheirQueues();
    List<QueueModel> sources =
        Arrays.stream(Target.values()).map(t -> model.queue(t.queue)).toList();
    for (int round = 0;
        round < 100 && sources.stream().anyMatch(q -> !q.copies.isEmpty());
        round++) {
      journal.at("drain round " + round);
      for (QueueModel queue : sources) {
        for (Receipt receipt : consumer.receive(queue, 10, null, 0)) {
          consumer.delete(receipt);
        }
      }
      checks.checkEveryQueue();
    }
    for (QueueModel queue : sources) {
      journal.check(
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
              journal.check(
                  ledger.accepted == ledger.acknowledged + ledger.deadLettered + ledger.purged,
                  "conservation",
                  () -> id + " on " + queue.name + " is unaccounted for: " + ledger));
    }
    journal.at("drain of the consumed queues");
    consumers.drain();
  }

  @Override
  public void close() {
    consumers.close();
    bus.close();
    vigil.close();
  }
}
