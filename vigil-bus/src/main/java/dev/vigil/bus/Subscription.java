package dev.vigil.bus;

import dev.vigil.bus.internal.FilterPolicy;
import dev.vigil.bus.internal.SqsLimits;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A queue's subscription to a topic: which published messages it gets (an SNS filter policy on the
 * message attributes or on the JSON body) and in what form (raw, or wrapped in an SNS notification
 * envelope).
 *
 * <pre>{@code
 * bus.subscribe(Subscription.of("order--created", "billing")
 *     .withFilterPolicy("{\"region\":[\"eu\",{\"prefix\":\"us-\"}]}")
 *     .withRawDelivery());
 * }</pre>
 *
 * @param topic the topic
 * @param queue the queue that receives
 * @param filterPolicy the SNS filter policy as JSON, or {@code null} to receive everything
 * @param rawDelivery {@code true} to deliver the published body as is; {@code false} (SNS's
 *     default) to wrap it in a notification envelope
 * @param filterPolicyScope what the filter policy looks at
 * @since 0.1
 */
public record Subscription(
    String topic,
    String queue,
    @Nullable String filterPolicy,
    boolean rawDelivery,
    FilterPolicyScope filterPolicyScope) {

  /** What a filter policy looks at, as SNS's {@code FilterPolicyScope} subscription attribute. */
  public enum FilterPolicyScope {
    /** The message attributes (SNS's default). */
    MESSAGE_ATTRIBUTES,
    /** The message body, read as a JSON object; nested keys reach into it. */
    MESSAGE_BODY
  }

  /** Checks the names and that the filter policy parses in its scope. */
  public Subscription {
    SqsLimits.checkTopicName("topic", topic);
    SqsLimits.checkQueueName("queue", queue);
    Objects.requireNonNull(filterPolicyScope, "filterPolicyScope must not be null");
    if (filterPolicy != null) {
      FilterPolicy.parse(filterPolicy, filterPolicyScope);
    }
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
}
