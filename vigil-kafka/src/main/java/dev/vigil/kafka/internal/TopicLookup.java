package dev.vigil.kafka.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Finds topics' partitions and end offsets for a capture, on the caller's thread, through a
 * consumer of its own that never fetches. The capture's polling consumer keeps a fetch waiting at
 * the broker, and a broker answers one connection's requests in order, so a lookup through it would
 * wait out that fetch (up to {@code fetch.max.wait.ms}) every time.
 */
final class TopicLookup implements AutoCloseable {
  private static final long UNKNOWN_TOPIC_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final String bootstrapServers;
  private final KafkaConsumer<byte[], byte[]> consumer;

  TopicLookup(String bootstrapServers, String clientId) {
    this.bootstrapServers = bootstrapServers;
    this.consumer = new KafkaConsumer<>(ClientSettings.consumer(bootstrapServers, clientId));
  }

  /**
   * Returns the end offset of every partition of {@code topics} at this moment.
   *
   * @throws UnknownTopicsException when a topic does not exist
   * @throws UnreachableClusterException when the cluster does not answer in time
   */
  synchronized Map<TopicPartition, Long> endOffsets(List<String> topics) {
    List<TopicPartition> wanted = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> partitions = partitionsOf(topic);
      if (partitions.isEmpty()) {
        unknown.add(topic);
      }
      partitions.forEach(info -> wanted.add(new TopicPartition(topic, info.partition())));
    }
    if (!unknown.isEmpty()) {
      throw new UnknownTopicsException(bootstrapServers, unknown);
    }
    try {
      return new LinkedHashMap<>(consumer.endOffsets(wanted, ClientSettings.API_TIMEOUT));
    } catch (org.apache.kafka.common.errors.TimeoutException slow) {
      throw new UnreachableClusterException(bootstrapServers, ClientSettings.API_TIMEOUT, slow);
    }
  }

  private List<PartitionInfo> partitionsOf(String topic) {
    long giveUpAt = System.nanoTime() + UNKNOWN_TOPIC_GRACE_NANOS;
    while (true) {
      List<PartitionInfo> partitions;
      try {
        partitions = consumer.partitionsFor(topic, ClientSettings.API_TIMEOUT);
      } catch (org.apache.kafka.common.errors.TimeoutException slow) {
        throw new UnreachableClusterException(bootstrapServers, ClientSettings.API_TIMEOUT, slow);
      }
      // A topic created a moment ago may not be in the broker's metadata yet.
      if (!partitions.isEmpty() || System.nanoTime() - giveUpAt > 0) {
        return partitions;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  @Override
  public synchronized void close() {
    consumer.close(Duration.ZERO);
  }
}
