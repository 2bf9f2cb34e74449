package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The seeds' stream and queue examples over {@link java.util.concurrent.Flow}: seed 004 "Mocking
 * Async Iterators" ({@code test_stream_processing}) and "Testing Backpressure Behavior" ({@code
 * test_backpressure_blocks_producer}), and seed 003 "Testing Queues" ({@code
 * test_queue_producer_consumer}).
 */
class SeedFlowTest {

  /** Seed 004 {@code test_stream_processing}: a mock stream of 1..5, with a delay, sums to 15. */
  @Test
  void stream_processing() {
    try (Vigil vigil = Vigil.withVirtualTime()) {
      Flow.Publisher<Integer> mockStream =
          PacedPublisher.of(vigil, Duration.ofMillis(100), List.of(1, 2, 3, 4, 5));

      CompletableFuture<Integer> result = processStream(mockStream);

      assertThat(vigil.eventually(() -> result).within(Duration.ofSeconds(1)))
          .isCompletedWithValue(15);
      assertThat(vigil.virtualTime().nanoTime()).isEqualTo(Duration.ofMillis(500).toNanos());
    }
  }

  /**
   * Seed 003 {@code test_queue_producer_consumer}: a producer puts 0, 1, 2 and a sentinel; the
   * consumer collects until the sentinel. The queue is the JDK's {@link SubmissionPublisher},
   * delivering on the context's virtual scheduler; {@code Optional.empty()} is the sentinel, as
   * Flow carries no nulls.
   */
  @Test
  void queue_producer_consumer_over_flow() {
    try (Vigil vigil = Vigil.withVirtualTime();
        SubmissionPublisher<Optional<Integer>> queue =
            new SubmissionPublisher<>(vigil.scheduler(), Flow.defaultBufferSize())) {
      List<Integer> results = new ArrayList<>();
      Future<?> producer =
          vigil
              .scheduler()
              .submit(
                  () -> {
                    for (int i = 0; i < 3; i++) {
                      queue.submit(Optional.of(i));
                    }
                    queue.submit(Optional.empty()); // sentinel
                  });
      CompletableFuture<Void> consumer = consumeUntilSentinel(queue, results::add);

      vigil.eventually(() -> producer.isDone() && consumer.isDone()).within(Duration.ofSeconds(1));

      assertThat(results).containsExactly(0, 1, 2);
      assertThat(consumer).isCompleted();
    }
  }

  /**
   * Seed 004 {@code test_backpressure_blocks_producer}: a producer feeding a bounded stream blocks
   * once it is full, and advances by one when the consumer takes one. {@code SubmissionPublisher}
   * rounds its capacity to a power of two, so the buffer holds 4 where the seed's queue held 5.
   */
  @Test
  void backpressure_blocks_producer_over_flow() {
    try (Vigil vigil = Vigil.create()) {
      ExecutorService threads = Executors.newFixedThreadPool(2);
      vigil.track(threads::shutdownNow, "delivery and producer threads");
      SubmissionPublisher<Integer> queue = new SubmissionPublisher<>(threads, 4);
      TestSubscriber<Integer> consumer = TestSubscriber.create(vigil);
      queue.subscribe(consumer);
      OfferLog<Integer> offers = OfferLog.create(vigil);
      AtomicInteger itemsProduced = new AtomicInteger();
      Future<?> task =
          threads.submit(
              () -> {
                for (int i = 0; i < 100; i++) {
                  int item = i;
                  offers.submit(item, () -> queue.submit(item));
                  itemsProduced.incrementAndGet();
                }
                return null;
              });

      offers.awaitBlocked();
      assertThat(itemsProduced).hasValue(4);

      consumer.request(1).awaitItems(1);
      vigil
          .eventually(() -> itemsProduced.get() == 5 && offers.isBlocked())
          .within(Duration.ofSeconds(5));

      consumer.cancel(); // the producer's pending submit returns, and later ones go nowhere
      vigil.eventually(() -> task).within(Duration.ofSeconds(5));
      consumer.assertItems(0).assertNotTerminated();
    }
  }

  /** The code under test: sums a stream, one item at a time, as an {@code async for} loop does. */
  private static CompletableFuture<Integer> processStream(Flow.Publisher<Integer> stream) {
    CompletableFuture<Integer> sum = new CompletableFuture<>();
    stream.subscribe(
        new OneAtATime<Integer>() {
          private int total;

          @Override
          public void onNext(Integer item) {
            total += item;
            next();
          }

          @Override
          public void onError(Throwable throwable) {
            sum.completeExceptionally(throwable);
          }

          @Override
          public void onComplete() {
            sum.complete(total);
          }
        });
    return sum;
  }

  /** The consumer under test: takes items one at a time and stops at the sentinel. */
  private static CompletableFuture<Void> consumeUntilSentinel(
      Flow.Publisher<Optional<Integer>> queue, Consumer<Integer> results) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.subscribe(
        new OneAtATime<Optional<Integer>>() {
          @Override
          public void onNext(Optional<Integer> item) {
            if (item.isEmpty()) {
              cancel();
              done.complete(null);
              return;
            }
            results.accept(item.get());
            next();
          }

          @Override
          public void onError(Throwable throwable) {
            done.completeExceptionally(throwable);
          }

          @Override
          public void onComplete() {
            done.complete(null);
          }
        });
    return done;
  }

  /** A subscriber that asks for one item at a time. */
  private abstract static class OneAtATime<T> implements Flow.Subscriber<T> {
    private Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
      subscription = newSubscription;
      next();
    }

    void next() {
      subscription.request(1);
    }

    void cancel() {
      subscription.cancel();
    }
  }
}
