package dev.vigil.bus.internal;

import dev.vigil.bus.BusException;
import dev.vigil.bus.FaultPlan;
import java.util.Objects;
import java.util.Set;

/**
 * The operations that change the bus rather than carry messages: deleting queues (and stopping
 * their consumers), purging, and planning faults. Creating topics, queues and subscriptions is
 * {@link Topology}'s.
 */
final class Administration {
  private final BusEvents events;
  private final FaultInjector faults;
  private final Deduplication deduplication;
  private final Topology topology;
  private final Consumers consumers;

  Administration(Broker.Parts parts, Consumers consumers) {
    this.events = parts.events();
    this.faults = parts.faults();
    this.deduplication = parts.deduplication();
    this.topology = parts.topology();
    this.consumers = consumers;
  }

  /** Deletes a queue, its messages, its consumers and its subscriptions. */
  void deleteQueue(String name) {
    QueueEngine engine = topology.deleteQueue(name);
    consumers.closeAllOf(engine);
    deduplication.forget(name);
  }

  /** Deletes every message of a queue. */
  int purge(String queueName) {
    QueueEngine queue = topology.queue(queueName);
    int count = queue.purge();
    events.purged(queueName, count);
    return count;
  }

  /** Purges the named queues; returns how many messages were deleted. */
  int purgeAll(Set<String> names) {
    int total = 0;
    for (String name : names) {
      total += purge(name);
    }
    return total;
  }

  /** Sets the bus-wide fault plan. */
  void injectFaults(FaultPlan plan) {
    faults.plan(Objects.requireNonNull(plan, "plan must not be null"));
  }

  /** Sets the fault plan of one queue or topic. */
  void injectFaults(String target, FaultPlan plan) {
    Objects.requireNonNull(plan, "plan must not be null");
    if (!topology.hasQueueOrTopic(target)) {
      throw new BusException(
          "no queue or topic named '"
              + target
              + "' to inject faults into; queues: "
              + topology.queueNames()
              + ", topics: "
              + topology.topicNames());
    }
    faults.plan(target, plan);
  }

  /** Removes every fault plan. */
  void clearFaults() {
    faults.clear();
  }
}
