package dev.vigil.bus;

import dev.vigil.bus.internal.FilterPolicy;
import dev.vigil.bus.internal.SqsLimits;
import org.jspecify.annotations.Nullable;

/**
 * A queue's subscription to a topic: which published messages it gets (an SNS filter policy on
 * message attributes) and in what form (raw, or wrapped in an SNS notification envelope).
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
 * @since 0.1
 */
public record Subscription(
    String topic, String queue, @Nullable String filterPolicy, boolean rawDelivery) {

  /** Checks the names and that the filter policy parses. */
  public Subscription {
    SqsLimits.checkTopicName("topic", topic);
    SqsLimits.checkQueueName("queue", queue);
    if (filterPolicy != null) {
      FilterPolicy.parse(filterPolicy);
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
    return new Subscription(topic, queue, null, false);
  }

  /**
   * Returns a copy that receives only messages whose attributes match {@code policy}.
   *
   * @param policy an SNS filter policy, such as {@code {"type":["order.created"]}}
   * @return the copy
   */
  public Subscription withFilterPolicy(String policy) {
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
}
