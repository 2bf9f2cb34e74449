package dev.vigil.bench;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time: how many tasks a second the virtual scheduler runs, what a 30-second {@code never}
 * window with a 100 ms periodic task costs in wall time, and how often a one-hour {@code never}
 * evaluates its condition (and what it costs) with nothing scheduled or with that periodic task;
 * and what a fiber's turn and start cost ({@link FiberBenchmark}).
 *
 * <p>Usage: {@code ./bench virtual-time}. Figures are medians over repeated rounds after warm-up.
 */
// The scheduled tasks only increment counters or do nothing: none can fail.
@SuppressWarnings("FutureReturnValueIgnored")
public final class VirtualTimeBenchmark {
  private VirtualTimeBenchmark() {}

  /** Runs both measurements and prints BENCH and RATIO lines. */
  public static void main(String[] args) {
    tasksPerSecond();
    virtualWindow();
    neverForAnHour(false);
    neverForAnHour(true);
    FiberBenchmark.run();
  }

  /**
   * Steady state: 1,000 chains of tasks, each task scheduling the next of its chain a few
   * microseconds later, until a million have run; and, separately, a million tasks scheduled up
   * front (the queue then holds a million entries, so every run pays for a deep heap).
   */
  private static void tasksPerSecond() {
    int total = 1_000_000;
    double[] steady = new double[7];
    double[] upfront = new double[7];
    for (int round = -3; round < steady.length; round++) {
      double steadyRate = chains(total);
      double upfrontRate = upfront(total);
      if (round >= 0) {
        steady[round] = steadyRate;
        upfront[round] = upfrontRate;
      }
    }
    Report.bench("virtual-tasks-per-second", median(steady), "tasks/s");
    Report.bench("virtual-tasks-per-second-1M-pending", median(upfront), "tasks/s");
  }

  private static double chains(int total) {
    try (Vigil vigil = Vigil.withVirtualTime()) {
      AtomicInteger ran = new AtomicInteger();
      ScheduledExecutorService scheduler = vigil.scheduler();
      long start = System.nanoTime();
      for (int chain = 0; chain < 1_000; chain++) {
        int delay = 1 + chain % 7;
        scheduler.schedule(
            new Runnable() {
              @Override
              public void run() {
                if (ran.incrementAndGet() <= total - 1_000) {
                  scheduler.schedule(this, delay, TimeUnit.MICROSECONDS);
                }
              }
            },
            delay,
            TimeUnit.MICROSECONDS);
      }
      vigil.virtualTime().runUntilIdle(2 * total, null);
      long elapsed = System.nanoTime() - start;
      check(ran.get(), total);
      return total / (elapsed / 1e9);
    }
  }

  private static double upfront(int total) {
    try (Vigil vigil = Vigil.withVirtualTime()) {
      AtomicInteger ran = new AtomicInteger();
      Runnable task = ran::incrementAndGet;
      long start = System.nanoTime();
      for (int i = 0; i < total; i++) {
        vigil.scheduler().schedule(task, i % 1_000, TimeUnit.MICROSECONDS);
      }
      vigil.virtualTime().runUntilIdle(total, null);
      long elapsed = System.nanoTime() - start;
      check(ran.get(), total);
      return total / (elapsed / 1e9);
    }
  }

  private static void check(int ran, int expected) {
    if (ran != expected) {
      throw new IllegalStateException("ran " + ran + " tasks, expected " + expected);
    }
  }

  private static void virtualWindow() {
    double[] wallMillis = new double[15];
    for (int round = -5; round < wallMillis.length; round++) {
      try (Vigil vigil = Vigil.withVirtualTime()) {
        AtomicInteger ticks = new AtomicInteger();
        vigil
            .scheduler()
            .scheduleAtFixedRate(ticks::incrementAndGet, 100, 100, TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        vigil.never(() -> ticks.get() < 0).within(Duration.ofSeconds(30));
        long elapsed = System.nanoTime() - start;
        if (ticks.get() != 300) {
          throw new IllegalStateException("periodic task ran " + ticks.get() + " times, not 300");
        }
        if (round >= 0) {
          wallMillis[round] = elapsed / 1e6;
        }
      }
    }
    double median = median(wallMillis);
    Report.bench("virtual-window-30s-wall", median, "ms");
    Report.ratio("virtual-window", 30_000, median);
  }

  /**
   * {@code never(cond).within(1 h)} on a virtual context, with nothing scheduled or with a task
   * every 100 ms: medians of the evaluations of the condition and of the wall time.
   */
  private static void neverForAnHour(boolean periodic) {
    double[] evaluations = new double[5];
    double[] wallMillis = new double[5];
    for (int round = -1; round < wallMillis.length; round++) {
      try (Vigil vigil = Vigil.withVirtualTime()) {
        if (periodic) {
          vigil.scheduler().scheduleAtFixedRate(() -> {}, 100, 100, TimeUnit.MILLISECONDS);
        }
        AtomicLong evaluated = new AtomicLong();
        long start = System.nanoTime();
        vigil.never(() -> evaluated.incrementAndGet() < 0).within(Duration.ofHours(1));
        long elapsed = System.nanoTime() - start;
        if (round >= 0) {
          evaluations[round] = evaluated.get();
          wallMillis[round] = elapsed / 1e6;
        }
      }
    }
    String name = periodic ? "never-1h-virtual-periodic" : "never-1h-virtual";
    Report.note(
        name
            + ": never(cond).within(1 h), virtual time, "
            + (periodic ? "a task every 100 ms" : "nothing scheduled")
            + "; medians of 5 rounds");
    Report.bench(name + "-evaluations", median(evaluations), "count");
    Report.bench(name + "-wall", median(wallMillis), "ms");
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
