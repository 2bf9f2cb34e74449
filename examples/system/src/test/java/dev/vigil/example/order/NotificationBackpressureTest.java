package dev.vigil.example.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.Vigil;
import dev.vigil.junit5.VigilTest;
import dev.vigil.perf.ResponseTimes;
import dev.vigil.time.Fiber;
import dev.vigil.time.VirtualBlockingQueue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The merchant notification dispatcher on a bounded {@link VirtualBlockingQueue}, on virtual time:
 * seed 004's "Testing Backpressure Behavior" (the producer blocks at the queue's size) and
 * "Performance Testing Async Code" (throughput), and seed 002's "Performance Testing" (response
 * time). The merchant takes 100 ms per notice.
 */
@VigilTest(virtualTime = true)
class NotificationBackpressureTest {
  private static final Duration MERCHANT_LATENCY = Duration.ofMillis(100);

  private final List<Notification> delivered = new CopyOnWriteArrayList<>();
  private ExecutorService worker;
  private NotificationDispatcher dispatcher;

  @AfterEach
  void stop() {
    dispatcher.close();
    worker.shutdownNow();
  }

  /**
   * Seed 004, "Testing Backpressure Behavior": with the merchant down the producer stops at exactly
   * the queue's capacity, parked in {@code put}; each notice delivered lets it add one more.
   */
  @Test
  void a_full_queue_parks_the_producer_until_the_merchant_catches_up(Vigil vigil) {
    VirtualBlockingQueue<Notification> queue = VirtualBlockingQueue.create(vigil.virtualTime(), 5);
    dispatcher = dispatcher(vigil, queue);
    AtomicInteger submitted = new AtomicInteger();
    List<CompletableFuture<Void>> deliveries = new CopyOnWriteArrayList<>();
    Fiber<?> producer =
        vigil
            .virtualTime()
            .startFiber(
                "label consumer",
                () -> {
                  for (int i = 0; i < 100; i++) {
                    deliveries.add(dispatcher.submit(notice(i)));
                    submitted.incrementAndGet();
                  }
                });

    vigil.virtualTime().runUntilIdle();
    assertThat(submitted).hasValue(5);
    assertThat(producer.parkedIn()).isEqualTo("VirtualBlockingQueue.put(Notification[ord-5])");

    dispatcher.start(worker); // the merchant is back: one notice per 100 ms
    vigil.virtualTime().runDue();
    assertThat(submitted).as("one taken by the worker").hasValue(6);
    vigil.virtualTime().advanceBy(MERCHANT_LATENCY);
    assertThat(delivered).hasSize(1);
    assertThat(deliveries.get(0)).isCompleted();
    assertThat(submitted).as("one more per delivery").hasValue(7);
    producer.cancel(true);
  }

  /**
   * Seed 004, "Performance Testing Async Code", on virtual time: 50 notices through one worker at
   * 100 ms each take 5 s — 10 per virtual second, p50 2.5 s, p99 5 s — the same on every machine.
   */
  @Test
  void fifty_notices_go_out_at_ten_per_second(Vigil vigil) {
    dispatcher = dispatcher(vigil, VirtualBlockingQueue.create(vigil.virtualTime(), 100));
    dispatcher.start(worker);
    ResponseTimes times = ResponseTimes.of(vigil, "merchant notification");

    for (int i = 0; i < 50; i++) {
      Notification notice = notice(i);
      times.measure(notice.toString(), () -> submit(notice));
    }
    vigil.eventually(times::allCompleted).within(Duration.ofMinutes(1));

    times
        .assertNoFailures()
        .assertPercentileAtMost(99, Duration.ofSeconds(5))
        .assertThroughputAtLeast(9.99);
    assertThat(times.percentile(50)).isEqualTo(Duration.ofMillis(2500));
    assertThat(times.throughputPerSecond()).isCloseTo(10.0, within(0.001));
    assertThat(delivered).hasSize(50);
  }

  private NotificationDispatcher dispatcher(Vigil vigil, VirtualBlockingQueue<Notification> queue) {
    worker = vigil.virtualTime().fiberExecutor("notifier");
    return new NotificationDispatcher(
        queue, notice -> Fiber.sleep(MERCHANT_LATENCY), delivered::add);
  }

  private CompletableFuture<Void> submit(Notification notice) {
    try {
      return dispatcher.submit(notice);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(e);
    }
  }

  private static Notification notice(int i) {
    return new Notification(
        new OrderEvent(
            "shipping.label_created",
            "ord-" + i,
            "cust-1",
            List.of(new OrderItem("prod-789", 1)),
            BigDecimal.TEN,
            "pay-" + i,
            "label-ord-" + i),
        "corr-" + i);
  }
}
