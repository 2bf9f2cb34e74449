package dev.vigil.bench;

import dev.vigil.Vigil;
import dev.vigil.time.Fiber;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fibers: what a turn costs (a fiber parks and the driver resumes it: two thread hand-offs) and
 * what starting one costs (a carrier thread). Part of {@code ./bench virtual-time}; medians over
 * rounds after warm-up.
 */
final class FiberBenchmark {
  private FiberBenchmark() {}

  static void run() {
    double[] turns = new double[5];
    double[] starts = new double[5];
    for (int round = -2; round < turns.length; round++) {
      double turnRate = turnsPerSecond(100, 1_000);
      double startMicros = startMicros(1_000);
      if (round >= 0) {
        turns[round] = turnRate;
        starts[round] = startMicros;
      }
    }
    Report.bench("fiber-turns-per-second", median(turns), "turns/s");
    Report.bench("fiber-start-and-end", median(starts), "us");
  }

  /** {@code fibers} fibers each sleeping {@code sleeps} times 1 ms of virtual time. */
  private static double turnsPerSecond(int fibers, int sleeps) {
    try (Vigil vigil = Vigil.withVirtualTime()) {
      AtomicInteger done = new AtomicInteger();
      for (int i = 0; i < fibers; i++) {
        vigil
            .virtualTime()
            .startFiber(
                "sleeper-" + i,
                () -> {
                  for (int s = 0; s < sleeps; s++) {
                    Fiber.sleep(Duration.ofMillis(1));
                  }
                  done.incrementAndGet();
                });
      }
      vigil.virtualTime().runDue(); // every fiber started and parked in its first sleep
      long start = System.nanoTime();
      vigil.virtualTime().runUntilIdle(fibers * (sleeps + 1), null);
      long elapsed = System.nanoTime() - start;
      if (done.get() != fibers) {
        throw new IllegalStateException(done.get() + " of " + fibers + " fibers finished");
      }
      return fibers * (double) sleeps / (elapsed / 1e9);
    }
  }

  /** Microseconds per fiber that starts, runs an empty body and ends. */
  private static double startMicros(int fibers) {
    try (Vigil vigil = Vigil.withVirtualTime()) {
      long start = System.nanoTime();
      for (int i = 0; i < fibers; i++) {
        vigil.virtualTime().startFiber("empty-" + i, () -> {});
      }
      vigil.virtualTime().runUntilIdle();
      return (System.nanoTime() - start) / 1e3 / fibers;
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
