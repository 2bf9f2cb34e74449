package dev.vigil.sqs.internal;

import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.BusException;
import dev.vigil.bus.ConsumerOptions;
import dev.vigil.bus.MessageHandler;
import dev.vigil.bus.QueueSpec;
import dev.vigil.bus.ReceivedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds one SQS queue to a handler on threads of its own ({@code vigil-sqs-consumer-<queue>-<n>}),
 * one per unit of concurrency, each long polling: success deletes the message, a failure leaves it
 * in flight until its visibility timeout ends, and the endpoint's redrive policy moves it to the
 * dead-letter queue after {@code maxReceiveCount} receives. An endpoint that fails is recorded once
 * per run of failures and tried again, backing off up to 2 s.
 */
public final class SqsConsumer implements BusConsumer {
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final long FIRST_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 2_000;
  private static final long JOIN_MILLIS = 5_000;

  private final QueueOperations operations;
  private final SqsEvents events;
  private final String queue;
  private final QueueSpec spec;
  private final MessageHandler handler;
  private final ConsumerOptions options;
  private final Duration longPoll;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /**
   * Starts the consumer's threads.
   *
   * @param operations the bus's message operations
   * @param events the timeline recorder
   * @param spec the queue's spec (its dead-letter queue and maxReceiveCount)
   * @param handler the code under test
   * @param options concurrency, batch size, visibility timeout
   * @param longPoll how long each receive waits for a first message
   */
  public SqsConsumer(
      QueueOperations operations,
      SqsEvents events,
      QueueSpec spec,
      MessageHandler handler,
      ConsumerOptions options,
      Duration longPoll) {
    this.operations = operations;
    this.events = events;
    this.queue = spec.name();
    this.spec = spec;
    this.handler = handler;
    this.options = options;
    this.longPoll = longPoll;
    for (int i = 0; i < options.concurrency(); i++) {
      Thread thread =
          new Thread(this::run, "vigil-sqs-consumer-" + queue + "-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
  }

  private void run() {
    long backoff = 0;
    while (closed.getCount() > 0) {
      List<ReceivedMessage> batch;
      try {
        batch =
            operations.receive(queue, options.batchSize(), options.visibilityTimeout(), longPoll);
      } catch (RuntimeException failure) {
        if (closed.getCount() == 0) {
          return;
        }
        if (backoff == 0) {
          String operation = "receive from queue '" + queue + "'";
          events.endpointFailed(
              queue, String.valueOf(operations.describe(queue, operation, failure).getMessage()));
        }
        backoff = backoff == 0 ? FIRST_BACKOFF_MILLIS : Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        if (pause(backoff)) {
          return;
        }
        continue;
      }
      backoff = 0;
      for (ReceivedMessage message : batch) {
        handle(message);
      }
    }
  }

  private void handle(ReceivedMessage message) {
    try {
      handler.handle(message);
    } catch (Throwable failure) {
      // Any Throwable, Errors included: one that escaped would end the thread without a word.
      failed.incrementAndGet();
      events.handlerFailed(message, failure);
      String deadLetterQueue = spec.deadLetterQueue();
      if (deadLetterQueue != null && message.receiveCount() >= spec.maxReceiveCount()) {
        events.deadLettered(message, deadLetterQueue);
      }
      return;
    }
    try {
      if (operations.delete(message)) {
        acknowledged.incrementAndGet();
      }
    } catch (BusException unreachable) {
      events.endpointFailed(queue, String.valueOf(unreachable.getMessage()));
    }
  }

  /** Waits out a backoff; tells whether the consumer was closed meanwhile. */
  private boolean pause(long millis) {
    try {
      return closed.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  @Override
  public String queue() {
    return queue;
  }

  @Override
  public long acknowledged() {
    return acknowledged.get();
  }

  @Override
  public long failed() {
    return failed.get();
  }

  /**
   * Stops the threads: each finishes its current long poll and handler, then ends; waits up to 5 s
   * for them.
   */
  @Override
  public void close() {
    closed.countDown();
    for (Thread thread : threads) {
      if (thread == Thread.currentThread()) {
        continue; // a handler closing its own consumer
      }
      try {
        thread.join(JOIN_MILLIS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public String toString() {
    return "SqsConsumer[" + queue + ", " + options + "]";
  }
}
