package dev.vigil.bus.internal;

import dev.vigil.bus.BusException;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.Subscription;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The broker's topics and queues by name, and the SNS/SQS rules about how they fit together: a
 * dead-letter queue of the same kind as its queue, FIFO topics only to FIFO queues, one spec per
 * queue name. Unknown names fail with the names that exist.
 */
final class Topology {
  private final Map<String, QueueEngine> queues = new ConcurrentHashMap<>();
  private final Map<String, TopicState> topics = new ConcurrentHashMap<>();

  /** Creates a topic unless it exists. */
  void createTopic(String name) {
    SqsLimits.checkTopicName("topic", name);
    topics.computeIfAbsent(name, TopicState::new);
  }

  /** Creates a queue (and its dead-letter queue) unless it exists with the same spec. */
  void createQueue(QueueSpec spec) {
    Objects.requireNonNull(spec, "spec must not be null");
    String deadLetterQueue = spec.deadLetterQueue();
    if (deadLetterQueue != null) {
      QueueEngine existing = queues.get(deadLetterQueue);
      if (existing == null) {
        createQueue(QueueSpec.named(deadLetterQueue));
      } else if (existing.fifo != spec.fifo()) {
        throw new BusException(
            "dead-letter queue '"
                + deadLetterQueue
                + "' must be FIFO exactly when '"
                + spec.name()
                + "' is");
      }
    }
    QueueEngine engine = queues.computeIfAbsent(spec.name(), n -> QueueEngine.create(spec));
    if (!engine.spec.equals(spec)) {
      throw new BusException(
          "queue '"
              + spec.name()
              + "' exists with other attributes: "
              + engine.spec
              + "; asked for "
              + spec
              + ". Delete it first or use the same spec");
    }
  }

  /** Deletes a topic and its subscriptions. */
  void deleteTopic(String name) {
    if (topics.remove(name) == null) {
      throw unknownTopic(name);
    }
  }

  /**
   * Removes a queue and its subscriptions; returns it so that the broker can stop its consumers.
   */
  QueueEngine deleteQueue(String name) {
    for (QueueEngine other : queues.values()) {
      if (name.equals(other.spec.deadLetterQueue())) {
        // Its dead letters would have nowhere to go, and a dead letter is never dropped.
        throw new BusException(
            "queue '"
                + name
                + "' is the dead-letter queue of '"
                + other.name()
                + "'; delete '"
                + other.name()
                + "' first");
      }
    }
    QueueEngine engine = queues.remove(name);
    if (engine == null) {
      throw unknownQueue(name);
    }
    topics.values().forEach(topic -> topic.unsubscribe(name));
    return engine;
  }

  /** Subscribes a queue to a topic, creating both when missing. */
  void subscribe(Subscription subscription) {
    Objects.requireNonNull(subscription, "subscription must not be null");
    SqsLimits.checkTopicName("topic", subscription.topic());
    TopicState topic = topics.computeIfAbsent(subscription.topic(), TopicState::new);
    QueueEngine queue = queues.get(subscription.queue());
    if (queue == null) {
      createQueue(QueueSpec.named(subscription.queue()));
      queue = queue(subscription.queue());
    }
    if (topic.fifo() != queue.fifo) {
      throw new BusException(
          "topic '"
              + topic.name
              + "' and queue '"
              + queue.name()
              + "' must both be FIFO or both standard: SNS delivers FIFO topics only to FIFO"
              + " queues and standard topics only to standard queues");
    }
    topic.subscribe(subscription);
  }

  /** Returns the spec a queue was created with. */
  QueueSpec spec(String queueName) {
    return queue(queueName).spec;
  }

  /** Returns the names of the queues, sorted. */
  Set<String> queueNames() {
    return new TreeSet<>(queues.keySet());
  }

  /** Returns the names of the topics, sorted. */
  Set<String> topicNames() {
    return new TreeSet<>(topics.keySet());
  }

  /** Returns a queue, failing with the names that exist when there is none by that name. */
  QueueEngine queue(String name) {
    QueueEngine queue = queues.get(Objects.requireNonNull(name, "queue must not be null"));
    if (queue == null) {
      throw unknownQueue(name);
    }
    return queue;
  }

  /** Returns a topic, failing with the names that exist when there is none by that name. */
  TopicState topic(String name) {
    TopicState topic = topics.get(Objects.requireNonNull(name, "topic must not be null"));
    if (topic == null) {
      throw unknownTopic(name);
    }
    return topic;
  }

  /** Returns the queue by that name, or {@code null}: for routes that outlive their queue. */
  @Nullable QueueEngine queueIfPresent(String name) {
    return queues.get(name);
  }

  /** Tells whether {@code queue} is still the queue registered under its name. */
  boolean isCurrent(QueueEngine queue) {
    return queues.get(queue.name()) == queue;
  }

  boolean hasQueueOrTopic(String name) {
    return queues.containsKey(name) || topics.containsKey(name);
  }

  private BusException unknownQueue(String name) {
    return new BusException("no queue named '" + name + "'; queues: " + queueNames());
  }

  private BusException unknownTopic(String name) {
    return new BusException("no topic named '" + name + "'; topics: " + topicNames());
  }
}
