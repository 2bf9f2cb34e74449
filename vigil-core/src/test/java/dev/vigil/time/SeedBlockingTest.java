package dev.vigil.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seeds' examples of blocking, backpressure and cancellation, on fibers: seed 004 "Testing
 * Backpressure Behavior" and "Deterministic Scheduling with Manual Stepping"; seed 003 "Testing
 * Queues" and "Testing Cancellation"; seed 002 "Testing Concurrent Behavior", written as the seed
 * writes it (read, await, write) on fibers, with a semaphore as the lock.
 */
class SeedBlockingTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final VirtualTimeSource time = vigil.virtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  /** Seed 004: {@code test_backpressure_blocks_producer}. */
  @Test
  void backpressure_blocks_producer() {
    VirtualBlockingQueue<Integer> queue = VirtualBlockingQueue.create(time, 5);
    AtomicInteger produced = new AtomicInteger();
    Fiber<?> producer =
        time.startFiber(
            "tracked_producer",
            () -> {
              for (int i = 0; i < 100; i++) {
                queue.put(i);
                produced.incrementAndGet();
              }
            });

    time.runUntilIdle();
    assertThat(produced).hasValue(5); // exactly 5, every run: no "give it one more chance"
    assertThat(queue.isFull()).isTrue();
    assertThat(producer.parkedIn()).isEqualTo("VirtualBlockingQueue.put(5)");

    assertThat(queue.poll()).isZero();
    time.runUntilIdle();
    assertThat(produced).hasValue(6);

    producer.cancel(true);
    time.runUntilIdle();
    assertThat(producer.state()).isEqualTo(Fiber.State.CANCELLED);
  }

  /** Seed 003: {@code test_queue_producer_consumer}, a sentinel ending the consumer. */
  @Test
  void queue_producer_consumer() throws Exception {
    VirtualBlockingQueue<Integer> queue = VirtualBlockingQueue.create(time, 10);
    int sentinel = -1;
    List<Integer> results = new ArrayList<>();
    Fiber<?> producer =
        time.startFiber(
            "producer",
            () -> {
              for (int i = 0; i < 3; i++) {
                queue.put(i);
              }
              queue.put(sentinel);
            });
    Fiber<?> consumer =
        time.startFiber(
            "consumer",
            () -> {
              for (int item = queue.take(); item != sentinel; item = queue.take()) {
                results.add(item);
              }
            });

    producer.get();
    consumer.get();

    assertThat(results).containsExactly(0, 1, 2);
  }

  /** Seed 003: {@code test_task_cancellation}. */
  @Test
  void task_cancellation() {
    Fiber<?> task = time.startFiber("long_running_task", () -> Fiber.sleep(Duration.ofHours(1)));
    time.advanceBy(Duration.ofMillis(10));

    task.cancel(true);

    assertThatThrownBy(task::get).isInstanceOf(CancellationException.class);
  }

  /** Seed 003: {@code test_graceful_cancellation}, cleanup runs on cancellation. */
  @Test
  void graceful_cancellation() {
    AtomicBoolean cleanupRan = new AtomicBoolean();
    Fiber<?> task =
        time.startFiber(
            "task_with_cleanup",
            () -> {
              try {
                Fiber.sleep(Duration.ofSeconds(10));
              } catch (InterruptedException cancelled) {
                cleanupRan.set(true);
                throw cancelled;
              }
            });
    time.advanceBy(Duration.ofMillis(10));

    task.cancel(true);
    time.runDue();

    assertThatThrownBy(task::get).isInstanceOf(CancellationException.class);
    assertThat(cleanupRan).isTrue();
  }

  /** Seed 004: {@code step_through}, running coroutines one scheduling step at a time. */
  @Test
  void step_through() {
    List<String> log = new ArrayList<>();
    for (String name : List.of("a", "b")) {
      time.startFiber(
          name,
          () -> {
            for (int i = 1; i <= 2; i++) {
              log.add(name + i);
              Fiber.sleep(Duration.ZERO);
            }
          });
    }

    List<String> afterEachStep = new ArrayList<>();
    while (!time.pending().isEmpty()) {
      time.step();
      afterEachStep.add(String.join(",", log));
    }

    assertThat(afterEachStep)
        .containsExactly("a1", "a1,b1", "a1,b1,a2", "a1,b1,a2,b2", "a1,b1,a2,b2", "a1,b1,a2,b2");
  }

  /** Seed 002's {@code AsyncCounter}: the increment awaits between reading and writing. */
  private static final class Counter {
    private final VirtualSemaphore lock;
    private int value;

    Counter(VirtualTimeSource time) {
      lock = VirtualSemaphore.create(time, 1);
    }

    void safeIncrement() throws InterruptedException {
      lock.acquire();
      try {
        unsafeIncrement();
      } finally {
        lock.release();
      }
    }

    void unsafeIncrement() throws InterruptedException {
      int current = value;
      Fiber.sleep(Duration.ofMillis(1));
      value = current + 1;
    }
  }

  /** Seed 002: {@code test_concurrent_safe_increment}, 100 increments under a lock. */
  @Test
  void concurrent_safe_increment() {
    Counter counter = new Counter(time);
    for (int i = 0; i < 100; i++) {
      time.startFiber("increment-" + i, counter::safeIncrement);
    }

    time.runUntilIdle();

    assertThat(counter.value).isEqualTo(100);
    assertThat(time.instant()).isEqualTo(VirtualTimeSource.DEFAULT_ORIGIN.plusMillis(100));
  }

  /**
   * Seed 002: {@code test_concurrent_unsafe_increment}. The seed can only say the result "will
   * likely be less than 100"; on virtual time every increment reads 0 before any writes, every run.
   */
  @Test
  void concurrent_unsafe_increment() {
    Counter counter = new Counter(time);
    for (int i = 0; i < 100; i++) {
      time.startFiber("increment-" + i, counter::unsafeIncrement);
    }

    time.runUntilIdle();

    assertThat(counter.value).isEqualTo(1);
  }
}
