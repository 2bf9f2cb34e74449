package dev.vigil.bus;

import dev.vigil.bus.internal.FilterPolicy;
import dev.vigil.bus.internal.SqsLimits;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A queue's subscription to a topic: which published messages it gets (an SNS filter policy on
 * message attributes) and in what form (raw, or wrapped in an SNS notification envelope).
 * Immutable; each {@code withX} returns a checked copy.
 *
 * <pre>{@code
 * bus.subscribe(Subscription.of("order--created", "billing")
 *     .withFilterPolicy("{\"region\":[\"eu\",{\"prefix\":\"us-\"}]}")
 *     .withRawDelivery());
 * }</pre>
 *
 * @since 0.1
 */
public final class Subscription {
  private final String topic;
  private final String queue;
  private final @Nullable String filterPolicy;
  private final boolean rawDelivery;

  private Subscription(
      String topic, String queue, @Nullable String filterPolicy, boolean rawDelivery) {
    SqsLimits.checkTopicName("topic", topic);
    SqsLimits.checkQueueName("queue", queue);
    if (filterPolicy != null) {
      FilterPolicy.parse(filterPolicy);
    }
    this.topic = topic;
    this.queue = queue;
    this.filterPolicy = filterPolicy;
    this.rawDelivery = rawDelivery;
  }

  /**
   * Subscribes {@code queue} to everything published on {@code topic}, enveloped as SNS does by
   * default.
   *
   * @param topic the topic
   * @param queue the queue
   * @return the subscription
   */
  public static Subscription of(String topic, String queue) {
    return new Subscription(topic, queue, null, false);
  }

  /**
   * Returns the topic.
   *
   * @return the topic's name
   */
  public String topic() {
    return topic;
  }

  /**
   * Returns the queue that receives.
   *
   * @return the queue's name
   */
  public String queue() {
    return queue;
  }

  /**
   * Returns the SNS filter policy.
   *
   * @return the policy as JSON, or {@code null} to receive everything
   */
  public @Nullable String filterPolicy() {
    return filterPolicy;
  }

  /**
   * Tells whether the published body is delivered as is.
   *
   * @return {@code true} for raw delivery; {@code false} (SNS's default) to wrap it in a
   *     notification envelope
   */
  public boolean rawDelivery() {
    return rawDelivery;
  }

  /**
   * Returns a copy on another topic.
   *
   * @param newTopic the topic
   * @return the copy
   */
  public Subscription withTopic(String newTopic) {
    return new Subscription(newTopic, queue, filterPolicy, rawDelivery);
  }

  /**
   * Returns a copy for another queue.
   *
   * @param newQueue the queue
   * @return the copy
   */
  public Subscription withQueue(String newQueue) {
    return new Subscription(topic, newQueue, filterPolicy, rawDelivery);
  }

  /**
   * Returns a copy that receives only messages whose attributes match {@code policy}.
   *
   * @param policy an SNS filter policy, such as {@code {"type":["order.created"]}}
   * @return the copy
   */
  public Subscription withFilterPolicy(String policy) {
    Objects.requireNonNull(policy, "filterPolicy must not be null");
    return new Subscription(topic, queue, policy, rawDelivery);
  }

  /**
   * Returns a copy that delivers the published body as is.
   *
   * @return the copy
   */
  public Subscription withRawDelivery() {
    return new Subscription(topic, queue, filterPolicy, true);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Subscription that
        && topic.equals(that.topic)
        && queue.equals(that.queue)
        && Objects.equals(filterPolicy, that.filterPolicy)
        && rawDelivery == that.rawDelivery;
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, queue, filterPolicy, rawDelivery);
  }

  @Override
  public String toString() {
    return "Subscription[topic="
        + topic
        + ", queue="
        + queue
        + ", filterPolicy="
        + filterPolicy
        + ", rawDelivery="
        + rawDelivery
        + "]";
  }
}
