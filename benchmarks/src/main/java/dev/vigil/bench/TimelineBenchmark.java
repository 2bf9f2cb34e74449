package dev.vigil.bench;

import static org.awaitility.Awaitility.await;

import dev.vigil.Vigil;
import dev.vigil.time.Signal;
import dev.vigil.time.TimeSource;
import dev.vigil.time.VirtualTimeSource;
import dev.vigil.timeline.Timeline;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The timeline: the cost of an append (one producer, then two at once), the heap a timeline keeps
 * while empty and with a few entries, and how fast a wait on a timeline query returns after the
 * append it waits for, against Awaitility on the same query.
 *
 * <p>Usage: {@code ./bench timeline}.
 */
public final class TimelineBenchmark {
  private static final Map<String, String> NO_ATTRIBUTES = Map.of();

  private TimelineBenchmark() {}

  /** Runs the measurements and prints BENCH and RATIO lines. */
  public static void main(String[] args) throws Exception {
    append();
    retained();
    waitLatency();
  }

  /** Heap kept per timeline, from used heap after collection over many live timelines. */
  private static void retained() {
    int timelines = 1_000;
    try (TimeSource time = VirtualTimeSource.startingAt(VirtualTimeSource.DEFAULT_ORIGIN)) {
      Report.bench("timeline-retained-empty", retainedBytes(time, timelines, 0), "B");
      Report.bench("timeline-retained-10-entries", retainedBytes(time, timelines, 10), "B");
    }
  }

  private static double retainedBytes(TimeSource time, int timelines, int entriesEach) {
    Signal signal = new Signal();
    long before = usedHeapAfterCollection();
    Timeline[] kept = new Timeline[timelines];
    for (int i = 0; i < timelines; i++) {
      kept[i] = new Timeline(time, signal);
      for (int e = 0; e < entriesEach; e++) {
        kept[i].append("bench", "tick", "c-1", null, "", NO_ATTRIBUTES);
      }
    }
    long after = usedHeapAfterCollection();
    // Read the array after measuring so that the collector cannot free the timelines early.
    if (kept[timelines - 1].size() != entriesEach) {
      throw new IllegalStateException("a timeline lost entries");
    }
    return (after - before) / (double) timelines;
  }

  private static long usedHeapAfterCollection() {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    // Several collections: one may leave garbage a later one frees; the lowest reading counts.
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }

  private static void append() throws Exception {
    // Fresh timelines of half a million entries: enough to time, small enough that the
    // collector's copying of millions of live entries does not dominate.
    int perThread = 500_000;
    double[] single = new double[9];
    double[] shared = new double[9];
    for (int round = -3; round < single.length; round++) {
      double one;
      double two;
      try (Vigil vigil = Vigil.create()) {
        one = appendNanos(vigil.timeline(), 1, perThread);
      }
      try (Vigil vigil = Vigil.create()) {
        two = appendNanos(vigil.timeline(), 2, perThread);
      }
      if (round >= 0) {
        single[round] = one;
        shared[round] = two;
      }
    }
    Report.bench("timeline-append", median(single), "ns");
    Report.bench("timeline-append-2-producers", median(shared), "ns");
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Nanoseconds per append seen by each producer, with {@code producers} appending at once. */
  private static double appendNanos(Timeline timeline, int producers, int perThread)
      throws InterruptedException {
    Thread[] threads = new Thread[producers];
    AtomicLong totalNanos = new AtomicLong();
    for (int t = 0; t < producers; t++) {
      String source = "producer-" + t;
      threads[t] =
          new Thread(
              () -> {
                long start = System.nanoTime();
                for (int i = 0; i < perThread; i++) {
                  timeline.append(source, "tick", "c-1", null, "", NO_ATTRIBUTES);
                }
                totalNanos.addAndGet(System.nanoTime() - start);
              });
    }
    for (Thread thread : threads) {
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return totalNanos.get() / (double) producers / perThread;
  }

  private static void waitLatency() throws InterruptedException {
    SplittableRandom random = new SplittableRandom(4);
    int vigilSamples = 1_000;
    int awaitilitySamples = 30;
    long[] vigilLatency = new long[vigilSamples];
    long[] awaitilityLatency = new long[awaitilitySamples];
    try (Vigil vigil = Vigil.builder().timeScale(1).build()) {
      for (int i = -100; i < vigilSamples; i++) {
        long latency = once(vigil, true, random.nextLong(20_000, 200_000));
        if (i >= 0) {
          vigilLatency[i] = latency;
        }
      }
      for (int i = 0; i < awaitilitySamples; i++) {
        awaitilityLatency[i] = once(vigil, false, random.nextLong(20_000_000, 200_000_000));
      }
    }
    double vigilMicros = Report.percentile(vigilLatency, 50) / 1e3;
    double awaitilityMicros = Report.percentile(awaitilityLatency, 50) / 1e3;
    Report.bench("timeline-wait-p50-vigil", vigilMicros, "us");
    Report.bench("timeline-wait-p50-awaitility", awaitilityMicros, "us");
    Report.ratio("timeline-wait-p50", awaitilityMicros, vigilMicros);
  }

  /** From the append of the awaited entry to the wait returning. */
  private static long once(Vigil vigil, boolean useVigil, long delayNanos)
      throws InterruptedException {
    String correlationId = "c-" + System.nanoTime();
    AtomicLong appendedAt = new AtomicLong();
    Thread producer =
        new Thread(
            () -> {
              LockSupport.parkNanos(delayNanos);
              appendedAt.set(System.nanoTime());
              vigil.timeline().record("payment.completed", correlationId, NO_ATTRIBUTES);
            });
    producer.start();
    if (useVigil) {
      vigil
          .eventually(() -> vigil.timeline().byCorrelationId(correlationId))
          .within(Duration.ofSeconds(10));
    } else {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !vigil.timeline().byCorrelationId(correlationId).isEmpty());
    }
    long returnedAt = System.nanoTime();
    producer.join();
    return returnedAt - appendedAt.get();
  }
}
