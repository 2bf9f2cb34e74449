package dev.vigil.kafka.internal;

import dev.vigil.bus.BusException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;

/** Creates and looks up topics, each call bounded by the clients' timeout. */
public final class TopicAdmin implements AutoCloseable {
  private final String bootstrapServers;
  private final Admin admin;

  /**
   * Opens an admin client and checks that the cluster answers.
   *
   * @param bootstrapServers the cluster
   * @param clientId the client's id
   * @throws UnreachableClusterException when it does not answer in time
   */
  public TopicAdmin(String bootstrapServers, String clientId) {
    this.bootstrapServers = bootstrapServers;
    this.admin = Admin.create(ClientSettings.admin(bootstrapServers, clientId));
    try {
      await(admin.describeCluster().clusterId());
    } catch (RuntimeException failure) {
      admin.close(Duration.ZERO);
      throw failure;
    }
  }

  /**
   * Creates a topic unless it exists.
   *
   * @param name the topic
   * @param partitions its partitions when created
   */
  public void create(String name, int partitions) {
    NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty());
    try {
      await(admin.createTopics(List.of(topic)).all());
    } catch (BusException failure) {
      if (!(failure.getCause() instanceof TopicExistsException)) {
        throw failure;
      }
    }
  }

  /**
   * Returns how many partitions a topic has.
   *
   * @param name the topic
   * @return the count, or 0 when the topic does not exist
   */
  public int partitions(String name) {
    try {
      TopicDescription description =
          await(admin.describeTopics(List.of(name)).allTopicNames()).get(name);
      return description == null ? 0 : description.partitions().size();
    } catch (BusException failure) {
      if (failure.getCause() instanceof UnknownTopicOrPartitionException) {
        return 0;
      }
      throw failure;
    }
  }

  private <T> T await(KafkaFuture<T> future) {
    try {
      return future.get(ClientSettings.API_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      throw new UnreachableClusterException(bootstrapServers, ClientSettings.API_TIMEOUT, slow);
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause();
      if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw new UnreachableClusterException(bootstrapServers, ClientSettings.API_TIMEOUT, cause);
      }
      throw withCause("Kafka at " + bootstrapServers + " refused: " + cause, cause);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new BusException("interrupted while waiting for Kafka at " + bootstrapServers);
    }
  }

  private static BusException withCause(String message, @Nullable Throwable cause) {
    BusException failure = new BusException(message);
    if (cause != null) {
      failure.initCause(cause);
    }
    return failure;
  }

  @Override
  public void close() {
    admin.close(Duration.ZERO);
  }
}
