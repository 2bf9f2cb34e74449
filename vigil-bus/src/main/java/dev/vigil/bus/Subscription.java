package dev.vigil.bus;

import dev.vigil.bus.internal.FilterPolicy;
import dev.vigil.bus.internal.SqsLimits;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A queue's subscription to a topic: which published messages it gets (an SNS filter policy on the
 * message attributes or on the JSON body) and in what form (raw, or wrapped in an SNS notification
 * envelope). Immutable; each {@code withX} returns a checked copy.
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
  /** What a filter policy looks at, as SNS's {@code FilterPolicyScope} subscription attribute. */
  public enum FilterPolicyScope {
    /** The message attributes (SNS's default). */
    MESSAGE_ATTRIBUTES,
    /** The message body, read as a JSON object; nested keys reach into it. */
    MESSAGE_BODY
  }

  private final String topic;
  private final String queue;
  private final @Nullable String filterPolicy;
  private final boolean rawDelivery;
  private final FilterPolicyScope filterPolicyScope;

  private Subscription(
      String topic,
      String queue,
      @Nullable String filterPolicy,
      boolean rawDelivery,
      FilterPolicyScope filterPolicyScope) {
    SqsLimits.checkTopicName("topic", topic);
    SqsLimits.checkQueueName("queue", queue);
    Objects.requireNonNull(filterPolicyScope, "filterPolicyScope must not be null");
    if (filterPolicy != null) {
      FilterPolicy.parse(filterPolicy, filterPolicyScope);
    }
    this.topic = topic;
    this.queue = queue;
    this.filterPolicy = filterPolicy;
    this.rawDelivery = rawDelivery;
    this.filterPolicyScope = filterPolicyScope;
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
    return new Subscription(topic, queue, null, false, FilterPolicyScope.MESSAGE_ATTRIBUTES);
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
   * Returns what the filter policy looks at.
   *
   * @return the message attributes (the default) or the JSON body
   */
  public FilterPolicyScope filterPolicyScope() {
    return filterPolicyScope;
  }

  /**
   * Returns a copy on another topic.
   *
   * @param newTopic the topic
   * @return the copy
   */
  public Subscription withTopic(String newTopic) {
    return new Subscription(newTopic, queue, filterPolicy, rawDelivery, filterPolicyScope);
  }

  /**
   * Returns a copy for another queue.
   *
   * @param newQueue the queue
   * @return the copy
   */
  public Subscription withQueue(String newQueue) {
    return new Subscription(topic, newQueue, filterPolicy, rawDelivery, filterPolicyScope);
  }

  /**
   * Returns a copy that receives only messages whose attributes match {@code policy}.
   *
   * @param policy an SNS filter policy, such as {@code {"type":["order.created"]}}
   * @return the copy
   */
  public Subscription withFilterPolicy(String policy) {
    return withFilterPolicy(policy, FilterPolicyScope.MESSAGE_ATTRIBUTES);
  }

  /**
   * Returns a copy that receives only messages whose attributes or body, as {@code scope} says,
   * match {@code policy}.
   *
   * <pre>{@code
   * Subscription.of("orders", "eu-orders")
   *     .withFilterPolicy("{\"customer\":{\"region\":[\"eu\"]}}", FilterPolicyScope.MESSAGE_BODY);
   * }</pre>
   *
   * @param policy an SNS filter policy; with {@code MESSAGE_BODY} it may nest keys
   * @param scope what the policy looks at
   * @return the copy
   */
  public Subscription withFilterPolicy(String policy, FilterPolicyScope scope) {
    Objects.requireNonNull(policy, "filterPolicy must not be null");
    return new Subscription(topic, queue, policy, rawDelivery, scope);
  }

  /**
   * Returns a copy that delivers the published body as is.
   *
   * @return the copy
   */
  public Subscription withRawDelivery() {
    return new Subscription(topic, queue, filterPolicy, true, filterPolicyScope);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Subscription that
        && topic.equals(that.topic)
        && queue.equals(that.queue)
        && Objects.equals(filterPolicy, that.filterPolicy)
        && rawDelivery == that.rawDelivery
        && filterPolicyScope == that.filterPolicyScope;
  }

  @Override
  public int hashCode() {
    return Objects.hash(topic, queue, filterPolicy, rawDelivery, filterPolicyScope);
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
        + ", filterPolicyScope="
        + filterPolicyScope
        + "]";
  }
}
