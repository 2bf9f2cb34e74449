package dev.vigil.bus.internal;

import dev.vigil.bus.Message;
import dev.vigil.time.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fans a published message out to the topic's subscribed queues whose filter policy matches, raw or
 * in an SNS envelope. A publish is all or nothing: every target is checked before any gets a copy.
 */
final class Publisher {
  private final TimeSource time;
  private final BusEvents events;
  private final MessageIds ids;
  private final Topology topology;
  private final Sender sender;

  Publisher(Broker.Parts parts, Sender sender) {
    this.time = parts.time();
    this.events = parts.events();
    this.ids = parts.ids();
    this.topology = parts.topology();
    this.sender = sender;
  }

  /** One queue's copy of a published message, checked and ready to enqueue. */
  private record Delivery(QueueEngine queue, Message copy) {}

  /** Publishes to a topic's subscribed queues; returns the SNS message id. */
  String publish(String topicName, Message message) {
    Objects.requireNonNull(message, "message must not be null");
    TopicState topic = topology.topic(topicName);
    MessageRules.checkLimits(topicName, message);
    if (topic.fifo() && message.groupId() == null) {
      throw new IllegalArgumentException(
          "a message published to FIFO topic '"
              + topicName
              + "' needs a groupId (Message.withGroupId)");
    }
    String correlationId = Sender.correlationOf(message);
    sender.failIfPlanned(topicName, correlationId);
    String snsMessageId = ids.next();
    List<Delivery> deliveries =
        deliveries(topic, snsMessageId, Sender.withCorrelation(message, correlationId));
    // The publish goes on the timeline before the deliveries it causes.
    events.published(
        topicName,
        snsMessageId,
        correlationId,
        message.body(),
        deliveries.stream().map(delivery -> delivery.queue().name()).toList());
    for (Delivery delivery : deliveries) {
      sender.enqueue(delivery.queue(), delivery.copy(), correlationId);
    }
    return snsMessageId;
  }

  /** Makes each matching queue's copy, checking each before any is delivered. */
  private List<Delivery> deliveries(TopicState topic, String snsMessageId, Message message) {
    List<Delivery> deliveries = new ArrayList<>();
    for (TopicState.Route route : topic.routes) {
      QueueEngine queue = topology.queueIfPresent(route.subscription().queue());
      if (queue == null || !route.policy().matches(message)) {
        continue; // unmatched, or the queue was deleted since it subscribed
      }
      Message copy = deduplicatedByPublishedBody(queue, message);
      if (!route.subscription().rawDelivery()) {
        copy = enveloped(topic, snsMessageId, copy);
      }
      deliveries.add(new Delivery(queue, copy));
    }
    return deliveries;
  }

  /**
   * Checks a FIFO queue's rules and fixes the copy's deduplication id from the published body, as
   * SNS does: an envelope differs per publish (its {@code MessageId}), so hashing it would never
   * find a duplicate.
   */
  private static Message deduplicatedByPublishedBody(QueueEngine queue, Message message) {
    MessageRules.checkFifoRules(queue, message);
    if (!queue.fifo || message.deduplicationId() != null) {
      return message;
    }
    return message.withDeduplicationId(MessageRules.deduplicationIdOf(queue, message));
  }

  private Message enveloped(TopicState topic, String snsMessageId, Message message) {
    String body =
        SnsEnvelope.wrap(
            snsMessageId, topic.arn, null, message.body(), message.attributes(), time.instant());
    // SNS puts the attributes inside the envelope, not on the SQS message.
    return new Message(
        body, Map.of(), message.groupId(), message.deduplicationId(), message.delay());
  }
}
