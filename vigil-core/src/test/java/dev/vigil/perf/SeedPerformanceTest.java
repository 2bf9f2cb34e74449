package dev.vigil.perf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 "Performance Testing" and seed 004 "Performance Testing Async Code", in Java on virtual
 * time: the figures are those of the code's own delays, the same on every machine and every run.
 */
class SeedPerformanceTest {
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  /** Completes with {@code value} after {@code millis}, as {@code asyncio.sleep} then return. */
  private <T> CompletableFuture<T> sleepThen(long millis, T value) {
    CompletableFuture<T> result = new CompletableFuture<>();
    var unused =
        vigil.scheduler().schedule(() -> result.complete(value), millis, TimeUnit.MILLISECONDS);
    return result;
  }

  @Test
  void response_time() {
    ResponseTimes times = ResponseTimes.of(vigil, "api_operation");

    CompletableFuture<String> result = times.measure(() -> sleepThen(100, "success"));

    assertThat(vigil.eventually(() -> result).within(Duration.ofSeconds(1)).join())
        .isEqualTo("success");
    times.assertMaxAtMost(Duration.ofMillis(200)); // "within 200ms", of virtual time
    assertThat(times.max()).isEqualTo(Duration.ofMillis(100)); // exactly, every run
  }

  @Test
  void throughput() {
    ResponseTimes times = ResponseTimes.of(vigil, "process_request");

    List<CompletableFuture<String>> tasks =
        IntStream.range(0, 100)
            .mapToObj(id -> times.measure(() -> sleepThen(50, "processed_" + id)))
            .toList();
    vigil.eventually(times::allCompleted).within(Duration.ofSeconds(1));

    assertThat(tasks).allMatch(CompletableFuture::isDone);
    times.assertThroughputAtLeast(500); // 100 concurrent requests in 50 ms: 2,000 per second
    assertThat(times.throughputPerSecond()).isEqualTo(2000.0);
  }

  /**
   * Seed 004's {@code test_throughput}: 10,000 items through a queue of at most 100 between a
   * producer and a consumer, both tasks on the context's scheduler. Each item costs the consumer 10
   * µs of virtual time, so the run takes 100 ms of virtual time and a few of the machine's.
   */
  @Test
  void throughput_of_a_bounded_producer_and_consumer() {
    int target = 10_000;
    ResponseTimes times = ResponseTimes.of(vigil, "items");
    SchedulerQueue<Item> queue = new SchedulerQueue<>(100, vigil.scheduler());
    List<Integer> processed = new ArrayList<>();

    produce(0, target, queue, times);
    consume(queue, processed);
    vigil.eventually(() -> processed.size() == target).within(Duration.ofMinutes(1));

    assertThat(processed).hasSize(target);
    assertThat(queue.deepest()).isEqualTo(100); // the producer waited whenever the queue was full
    times.assertThroughputAtLeast(50_000).assertNoFailures();
    assertThat(times.throughputPerSecond()).isEqualTo(100_000.0); // 10,000 items in 100 ms
  }

  /** One item, or the end of the stream when {@code number} is -1. */
  record Item(int number, CompletableFuture<Void> consumed) {}

  private static void produce(
      int next, int target, SchedulerQueue<Item> queue, ResponseTimes times) {
    if (next == target) {
      queue.put(new Item(-1, new CompletableFuture<>()), () -> {});
      return;
    }
    CompletableFuture<Void> consumed = times.measure("item " + next, CompletableFuture::new);
    queue.put(new Item(next, consumed), () -> produce(next + 1, target, queue, times));
  }

  private void consume(SchedulerQueue<Item> queue, List<Integer> processed) {
    queue.take(
        item -> {
          if (item.number() == -1) {
            return;
          }
          var unused =
              vigil
                  .scheduler()
                  .schedule(
                      () -> {
                        processed.add(item.number());
                        item.consumed().complete(null);
                        consume(queue, processed);
                      },
                      10,
                      TimeUnit.MICROSECONDS);
        });
  }

  /**
   * {@code asyncio.Queue(maxsize)} for code on one scheduler: a put into a full queue, and a take
   * from an empty one, wait as a continuation run when the other side makes room or an item.
   */
  static final class SchedulerQueue<T> {
    private final int capacity;
    private final ScheduledExecutorService scheduler;
    private final ArrayDeque<T> items = new ArrayDeque<>();
    private final ArrayDeque<Runnable> waitingPuts = new ArrayDeque<>();
    private final ArrayDeque<Consumer<T>> waitingTakes = new ArrayDeque<>();
    private int deepest;

    SchedulerQueue(int capacity, ScheduledExecutorService scheduler) {
      this.capacity = capacity;
      this.scheduler = scheduler;
    }

    void put(T item, Runnable then) {
      if (items.size() == capacity) {
        waitingPuts.add(() -> put(item, then));
        return;
      }
      items.add(item);
      deepest = Math.max(deepest, items.size());
      Consumer<T> taker = waitingTakes.poll();
      if (taker != null) {
        T first = items.poll();
        scheduler.execute(() -> taker.accept(first));
      }
      scheduler.execute(then); // a task, not a call: 10,000 puts must not nest 10,000 frames
    }

    void take(Consumer<T> then) {
      T first = items.poll();
      if (first == null) {
        waitingTakes.add(then);
        return;
      }
      Runnable putter = waitingPuts.poll();
      if (putter != null) {
        scheduler.execute(putter);
      }
      scheduler.execute(() -> then.accept(first));
    }

    int deepest() {
      return deepest;
    }
  }
}
