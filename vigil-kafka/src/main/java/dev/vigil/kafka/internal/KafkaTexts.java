package dev.vigil.kafka.internal;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Every failure text of the module, in one place, each pinned by a test of its exact text. */
public final class KafkaTexts {
  private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  private KafkaTexts() {}

  /**
   * Says that the cluster did not answer.
   *
   * @param bootstrapServers the cluster
   * @param timeout how long the client waited
   * @return the text
   */
  public static String unreachable(String bootstrapServers, Duration timeout) {
    return "cannot reach Kafka at "
        + bootstrapServers
        + " within "
        + timeout.toMillis()
        + " ms: is a broker running there, and is the address right?";
  }

  /**
   * Says that topics do not exist.
   *
   * @param bootstrapServers the cluster
   * @param topics the missing topics
   * @return the text
   */
  public static String unknownTopics(String bootstrapServers, List<String> topics) {
    String names = topics.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "));
    return (topics.size() == 1 ? "no topic " : "no topics ")
        + names
        + " on Kafka at "
        + bootstrapServers
        + "; create it first (KafkaBus.createTopic or an admin client): Vigil never creates a"
        + " topic that a name merely mentions";
  }

  /**
   * Says that a queue does not exist.
   *
   * @param bootstrapServers the cluster
   * @param queue the queue
   * @return the text
   */
  public static String unknownQueue(String bootstrapServers, String queue) {
    return "no queue '"
        + queue
        + "' on Kafka at "
        + bootstrapServers
        + "; create it first with createQueue or subscribe";
  }

  /**
   * Says that no message is in flight under a receipt handle.
   *
   * @param queue the queue
   * @param receiptHandle the handle
   * @return the text
   */
  public static String notInFlight(String queue, String receiptHandle) {
    return "no message is in flight under receipt handle '"
        + receiptHandle
        + "' on queue '"
        + queue
        + "' (deleted, released or never received)";
  }

  /**
   * Says that a produce failed.
   *
   * @param topic the topic
   * @param bootstrapServers the cluster
   * @param cause the client's failure
   * @return the text
   */
  public static String produceFailed(String topic, String bootstrapServers, Throwable cause) {
    return "could not write to topic '"
        + topic
        + "' on Kafka at "
        + bootstrapServers
        + ": "
        + cause;
  }

  /**
   * Checks a topic name as Kafka does.
   *
   * @param parameter the parameter's name
   * @param name the name
   * @return the name
   * @throws IllegalArgumentException naming the parameter and the value when it is not a name
   */
  public static String checkTopicName(String parameter, @Nullable String name) {
    if (name == null || !TOPIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          parameter
              + " must be 1–249 letters, digits, '.', '_' or '-', was "
              + (name == null ? "null" : "'" + name + "'"));
    }
    return name;
  }

  /**
   * Checks bootstrap servers.
   *
   * @param bootstrapServers the servers
   * @return them
   * @throws IllegalArgumentException when blank
   */
  public static String checkServers(@Nullable String bootstrapServers) {
    if (bootstrapServers == null || bootstrapServers.isBlank()) {
      throw new IllegalArgumentException(
          "bootstrapServers must not be blank, was "
              + (bootstrapServers == null ? "null" : "'" + bootstrapServers + "'"));
    }
    return bootstrapServers;
  }

  /**
   * Checks a timeout.
   *
   * @param timeout the timeout
   * @return it
   * @throws IllegalArgumentException unless positive
   */
  public static Duration checkTimeout(@Nullable Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return timeout;
  }
}
