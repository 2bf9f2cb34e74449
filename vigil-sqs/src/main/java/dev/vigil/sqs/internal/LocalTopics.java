package dev.vigil.sqs.internal;

import dev.vigil.bus.BusException;
import dev.vigil.bus.Message;
import dev.vigil.bus.Subscription;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Topics kept by the bus itself, for endpoints without SNS (ElasticMQ): a publish sends the
 * message, unwrapped, to every queue subscribed through this bus, in the order they subscribed.
 */
public final class LocalTopics implements TopicBackend {
  private final String endpoint;
  private final QueueOperations operations;
  private final SqsEvents events;
  private final ConcurrentMap<String, Set<String>> subscribers = new ConcurrentHashMap<>();

  /**
   * Creates the topics.
   *
   * @param endpoint the endpoint as failure texts name it
   * @param operations what sends to the queues
   * @param events the timeline recorder
   */
  public LocalTopics(String endpoint, QueueOperations operations, SqsEvents events) {
    this.endpoint = endpoint;
    this.operations = operations;
    this.events = events;
  }

  @Override
  public void create(String topic) {
    queuesOf(topic);
  }

  private Set<String> queuesOf(String topic) {
    return subscribers.computeIfAbsent(topic, name -> new CopyOnWriteArraySet<>());
  }

  @Override
  public void subscribe(Subscription subscription) {
    if (subscription.filterPolicy() != null) {
      throw new BusException(
          "cannot subscribe queue '"
              + subscription.queue()
              + "' to topic '"
              + subscription.topic()
              + "' with a filter policy: the topics of "
              + endpoint
              + " are kept by the bus (SqsEndpoint.withLocalTopics), which applies none;"
              + " connect with SqsEndpoint.withSns for SNS's filter policies");
    }
    queuesOf(subscription.topic()).add(subscription.queue());
  }

  @Override
  public String publish(String topic, Message message) {
    Set<String> queues = subscribers.get(topic);
    if (queues == null) {
      throw new BusException(
          "unknown topic '"
              + topic
              + "' on "
              + endpoint
              + ": local topics exist only in the bus that created them; create it first");
    }
    for (String queue : queues) {
      operations.sendUnrecorded(queue, message);
    }
    String messageId = UUID.randomUUID().toString();
    events.published(topic, messageId, message.correlationId(), message.body());
    return messageId;
  }

  @Override
  public Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(subscribers.keySet()));
  }
}
