package dev.vigil.bus;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;

/**
 * What a random bus schedule is made of (its queues and their setup, the bus-wide faults, the steps
 * of a producer and a consumer) and the generators that draw schedules for {@link
 * BusInvariantsProperties}.
 */
final class BusSchedules {
  /** The topic a {@link Publish} goes to; it fans out to {@code orders} and {@code audit}. */
  static final String TOPIC = "order-events";

  private BusSchedules() {}

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

  /** Schedules of 1 to 50 steps; a quarter of them without faults. */
  static Arbitrary<Schedule> schedules() {
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
}
