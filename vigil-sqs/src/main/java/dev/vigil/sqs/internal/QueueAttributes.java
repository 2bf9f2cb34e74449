package dev.vigil.sqs.internal;

import dev.vigil.bus.QueueSpec;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** A {@link QueueSpec} as SQS queue attributes, and back. SQS counts in whole seconds. */
public final class QueueAttributes {
  private static final Pattern REDRIVE =
      Pattern.compile(
          "\"deadLetterTargetArn\"\\s*:\\s*\"[^\"]*:([^:\"]+)\".*\"maxReceiveCount\"\\s*:\\s*\"?(\\d+)");

  private QueueAttributes() {}

  /**
   * Returns the attributes that create a queue as {@code spec} says.
   *
   * @param spec the spec
   * @param deadLetterArn the ARN of its dead-letter queue, or {@code null} when it has none
   * @return the attributes
   */
  public static Map<QueueAttributeName, String> of(QueueSpec spec, @Nullable String deadLetterArn) {
    Map<QueueAttributeName, String> attributes = new EnumMap<>(QueueAttributeName.class);
    attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, seconds(spec.visibilityTimeout()));
    attributes.put(QueueAttributeName.DELAY_SECONDS, seconds(spec.delay()));
    attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD, seconds(spec.retention()));
    attributes.put(
        QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, seconds(spec.receiveWaitTime()));
    if (deadLetterArn != null) {
      attributes.put(
          QueueAttributeName.REDRIVE_POLICY,
          "{\"deadLetterTargetArn\":\""
              + deadLetterArn
              + "\",\"maxReceiveCount\":"
              + spec.maxReceiveCount()
              + "}");
    }
    if (spec.fifo()) {
      attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
      attributes.put(
          QueueAttributeName.CONTENT_BASED_DEDUPLICATION,
          Boolean.toString(spec.contentBasedDeduplication()));
    }
    return attributes;
  }

  /**
   * Reads the spec of a queue this bus did not create from its attributes.
   *
   * @param name the queue's name
   * @param attributes its attributes as the endpoint returned them
   * @return the spec
   */
  public static QueueSpec toSpec(String name, Map<QueueAttributeName, String> attributes) {
    QueueSpec spec =
        QueueSpec.named(name)
            .withVisibilityTimeout(duration(attributes, QueueAttributeName.VISIBILITY_TIMEOUT, 30))
            .withDelay(duration(attributes, QueueAttributeName.DELAY_SECONDS, 0))
            .withRetention(
                duration(attributes, QueueAttributeName.MESSAGE_RETENTION_PERIOD, 345_600))
            .withReceiveWaitTime(
                duration(attributes, QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, 0));
    if ("true".equals(attributes.get(QueueAttributeName.CONTENT_BASED_DEDUPLICATION))) {
      spec = spec.withContentBasedDeduplication();
    }
    String redrive = attributes.get(QueueAttributeName.REDRIVE_POLICY);
    Matcher matcher = redrive == null ? null : REDRIVE.matcher(redrive);
    if (matcher != null && matcher.find()) {
      spec = spec.withDeadLetterQueue(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }
    return spec;
  }

  /**
   * Returns a duration in whole seconds, rounded up: a queue never hides or delays for less than
   * asked.
   *
   * @param duration the duration
   * @return the seconds, as text
   */
  public static String seconds(Duration duration) {
    return Long.toString(wholeSeconds(duration));
  }

  /**
   * Returns a duration in whole seconds, rounded up.
   *
   * @param duration the duration
   * @return the seconds
   */
  public static int wholeSeconds(Duration duration) {
    long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    return (int) Math.min(Integer.MAX_VALUE, seconds);
  }

  private static Duration duration(
      Map<QueueAttributeName, String> attributes, QueueAttributeName name, long fallback) {
    String value = attributes.get(name);
    return Duration.ofSeconds(value == null ? fallback : Long.parseLong(value.trim()));
  }
}
