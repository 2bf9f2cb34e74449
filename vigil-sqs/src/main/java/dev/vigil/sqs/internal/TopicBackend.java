package dev.vigil.sqs.internal;

import dev.vigil.bus.Message;
import dev.vigil.bus.Subscription;
import java.util.Set;

/** Where an SQS bus's topics live: SNS ({@link Topics}) or the bus itself ({@link LocalTopics}). */
public interface TopicBackend {

  /**
   * Creates a topic; creating one that exists does nothing.
   *
   * @param topic the name
   */
  void create(String topic);

  /**
   * Subscribes a queue to a topic, creating the topic when missing; the queue must exist.
   *
   * @param subscription the topic, queue, filter policy and delivery form
   */
  void subscribe(Subscription subscription);

  /**
   * Publishes to a topic, recording one publish entry.
   *
   * @param topic the topic
   * @param message the message
   * @return the message id
   */
  String publish(String topic, Message message);

  /**
   * Returns the names of the topics this bus created or used.
   *
   * @return the names, sorted
   */
  Set<String> names();
}
