package dev.vigil.bus.internal;

import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.ConsumerOptions;
import dev.vigil.bus.MessageHandler;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.time.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Feeds one queue to a handler with up to {@code concurrency} batches in progress. Each slot is a
 * task: it receives a batch, handles it message by message, acknowledges what succeeded and submits
 * itself again; a slot that finds the queue empty ends, and the queue wakes the consumer when
 * messages arrive or come back.
 *
 * <p>Under virtual time the slots run on the context's virtual scheduler, so delivery follows the
 * virtual clock and a seed orders concurrent slots reproducibly. Under real time each consumer has
 * its own daemon threads, one per slot, that end when idle: the handler is the code under test and
 * may block.
 */
final class ConsumerLoop implements BusConsumer {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Consumers consumers;
  private final Receiver receiver;
  private final QueueEngine queue;
  private final MessageHandler handler;
  private final ConsumerOptions options;
  private final long visibility;
  private final Executor executor;
  private final @Nullable ExecutorService ownThreads;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  // Guarded by this: how many slots run, whether the consumer is closed.
  private int activeSlots;
  private boolean closed;

  /**
   * Whether messages may have arrived since a slot last looked. Written under the lock, read
   * without it by {@link #wake()}: while it is set, a slot is bound to look again, so a sender need
   * not take the lock — the common case when messages stream in.
   */
  private volatile boolean wakePending;

  ConsumerLoop(
      Consumers consumers,
      Receiver receiver,
      QueueEngine queue,
      MessageHandler handler,
      ConsumerOptions options,
      TimeSource time) {
    this.consumers = consumers;
    this.receiver = receiver;
    this.queue = queue;
    this.handler = handler;
    this.options = options;
    this.visibility = Receiver.visibilityOf(queue, options.visibilityTimeout());
    if (time.isVirtual()) {
      this.ownThreads = null;
      this.executor = time.scheduler();
    } else {
      ThreadPoolExecutor threads =
          new ThreadPoolExecutor(
              options.concurrency(),
              options.concurrency(),
              1,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              task -> {
                Thread t =
                    new Thread(
                        task, "vigil-consumer-" + queue.name() + "-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      threads.allowCoreThreadTimeOut(true);
      this.ownThreads = threads;
      this.executor = threads;
    }
  }

  /** Tells the consumer that messages may be receivable; starts a slot if one is free. */
  void wake() {
    if (wakePending) {
      return;
    }
    synchronized (this) {
      wakePending = true;
      if (closed || activeSlots >= options.concurrency()) {
        return;
      }
      activeSlots++;
    }
    submitSlot();
  }

  private void submitSlot() {
    try {
      executor.execute(this::runSlot);
    } catch (RejectedExecutionException shutDown) {
      synchronized (this) {
        activeSlots--;
      }
    }
  }

  private void runSlot() {
    synchronized (this) {
      if (closed) {
        activeSlots--;
        return;
      }
      wakePending = false;
    }
    List<ReceivedMessage> batch = receiver.receiveNow(queue, options.batchSize(), visibility);
    if (batch.isEmpty()) {
      synchronized (this) {
        // A wake that came in while this slot looked may have brought messages: look again.
        if (!wakePending || closed) {
          activeSlots--;
          return;
        }
      }
      submitSlot();
      return;
    }
    if (batch.size() == options.batchSize()) {
      startAnotherSlot(); // a full batch: more may be waiting, and senders skip the lock
    }
    // Acknowledged together once the batch is handled: one lock and one run of timeline entries.
    List<String> handled = new ArrayList<>(batch.size());
    for (ReceivedMessage message : batch) {
      if (handle(message)) {
        handled.add(message.receiptHandle());
      }
    }
    acknowledged.addAndGet(receiver.deleteAll(queue, handled));
    submitSlot();
  }

  private void startAnotherSlot() {
    synchronized (this) {
      if (closed || activeSlots >= options.concurrency()) {
        return;
      }
      activeSlots++;
    }
    submitSlot();
  }

  /** Runs the handler; tells whether the message is to be acknowledged. */
  private boolean handle(ReceivedMessage message) {
    try {
      HandlingContext.within(message.correlationId(), () -> handler.handle(message));
    } catch (Throwable failure) {
      // Any Throwable, Errors included (a StackOverflowError in the code under test): one that
      // escaped would end the slot, and with it the consumer, without a word on the timeline.
      failed.incrementAndGet();
      consumers.handlerFailed(message, failure);
      return false; // stays in flight; visible again when its visibility timeout ends
    }
    return !consumers.crashBeforeAck(queue, message);
  }

  @Override
  public String queue() {
    return queue.name();
  }

  @Override
  public long acknowledged() {
    return acknowledged.get();
  }

  @Override
  public long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    queue.consumers.remove(this);
    consumers.closed(this);
    if (ownThreads != null) {
      ownThreads.shutdown();
    }
  }

  @Override
  public String toString() {
    return "consumer of " + queue.name() + " (" + options.concurrency() + " at once)";
  }
}
