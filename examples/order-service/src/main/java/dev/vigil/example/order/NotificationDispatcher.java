package dev.vigil.example.order;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Delivers notices to the merchant from a bounded queue, one at a time. When the merchant is slow
 * the queue fills and {@link #submit} blocks: the bus consumer that feeds it slows down instead of
 * piling up notices in memory (backpressure). The queue and the worker's executor come from
 * outside, so a test can pass Vigil's {@code VirtualBlockingQueue} and fiber executor. A delivery
 * that fails fails its notice's {@link Notification#delivered()} future and is not retried: the
 * example keeps at-most-once here for brevity.
 */
public final class NotificationDispatcher implements AutoCloseable {
  private final BlockingQueue<Notification> queue;
  private final MerchantNotifier merchant;
  private final Consumer<Notification> onDelivered;
  private @Nullable Future<?> worker;

  /**
   * Dispatches through {@code queue} to {@code merchant}.
   *
   * @param queue the bounded queue between the consumer and the worker
   * @param merchant the merchant
   * @param onDelivered what happens after a notice was delivered (publishing {@code
   *     notification.sent})
   */
  public NotificationDispatcher(
      BlockingQueue<Notification> queue,
      MerchantNotifier merchant,
      Consumer<Notification> onDelivered) {
    this.queue = queue;
    this.merchant = merchant;
    this.onDelivered = onDelivered;
  }

  /**
   * Starts the worker that delivers notices until it is interrupted.
   *
   * @param executor where the worker runs; it keeps one of its threads
   */
  public synchronized void start(ExecutorService executor) {
    if (worker != null) {
      throw new IllegalStateException("the dispatcher is already started");
    }
    worker = executor.submit(this::deliverUntilInterrupted);
  }

  /**
   * Queues a notice, waiting while the queue is full.
   *
   * @param notification the notice
   * @return its delivery
   * @throws InterruptedException when interrupted while waiting for room
   */
  public CompletableFuture<Void> submit(Notification notification) throws InterruptedException {
    queue.put(notification);
    return notification.delivered();
  }

  /** Stops the worker; notices still queued stay undelivered. */
  @Override
  public synchronized void close() {
    if (worker != null) {
      worker.cancel(true);
    }
  }

  private void deliverUntilInterrupted() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        deliver(queue.take());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(Notification notification) throws InterruptedException {
    try {
      merchant.send(notification);
      onDelivered.accept(notification);
      notification.delivered().complete(null);
    } catch (IOException | RuntimeException e) {
      notification.delivered().completeExceptionally(e);
    }
  }
}
