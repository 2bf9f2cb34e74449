package dev.vigil.bus;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * What a bus schedule is made of: its queues and their setup, the bus-wide faults, the handlers'
 * script and the steps of a producer, a consumer that calls receive itself, and consumers that run
 * handlers. {@link ScheduleGenerator} draws them, {@link ScheduleShrinker} shrinks them.
 */
final class BusSchedules {
  /** The topic a {@link Publish} goes to; it fans out to {@code orders} and {@code audit}. */
  static final String TOPIC = "order-events";

  private BusSchedules() {}

  /** The queues a test receives from itself, each with its dead-letter queue. */
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

  /**
   * The queues consumers run on: {@code jobs} dead-letters into {@code jobs-dlq}, which
   * dead-letters into {@code jobs-parked}; {@code tasks.fifo} into {@code tasks-dlq.fifo}.
   */
  enum Consumed {
    JOBS("jobs", "jobs-dlq"),
    JOBS_DLQ("jobs-dlq", "jobs-parked"),
    TASKS("tasks.fifo", "tasks-dlq.fifo");

    final String queue;
    final String deadLetterQueue;

    Consumed(String queue, String deadLetterQueue) {
      this.queue = queue;
      this.deadLetterQueue = deadLetterQueue;
    }
  }

  /** What a handler does with one delivery. */
  enum Outcome {
    /** Returns: the consumer acknowledges the message. */
    ACK,
    /** Throws an exception: the message comes back after its visibility timeout. */
    RETRY
  }

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
          Purge,
          SendJob,
          SendTask,
          StartConsumer,
          StopConsumer {}

  /** Sends straight to the standard queue {@code orders}. */
  record SendToQueue(int delaySeconds) implements Step {}

  /** Sends to {@code payments.fifo}; few groups and deduplication ids, so that both repeat. */
  record SendToFifo(int group, int deduplicationId) implements Step {}

  /** Publishes to the topic, which fans out to {@code orders} and {@code audit}. */
  record Publish() implements Step {}

  /** Receives a batch, optionally overriding the visibility timeout, waiting up to a wait time. */
  record ReceiveBatch(Target target, int max, @Nullable Integer visibilitySeconds, int waitSeconds)
      implements Step {}

  /** Deletes a receipt the consumer holds or, when {@code stale}, any receipt ever seen. */
  record DeleteReceipt(int pick, boolean stale) implements Step {}

  /** Changes the visibility timeout of a receipt the consumer holds. */
  record ChangeVisibility(int pick, int seconds) implements Step {}

  /** The consumer dies: it forgets every receipt it holds without deleting. */
  record Crash() implements Step {}

  /** Moves virtual time, which runs the bus's wake-ups and the running consumers. */
  record Advance(int seconds) implements Step {}

  /** Purges a queue. */
  record Purge(Target target) implements Step {}

  /** Sends to {@code jobs}, which has a delay of its own, with a delay of the message's. */
  record SendJob(int delaySeconds) implements Step {}

  /** Sends to {@code tasks.fifo} in a group, with a deduplication id of its own. */
  record SendTask(int group) implements Step {}

  /** Starts a consumer on a queue unless one runs there. */
  record StartConsumer(
      Consumed target, int concurrency, int batchSize, @Nullable Integer visibilitySeconds)
      implements Step {}

  /** Closes the consumer of a queue, if one runs there. */
  record StopConsumer(Consumed target) implements Step {}

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

  /** How a queue the test receives from itself is set up. */
  record QueueSetup(int maxReceiveCount, int visibilitySeconds) {}

  /**
   * How the consumed queues are set up: {@code jobs}'s delay and retention, the receives each queue
   * of the chain allows, their visibility timeout, and how often an acknowledgement is lost.
   */
  record ConsumedSetup(
      int jobsDelaySeconds,
      int retentionSeconds,
      int jobsMaxReceiveCount,
      int jobsDlqMaxReceiveCount,
      int tasksMaxReceiveCount,
      int visibilitySeconds,
      double lostAcks) {
    static final ConsumedSetup SIMPLEST = new ConsumedSetup(0, 60, 1, 1, 1, 0, 0);

    ConsumedSetup withJobsDelaySeconds(int value) {
      return new ConsumedSetup(
          value,
          retentionSeconds,
          jobsMaxReceiveCount,
          jobsDlqMaxReceiveCount,
          tasksMaxReceiveCount,
          visibilitySeconds,
          lostAcks);
    }

    ConsumedSetup withRetentionSeconds(int value) {
      return new ConsumedSetup(
          jobsDelaySeconds,
          value,
          jobsMaxReceiveCount,
          jobsDlqMaxReceiveCount,
          tasksMaxReceiveCount,
          visibilitySeconds,
          lostAcks);
    }

    ConsumedSetup withJobsMaxReceiveCount(int value) {
      return new ConsumedSetup(
          jobsDelaySeconds,
          retentionSeconds,
          value,
          jobsDlqMaxReceiveCount,
          tasksMaxReceiveCount,
          visibilitySeconds,
          lostAcks);
    }

    ConsumedSetup withJobsDlqMaxReceiveCount(int value) {
      return new ConsumedSetup(
          jobsDelaySeconds,
          retentionSeconds,
          jobsMaxReceiveCount,
          value,
          tasksMaxReceiveCount,
          visibilitySeconds,
          lostAcks);
    }

    ConsumedSetup withTasksMaxReceiveCount(int value) {
      return new ConsumedSetup(
          jobsDelaySeconds,
          retentionSeconds,
          jobsMaxReceiveCount,
          jobsDlqMaxReceiveCount,
          value,
          visibilitySeconds,
          lostAcks);
    }

    ConsumedSetup withVisibilitySeconds(int value) {
      return new ConsumedSetup(
          jobsDelaySeconds,
          retentionSeconds,
          jobsMaxReceiveCount,
          jobsDlqMaxReceiveCount,
          tasksMaxReceiveCount,
          value,
          lostAcks);
    }

    ConsumedSetup withLostAcks(double value) {
      return new ConsumedSetup(
          jobsDelaySeconds,
          retentionSeconds,
          jobsMaxReceiveCount,
          jobsDlqMaxReceiveCount,
          tasksMaxReceiveCount,
          visibilitySeconds,
          value);
    }
  }

  /** A whole run: the bus's seed, its faults, its queues, the handlers' script and the steps. */
  record Schedule(
      long seed,
      Faults faults,
      QueueSetup orders,
      QueueSetup audit,
      QueueSetup payments,
      ConsumedSetup consumed,
      List<Outcome> script,
      List<Step> steps) {

    Schedule {
      script = List.copyOf(script);
      steps = List.copyOf(steps);
      if (script.isEmpty()) {
        throw new IllegalArgumentException("script must not be empty, was " + script);
      }
    }

    /** What a handler does with the {@code receiveCount}th delivery of message {@code number}. */
    Outcome outcomeOf(int number, int receiveCount) {
      return script.get(Math.floorMod(number * 7 + receiveCount, script.size()));
    }

    Schedule withSteps(List<Step> newSteps) {
      return new Schedule(seed, faults, orders, audit, payments, consumed, script, newSteps);
    }

    /** The schedule one step per line, as a reader would write it down. */
    String describe() {
      String header =
          String.format(
              "seed %d, faults %s%n  orders %s, audit %s, payments %s%n  %s%n  handler script %s",
              seed, faults, orders, audit, payments, consumed, script);
      String body =
          IntStream.range(0, steps.size())
              .mapToObj(i -> String.format("  %2d. %s", i, steps.get(i)))
              .collect(Collectors.joining(System.lineSeparator()));
      return header + System.lineSeparator() + body;
    }
  }
}
