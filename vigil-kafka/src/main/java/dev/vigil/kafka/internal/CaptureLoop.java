package dev.vigil.kafka.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * One thread and one group-less consumer that read assigned partitions from the end offsets taken
 * when each topic was added, so no record from before is seen and none after is missed, and no
 * rebalance is waited for. The consumer is touched only by the loop's thread; other threads hand it
 * requests. Idle, the thread blocks in {@code poll} (the broker holds the fetch), so it burns no
 * core.
 */
public final class CaptureLoop implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(250);
  private static final long FAILURE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** What the loop reports, called on its thread. */
  public interface Sink {
    /**
     * Takes one record, in partition order.
     *
     * @param record the record
     */
    void accept(ConsumerRecord<byte[], byte[]> record);

    /**
     * Hears that the connection to the cluster was lost or came back.
     *
     * @param connected whether the consumer holds a connection now
     */
    void connectionChanged(boolean connected);

    /**
     * Hears that a poll failed; the loop goes on.
     *
     * @param failure what the consumer threw
     */
    void pollFailed(KafkaException failure);
  }

  private final String bootstrapServers;
  private final Sink sink;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final TopicLookup lookup;
  private final LinkedBlockingQueue<Runnable> requests = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean polling;
  private boolean connected = true;

  /**
   * Creates the loop and starts its thread.
   *
   * @param bootstrapServers the cluster
   * @param threadName the thread's name
   * @param sink where records go
   */
  public CaptureLoop(String bootstrapServers, String threadName, Sink sink) {
    this.bootstrapServers = bootstrapServers;
    this.sink = sink;
    this.consumer = new KafkaConsumer<>(ClientSettings.consumer(bootstrapServers, threadName));
    this.lookup = new TopicLookup(bootstrapServers, threadName + "-lookup");
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Reads {@code topics} from now on (those already read stay as they are) and returns the end
   * offset of each of their partitions at this moment.
   *
   * @param topics the topics
   * @return the end offsets by partition
   * @throws UnknownTopicsException when a topic does not exist
   * @throws UnreachableClusterException when the cluster does not answer in time
   */
  public Map<TopicPartition, Long> track(Collection<String> topics) {
    Map<TopicPartition, Long> ends = lookup.endOffsets(List.copyOf(topics));
    CompletableFuture<Map<TopicPartition, Long>> result = new CompletableFuture<>();
    requests.add(
        () -> {
          try {
            assign(ends);
            result.complete(ends);
          } catch (RuntimeException failure) {
            result.completeExceptionally(failure);
          }
        });
    if (polling) {
      consumer.wakeup();
    }
    return await(result);
  }

  private Map<TopicPartition, Long> await(CompletableFuture<Map<TopicPartition, Long>> result) {
    try {
      return result.get(ClientSettings.API_TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS);
    } catch (ExecutionException failed) {
      if (failed.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(failed.getCause());
    } catch (TimeoutException slow) {
      throw new UnreachableClusterException(bootstrapServers, ClientSettings.API_TIMEOUT, slow);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while adding topics to the capture");
    }
  }

  /** Reads the partitions not read yet from their end offsets; local to the consumer. */
  private void assign(Map<TopicPartition, Long> ends) {
    Set<TopicPartition> assigned = new HashSet<>(consumer.assignment());
    List<TopicPartition> fresh = new ArrayList<>();
    for (TopicPartition partition : ends.keySet()) {
      if (assigned.add(partition)) {
        fresh.add(partition);
      }
    }
    if (!fresh.isEmpty()) {
      consumer.assign(assigned);
      fresh.forEach(partition -> consumer.seek(partition, ends.getOrDefault(partition, 0L)));
    }
  }

  private void run() {
    try {
      while (running) {
        runRequests();
        if (consumer.assignment().isEmpty()) {
          waitForRequest();
        } else {
          pollOnce();
        }
      }
    } finally {
      consumer.close(Duration.ZERO);
      lookup.close();
    }
  }

  private void runRequests() {
    Runnable request;
    while ((request = requests.poll()) != null) {
      request.run();
    }
  }

  private void waitForRequest() {
    try {
      Runnable request = requests.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
      if (request != null) {
        request.run();
      }
    } catch (InterruptedException interrupted) {
      running = false;
    }
  }

  private void pollOnce() {
    ConsumerRecords<byte[], byte[]> records;
    try {
      polling = true;
      records = consumer.poll(POLL);
    } catch (WakeupException woken) {
      return;
    } catch (InterruptException interrupted) {
      running = false;
      return;
    } catch (KafkaException failure) {
      sink.pollFailed(failure);
      LockSupport.parkNanos(FAILURE_PAUSE_NANOS);
      return;
    } finally {
      polling = false;
    }
    for (ConsumerRecord<byte[], byte[]> record : records) {
      sink.accept(record);
    }
    if (records.isEmpty()) {
      checkConnection();
    }
  }

  private void checkConnection() {
    boolean now = connectionCount() > 0;
    if (now != connected) {
      connected = now;
      sink.connectionChanged(now);
    }
  }

  private double connectionCount() {
    for (Map.Entry<MetricName, ? extends Metric> metric : consumer.metrics().entrySet()) {
      MetricName name = metric.getKey();
      if (name.name().equals("connection-count") && name.group().equals("consumer-metrics")) {
        Object value = metric.getValue().metricValue();
        return value instanceof Number number ? number.doubleValue() : 0;
      }
    }
    return 0;
  }

  /**
   * Returns whether the loop's consumer held a connection at its last idle poll.
   *
   * @return {@code false} once the connection was lost and until it comes back
   */
  public boolean connected() {
    return connected;
  }

  /** Stops the thread and closes the consumer, waiting up to the API timeout. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(ClientSettings.API_TIMEOUT.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
