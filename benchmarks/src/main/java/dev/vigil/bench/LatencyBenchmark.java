package dev.vigil.bench;

import static dev.vigil.bench.Waiter.AWAITILITY;
import static dev.vigil.bench.Waiter.AWAITILITY_TUNED;
import static dev.vigil.bench.Waiter.VIGIL;

import com.sun.management.OperatingSystemMXBean;
import dev.vigil.Vigil;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Vigil's waits against Awaitility 4.3.0, once with its defaults and once tuned as far as it goes
 * (see {@link Waiter}), on the same conditions, in one run; then the CPU that polling costs at the
 * same pause (see {@link PollingCpu}).
 *
 * <p>Usage: {@code ./bench latency [--quick]}. Latencies are measured from the moment the state
 * changes (read just before the change) to the moment the wait returns.
 */
public final class LatencyBenchmark {
  private final SplittableRandom random = new SplittableRandom(20261124L);
  private final OperatingSystemMXBean os =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
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
    Report.note("Vigil vs Awaitility 4.3.0: defaults, and tuned (pollDelay 0, pollInterval 1 ms,");
    Report.note("pollInSameThread); RATIO = Awaitility / Vigil for a cost, so bigger is better.");
    try (Vigil vigil = Vigil.builder().timeScale(1).build()) {
      signaled(vigil);
      polled(vigil);
      alreadyTrue(vigil);
      threadsPerWait(vigil);
      new PollingCpu(vigil, quick ? 1 : 8).run();
    }
  }

  /** A state change that pulses the signal; Awaitility cannot hear the pulse and polls. */
  private void signaled(Vigil vigil) {
    Report.note("latency-signaled: another thread changes the state after a random pause and");
    Report.note("pulses the signal. Pause 0.1-20 ms for Vigil and tuned Awaitility; 20-200 ms");
    Report.note("for Awaitility's defaults, so that its 100 ms polls are sampled at every phase.");
    int samples = quick ? 100 : 500;
    for (int i = 0; i < 100; i++) {
      signaledOnce(vigil, VIGIL, 100_000, 20_000_000);
    }
    Map<Waiter, long[]> latency = new EnumMap<>(Waiter.class);
    latency.put(VIGIL, new long[samples]);
    latency.put(AWAITILITY_TUNED, new long[samples]);
    for (int i = 0; i < samples; i++) {
      latency.get(VIGIL)[i] = signaledOnce(vigil, VIGIL, 100_000, 20_000_000);
      latency.get(AWAITILITY_TUNED)[i] = signaledOnce(vigil, AWAITILITY_TUNED, 100_000, 20_000_000);
    }
    long[] defaults = new long[quick ? 10 : 40];
    for (int i = 0; i < defaults.length; i++) {
      defaults[i] = signaledOnce(vigil, AWAITILITY, 20_000_000, 200_000_000);
    }
    latency.put(AWAITILITY, defaults);
    reportLatency("latency-signaled", latency, 50);
    reportLatency("latency-signaled", latency, 99);
  }

  private long signaledOnce(Vigil vigil, Waiter waiter, long minDelayNanos, long maxDelayNanos) {
    AtomicBoolean state = new AtomicBoolean();
    AtomicLong changedAt = new AtomicLong();
    long delay = random.nextLong(minDelayNanos, maxDelayNanos);
    Thread changer =
        new Thread(
            () -> {
              LockSupport.parkNanos(delay);
              changedAt.set(System.nanoTime());
              state.set(true);
              vigil.signal().pulse();
            });
    changer.start();
    waiter.waitFor(vigil, state::get);
    long returnedAt = System.nanoTime();
    join(changer);
    return returnedAt - changedAt.get();
  }

  /**
   * A plain supplier that turns true at a random moment within 1 s; nothing pulses. The process CPU
   * time spent over these waits, divided by their number, is the CPU per wait.
   */
  private void polled(Vigil vigil) {
    Report.note("latency-polled, cpu-per-wait: a supplier that turns true at a random moment");
    Report.note("within 1 s, nothing pulses; CPU = process CPU time over these waits / waits.");
    int samples = quick ? 5 : 20;
    Map<Waiter, long[]> latency = new EnumMap<>(Waiter.class);
    Map<Waiter, Long> cpu = new EnumMap<>(Waiter.class);
    for (Waiter waiter : Waiter.values()) {
      latency.put(waiter, new long[samples]);
      cpu.put(waiter, 0L);
    }
    for (int i = 0; i < samples; i++) {
      for (Waiter waiter : Waiter.values()) {
        long becomesTrueAt = System.nanoTime() + random.nextLong(1_000_000_000L);
        long cpuBefore = os.getProcessCpuTime();
        waiter.waitFor(vigil, () -> System.nanoTime() >= becomesTrueAt);
        latency.get(waiter)[i] = System.nanoTime() - becomesTrueAt;
        cpu.merge(waiter, os.getProcessCpuTime() - cpuBefore, Long::sum);
      }
    }
    reportLatency("latency-polled", latency, 50);
    for (Waiter waiter : Waiter.values()) {
      Report.bench("cpu-per-wait-" + waiter.label(), cpu.get(waiter) / 1e3 / samples, "us");
    }
    Report.ratio("cpu-per-wait", cpu.get(AWAITILITY), cpu.get(VIGIL));
    Report.ratio("cpu-per-wait-tuned", cpu.get(AWAITILITY_TUNED), cpu.get(VIGIL));
  }

  /** The whole cost of a wait whose condition already holds. */
  private void alreadyTrue(Vigil vigil) {
    double vigilNanos = nanosPerTrueWait(vigil, VIGIL, quick ? 100_000 : 2_000_000);
    double tunedNanos = nanosPerTrueWait(vigil, AWAITILITY_TUNED, quick ? 10_000 : 200_000);
    double defaultNanos = nanosPerTrueWait(vigil, AWAITILITY, quick ? 5 : 20);
    Report.bench("already-true-vigil", vigilNanos, "ns");
    Report.bench("already-true-awaitility", defaultNanos, "ns");
    Report.bench("already-true-awaitility-tuned", tunedNanos, "ns");
    Report.ratio("already-true", defaultNanos, vigilNanos);
    Report.ratio("already-true-tuned", tunedNanos, vigilNanos);
  }

  /** Average wall time of {@code rounds} waits, after as many rounds of warm-up. */
  private static double nanosPerTrueWait(Vigil vigil, Waiter waiter, int rounds) {
    for (int i = 0; i < rounds; i++) {
      waiter.waitFor(vigil, () -> true);
    }
    long start = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      waiter.waitFor(vigil, () -> true);
    }
    return (System.nanoTime() - start) / (double) rounds;
  }

  /** Threads started per wait that needs a few polls. */
  private static void threadsPerWait(Vigil vigil) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int rounds = 20;
    for (Waiter waiter : Waiter.values()) {
      long before = threads.getTotalStartedThreadCount();
      for (int i = 0; i < rounds; i++) {
        long trueAt = System.nanoTime() + 2_000_000;
        waiter.waitFor(vigil, () -> System.nanoTime() >= trueAt);
      }
      double perWait = (threads.getTotalStartedThreadCount() - before) / (double) rounds;
      Report.bench("threads-per-wait-" + waiter.label(), perWait, "threads");
    }
  }

  /** Prints the percentile for every waiter, then Awaitility / Vigil with and without tuning. */
  private static void reportLatency(String name, Map<Waiter, long[]> samples, int percentile) {
    String figure = name + "-p" + percentile;
    Map<Waiter, Double> micros = new EnumMap<>(Waiter.class);
    for (Waiter waiter : Waiter.values()) {
      micros.put(waiter, Report.percentile(samples.get(waiter), percentile) / 1e3);
      Report.bench(figure + "-" + waiter.label(), micros.get(waiter), "us");
    }
    Report.ratio(figure, micros.get(AWAITILITY), micros.get(VIGIL));
    Report.ratio(figure + "-tuned", micros.get(AWAITILITY_TUNED), micros.get(VIGIL));
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
