package dev.vigil.bench;

import static org.awaitility.Awaitility.await;

import com.sun.management.OperatingSystemMXBean;
import dev.vigil.Vigil;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Vigil's waits against Awaitility 4.3.0 with its defaults, on the same conditions, in one run.
 *
 * <p>Usage: {@code ./bench latency [--quick]}. Latencies are measured from the moment the state
 * changes (read just before the change) to the moment the wait returns.
 */
public final class LatencyBenchmark {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private final SplittableRandom random = new SplittableRandom(20261124L);
  private final boolean quick;

  private LatencyBenchmark(boolean quick) {
    this.quick = quick;
  }

  /** Runs every measurement and prints BENCH and RATIO lines. */
  public static void main(String[] args) {
    boolean quick = args.length > 0 && args[0].equals("--quick");
    new LatencyBenchmark(quick).run();
  }

  private void run() {
    try (Vigil vigil = Vigil.builder().timeScale(1).build()) {
      signaled(vigil);
      polled(vigil);
      alreadyTrue(vigil);
      threadsPerWait(vigil);
    }
  }

  /** A state change that pulses the signal; Awaitility cannot hear the pulse and polls. */
  private void signaled(Vigil vigil) {
    int vigilSamples = quick ? 200 : 2_000;
    int awaitilitySamples = quick ? 10 : 40;
    for (int i = 0; i < 200; i++) {
      signaledOnce(vigil, true, 200_000);
    }
    long[] vigilLatency = new long[vigilSamples];
    for (int i = 0; i < vigilSamples; i++) {
      vigilLatency[i] = signaledOnce(vigil, true, 200_000);
    }
    long[] awaitilityLatency = new long[awaitilitySamples];
    for (int i = 0; i < awaitilitySamples; i++) {
      awaitilityLatency[i] = signaledOnce(vigil, false, 200_000_000);
    }
    reportLatency("latency-signaled", vigilLatency, awaitilityLatency, 50);
    reportLatency("latency-signaled", vigilLatency, awaitilityLatency, 99);
  }

  private long signaledOnce(Vigil vigil, boolean useVigil, long maxDelayNanos) {
    AtomicBoolean state = new AtomicBoolean();
    AtomicLong changedAt = new AtomicLong();
    long delay = random.nextLong(maxDelayNanos / 10, maxDelayNanos);
    Thread changer =
        new Thread(
            () -> {
              LockSupport.parkNanos(delay);
              changedAt.set(System.nanoTime());
              state.set(true);
              vigil.signal().pulse();
            });
    changer.start();
    waitFor(vigil, useVigil, state::get);
    long returnedAt = System.nanoTime();
    join(changer);
    return returnedAt - changedAt.get();
  }

  /** A plain supplier that turns true at a random moment within 1 s; nothing pulses. */
  private void polled(Vigil vigil) {
    int samples = quick ? 5 : 20;
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long[] vigilLatency = new long[samples];
    long[] awaitilityLatency = new long[samples];
    long vigilCpu = 0;
    long vigilWall = 0;
    long awaitilityCpu = 0;
    long awaitilityWall = 0;
    for (int i = 0; i < samples; i++) {
      for (int tool = 0; tool < 2; tool++) {
        long becomesTrueAt = System.nanoTime() + random.nextLong(1_000_000_000L);
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        waitFor(vigil, tool == 0, () -> System.nanoTime() >= becomesTrueAt);
        long now = System.nanoTime();
        long cpu = os.getProcessCpuTime() - cpuBefore;
        if (tool == 0) {
          vigilLatency[i] = now - becomesTrueAt;
          vigilCpu += cpu;
          vigilWall += now - wallBefore;
        } else {
          awaitilityLatency[i] = now - becomesTrueAt;
          awaitilityCpu += cpu;
          awaitilityWall += now - wallBefore;
        }
      }
    }
    reportLatency("latency-polled", vigilLatency, awaitilityLatency, 50);
    Report.bench("cpu-while-polling-vigil", 100.0 * vigilCpu / vigilWall, "%core");
    Report.bench("cpu-while-polling-awaitility", 100.0 * awaitilityCpu / awaitilityWall, "%core");
  }

  /** The whole cost of a wait whose condition already holds. */
  private void alreadyTrue(Vigil vigil) {
    int vigilRounds = quick ? 100_000 : 2_000_000;
    int awaitilityRounds = quick ? 5 : 20;
    for (int i = 0; i < vigilRounds; i++) {
      waitFor(vigil, true, () -> true);
    }
    long start = System.nanoTime();
    for (int i = 0; i < vigilRounds; i++) {
      waitFor(vigil, true, () -> true);
    }
    double vigilNanos = (System.nanoTime() - start) / (double) vigilRounds;
    start = System.nanoTime();
    for (int i = 0; i < awaitilityRounds; i++) {
      waitFor(vigil, false, () -> true);
    }
    double awaitilityNanos = (System.nanoTime() - start) / (double) awaitilityRounds;
    Report.bench("already-true-vigil", vigilNanos, "ns");
    Report.bench("already-true-awaitility", awaitilityNanos, "ns");
    Report.ratio("already-true", awaitilityNanos, vigilNanos);
  }

  /** Threads started per wait that needs a few polls. */
  private void threadsPerWait(Vigil vigil) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int rounds = 20;
    for (int tool = 0; tool < 2; tool++) {
      boolean useVigil = tool == 0;
      long before = threads.getTotalStartedThreadCount();
      for (int i = 0; i < rounds; i++) {
        long trueAt = System.nanoTime() + 2_000_000;
        waitFor(vigil, useVigil, () -> System.nanoTime() >= trueAt);
      }
      double perWait = (threads.getTotalStartedThreadCount() - before) / (double) rounds;
      Report.bench("threads-per-wait-" + (useVigil ? "vigil" : "awaitility"), perWait, "threads");
    }
  }

  private static void waitFor(Vigil vigil, boolean useVigil, BooleanSupplier condition) {
    if (useVigil) {
      vigil.eventually(condition::getAsBoolean).within(TIMEOUT);
    } else {
      await().atMost(TIMEOUT).until(condition::getAsBoolean);
    }
  }

  private static void reportLatency(String name, long[] vigil, long[] other, int percentile) {
    double vigilMicros = Report.percentile(vigil, percentile) / 1e3;
    double otherMicros = Report.percentile(other, percentile) / 1e3;
    Report.bench(name + "-p" + percentile + "-vigil", vigilMicros, "us");
    Report.bench(name + "-p" + percentile + "-awaitility", otherMicros, "us");
    Report.ratio(name + "-p" + percentile, otherMicros, vigilMicros);
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
