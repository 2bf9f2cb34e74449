package dev.vigil.kafka.internal;

import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.BusException;
import dev.vigil.bus.MessageHandler;
import dev.vigil.bus.ReceivedMessage;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Runs a handler over a queue with a real Kafka consumer of its own, assigned the queue's
 * partitions from the offsets the queue reads from (no group, so no rebalance to wait for). Each
 * record is handled once the capture has seen it, so the queue's state and the timeline agree:
 * success deletes it, a failure is retried at once, and after the queue's {@code maxReceiveCount}
 * attempts it goes to the dead-letter topic.
 */
public final class HandlerLoop implements BusConsumer {
  private static final Duration POLL = Duration.ofMillis(250);

  /** What the loop asks of the bus: entries, the capture's progress, dead letters. */
  public interface Events {
    /**
     * Waits until the capture has read a record, so the queue knows it.
     *
     * @param partition the record's partition
     * @param offset its offset
     */
    void awaitCaptured(TopicPartition partition, long offset);

    /**
     * Records a receipt.
     *
     * @param message the message
     */
    void received(ReceivedMessage message);

    /**
     * Records an acknowledgement.
     *
     * @param message the message
     */
    void acknowledged(ReceivedMessage message);

    /**
     * Records a failed attempt.
     *
     * @param message the message
     * @param failure what the handler threw
     */
    void failed(ReceivedMessage message, Throwable failure);

    /**
     * Records a retry.
     *
     * @param message the message under its new receipt
     */
    void retried(ReceivedMessage message);

    /**
     * Writes the message to the dead-letter topic and records it.
     *
     * @param message the message
     * @param failure the last failure
     */
    void deadLetter(ReceivedMessage message, Throwable failure);
  }

  private final QueueView view;
  private final MessageHandler handler;
  private final Events events;
  private final int maxReceiveCount;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Thread thread;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Set<TopicPartition> assigned = new HashSet<>();
  private volatile boolean running = true;

  /**
   * Creates the loop and starts its thread.
   *
   * @param bootstrapServers the cluster
   * @param threadName the thread's name
   * @param view the queue
   * @param handler the code under test
   * @param maxReceiveCount attempts before the dead-letter topic
   * @param events the bus's side
   */
  public HandlerLoop(
      String bootstrapServers,
      String threadName,
      QueueView view,
      MessageHandler handler,
      int maxReceiveCount,
      Events events) {
    this.view = view;
    this.handler = handler;
    this.events = events;
    this.maxReceiveCount = maxReceiveCount;
    this.consumer = new KafkaConsumer<>(ClientSettings.consumer(bootstrapServers, threadName));
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      while (running) {
        assignNewSources();
        pollOnce();
      }
    } finally {
      consumer.close(Duration.ZERO);
    }
  }

  private void assignNewSources() {
    Map<TopicPartition, Long> sources = view.sources();
    if (assigned.containsAll(sources.keySet())) {
      return;
    }
    Set<TopicPartition> fresh = new HashSet<>(sources.keySet());
    fresh.removeAll(assigned);
    assigned.addAll(fresh);
    consumer.assign(assigned);
    fresh.forEach(partition -> consumer.seek(partition, sources.getOrDefault(partition, 0L)));
  }

  private void pollOnce() {
    ConsumerRecords<byte[], byte[]> records;
    try {
      records = consumer.poll(POLL);
    } catch (WakeupException | InterruptException stopping) {
      running = false;
      return;
    } catch (KafkaException failure) {
      // The capture reports what the cluster does; this loop tries again at its next poll.
      return;
    }
    for (ConsumerRecord<byte[], byte[]> record : records) {
      if (!running) {
        return;
      }
      events.awaitCaptured(new TopicPartition(record.topic(), record.partition()), record.offset());
      ReceivedMessage message =
          view.claim(record.topic() + "-" + record.partition() + "-" + record.offset());
      if (message != null) {
        handle(message);
      }
    }
  }

  private void handle(ReceivedMessage first) {
    ReceivedMessage message = first;
    while (true) {
      events.received(message);
      try {
        handler.handle(message);
        if (view.delete(message.receiptHandle()) != null) {
          acknowledged.incrementAndGet();
          events.acknowledged(message);
        }
        return;
      } catch (Exception | AssertionError failure) {
        failed.incrementAndGet();
        events.failed(message, failure);
        if (message.receiveCount() >= maxReceiveCount) {
          events.deadLetter(message, failure);
          view.delete(message.receiptHandle());
          return;
        }
        try {
          message = view.redeliver(message.receiptHandle());
        } catch (BusException purged) {
          // The test purged or released the message mid-attempt: it is no longer this loop's.
          return;
        }
        events.retried(message);
      }
    }
  }

  @Override
  public String queue() {
    return view.queue();
  }

  @Override
  public long acknowledged() {
    return acknowledged.get();
  }

  @Override
  public long failed() {
    return failed.get();
  }

  /** Stops the loop after the message being handled; waits for it unless called by the handler. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(ClientSettings.API_TIMEOUT.toMillis());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "KafkaConsumer["
        + view.queue()
        + ", acknowledged="
        + acknowledged
        + ", failed="
        + failed
        + "]";
  }
}
