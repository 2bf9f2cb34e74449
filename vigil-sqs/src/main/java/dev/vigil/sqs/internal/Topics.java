package dev.vigil.sqs.internal;

import dev.vigil.bus.BusException;
import dev.vigil.bus.Message;
import dev.vigil.bus.Subscription;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SNS topics of one bus: created and found by name, subscribed to SQS queues (with the queue policy
 * that lets the topic send), published to. Without SNS every operation but {@link #names()} fails,
 * saying so.
 */
public final class Topics implements TopicBackend {
  private final @Nullable SnsClient sns;
  private final String endpoint;
  private final QueueDirectory queues;
  private final SqsEvents events;
  private final Map<String, String> arns = new ConcurrentHashMap<>();

  /**
   * Creates the topics.
   *
   * @param sns the client, or {@code null} when the endpoint has no SNS
   * @param endpoint the endpoint as failure texts name it
   * @param queues the queue directory
   * @param events the timeline recorder
   */
  public Topics(@Nullable SnsClient sns, String endpoint, QueueDirectory queues, SqsEvents events) {
    this.sns = sns;
    this.endpoint = endpoint;
    this.queues = queues;
    this.events = events;
  }

  /**
   * Creates a topic (SNS's create is idempotent).
   *
   * @param topic the name
   * @return its ARN
   */
  @Override
  public void create(String topic) {
    createArn(topic);
  }

  private String createArn(String topic) {
    SnsClient client = client("create topic '" + topic + "'");
    try {
      String arn = client.createTopic(b -> b.name(topic)).topicArn();
      arns.put(topic, arn);
      return arn;
    } catch (SdkException | UncheckedIOException failure) {
      throw Failures.of(endpoint, "create topic '" + topic + "'", failure);
    }
  }

  /**
   * Subscribes a queue to a topic, creating the topic when missing; the queue must exist.
   *
   * @param subscription the topic, queue, filter policy and delivery form
   */
  @Override
  public void subscribe(Subscription subscription) {
    String topicArn = createArn(subscription.topic());
    String queueArn = queues.arn(subscription.queue());
    allowTopic(subscription.queue(), topicArn, queueArn);
    Map<String, String> attributes = new LinkedHashMap<>();
    if (subscription.rawDelivery()) {
      attributes.put("RawMessageDelivery", "true");
    }
    String policy = subscription.filterPolicy();
    if (policy != null) {
      attributes.put("FilterPolicy", policy);
      attributes.put(
          "FilterPolicyScope",
          subscription.filterPolicyScope() == Subscription.FilterPolicyScope.MESSAGE_BODY
              ? "MessageBody"
              : "MessageAttributes");
    }
    SnsClient client = client("subscribe");
    try {
      client.subscribe(
          b -> b.topicArn(topicArn).protocol("sqs").endpoint(queueArn).attributes(attributes));
    } catch (SdkException | UncheckedIOException failure) {
      throw Failures.of(
          endpoint,
          "subscribe queue '" + subscription.queue() + "' to topic '" + subscription.topic() + "'",
          failure);
    }
  }

  /**
   * AWS delivers to a queue only when its policy lets the topic send; local endpoints ignore it.
   */
  private void allowTopic(String queue, String topicArn, String queueArn) {
    String policy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\","
            + "\"Resource\":\""
            + queueArn
            + "\","
            + "\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\""
            + topicArn
            + "\"}}}]}";
    String url = queues.url(queue);
    queues.setAttribute(url, queue, QueueAttributeName.POLICY, policy);
  }

  /**
   * Publishes to a topic.
   *
   * @param topic the topic
   * @param message the message
   * @return SNS's message id
   */
  @Override
  public String publish(String topic, Message message) {
    String arn = arn(topic);
    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
    message
        .attributes()
        .forEach(
            (name, value) ->
                attributes.put(
                    name,
                    MessageAttributeValue.builder().dataType("String").stringValue(value).build()));
    PublishRequest.Builder request =
        PublishRequest.builder()
            .topicArn(arn)
            .message(message.body())
            .messageAttributes(attributes);
    if (message.groupId() != null) {
      request.messageGroupId(message.groupId());
    }
    if (message.deduplicationId() != null) {
      request.messageDeduplicationId(message.deduplicationId());
    }
    String messageId;
    try {
      messageId = client("publish").publish(request.build()).messageId();
    } catch (SdkException | UncheckedIOException failure) {
      throw Failures.of(endpoint, "publish to topic '" + topic + "'", failure);
    }
    events.published(topic, messageId, message.correlationId(), message.body());
    return messageId;
  }

  private String arn(String topic) {
    String known = arns.get(topic);
    if (known != null) {
      return known;
    }
    SnsClient client = client("publish to topic '" + topic + "'");
    try {
      for (Topic listed : client.listTopicsPaginator().topics()) {
        if (listed.topicArn().endsWith(":" + topic)) {
          arns.put(topic, listed.topicArn());
          return listed.topicArn();
        }
      }
    } catch (SdkException | UncheckedIOException failure) {
      throw Failures.of(endpoint, "find topic '" + topic + "'", failure);
    }
    throw new BusException(
        "unknown topic '" + topic + "' on SNS endpoint " + endpoint + ": create it first");
  }

  /**
   * Returns the names of the topics this bus created or used.
   *
   * @return the names, sorted; empty without SNS
   */
  @Override
  public Set<String> names() {
    return Collections.unmodifiableSet(new TreeSet<>(arns.keySet()));
  }

  private SnsClient client(String operation) {
    if (sns == null) {
      throw new BusException(
          "cannot "
              + operation
              + ": the SQS endpoint "
              + endpoint
              + " has no SNS, so it has no topics; connect with SqsEndpoint.withSns (LocalStack,"
              + " AWS), or send to queues");
    }
    return sns;
  }
}
