package dev.vigil.bench;

import dev.vigil.Vigil;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.awaitility.core.ConditionFactory;

/**
 * The CPU a wait burns while its condition stays false, Vigil and Awaitility polling at the same
 * pause: a fixed 1 ms, then a fixed 2 ms, each for a few seconds, as a share of one core.
 *
 * <p>Awaitility polls in the caller's thread with no initial delay; Vigil polls with {@code
 * PollStrategy.fixed}. How often each really evaluated at that pause, and the CPU per evaluation,
 * are printed on a comment line. Each tool runs two half windows in the order Vigil, Awaitility,
 * Awaitility, Vigil, so that a drift in the machine's load affects both alike.
 */
final class PollingCpu {
  private static final List<Duration> PAUSES = List.of(Duration.ofMillis(1), Duration.ofMillis(2));

  private final Vigil vigil;
  private final long windowNanos;
  // Thread CPU clocks tick in nanoseconds; the process CPU time here moves in 10 ms steps, too
  // coarse for a few percent of a core over seconds. Summed over every Java thread, so the
  // watchdog's and Awaitility's own threads count too.
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  PollingCpu(Vigil vigil, int windowSeconds) {
    this.vigil = vigil;
    this.windowNanos = Duration.ofSeconds(windowSeconds).toNanos();
  }

  /** Prints the idle baseline, then a BENCH pair and a RATIO for every pause. */
  void run() {
    Report.note("cpu-while-polling-<pause>: a condition that stays false for the whole window,");
    Report.note("polled every <pause> by both; Java threads' CPU / wall time, % of one core.");
    Measured idle = measure(windowNanos / 2, PollingCpu::parkUntil);
    Report.bench("cpu-idle-baseline", idle.percentOfCore(), "%core");
    for (Duration pause : PAUSES) {
      ConditionFactory awaitility = Waiter.tunedAwaitility(pause);
      Consumer<BooleanSupplier> vigilWait = c -> Waiter.vigilEvery(vigil, pause, c);
      Consumer<BooleanSupplier> awaitilityWait = c -> awaitility.until(c::getAsBoolean);
      measure(windowNanos / 8, vigilWait);
      measure(windowNanos / 8, awaitilityWait);
      Measured vigilUse = measure(windowNanos / 2, vigilWait);
      Measured awaitilityUse = measure(windowNanos / 2, awaitilityWait);
      awaitilityUse = awaitilityUse.plus(measure(windowNanos / 2, awaitilityWait));
      vigilUse = vigilUse.plus(measure(windowNanos / 2, vigilWait));
      String name = "cpu-while-polling-" + pause.toMillis() + "ms";
      Report.bench(name + "-vigil", vigilUse.percentOfCore(), "%core");
      Report.bench(name + "-awaitility", awaitilityUse.percentOfCore(), "%core");
      Report.ratio(name, awaitilityUse.percentOfCore(), vigilUse.percentOfCore());
      Report.note(
          name + ": vigil " + vigilUse.describe() + "; awaitility " + awaitilityUse.describe());
    }
  }

  /** Runs {@code waitUntil} on a condition that turns true {@code nanos} from now. */
  private Measured measure(long nanos, Consumer<BooleanSupplier> waitUntil) {
    AtomicLong evaluations = new AtomicLong();
    long cpuBefore = javaThreadsCpu();
    long start = System.nanoTime();
    long end = start + nanos;
    waitUntil.accept(
        () -> {
          evaluations.incrementAndGet();
          return System.nanoTime() - end >= 0;
        });
    long wall = System.nanoTime() - start;
    return new Measured(javaThreadsCpu() - cpuBefore, wall, evaluations.get());
  }

  /** CPU time of the live Java threads; a thread that ended meanwhile drops out of the sum. */
  private long javaThreadsCpu() {
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu > 0) {
        sum += cpu;
      }
    }
    return sum;
  }

  private static void parkUntil(BooleanSupplier done) {
    while (!done.getAsBoolean()) {
      LockSupport.parkNanos(10_000_000);
    }
  }

  /** CPU and wall time of one or more windows, and the evaluations made in them. */
  private record Measured(long cpuNanos, long wallNanos, long evaluations) {
    Measured plus(Measured other) {
      return new Measured(
          cpuNanos + other.cpuNanos, wallNanos + other.wallNanos, evaluations + other.evaluations);
    }

    double percentOfCore() {
      return 100.0 * cpuNanos / wallNanos;
    }

    String describe() {
      double perSecond = evaluations / (wallNanos / 1e9);
      double cpuMicrosEach = cpuNanos / 1e3 / Math.max(1, evaluations);
      return Report.format(perSecond)
          + " evaluations/s, "
          + Report.format(cpuMicrosEach)
          + " us of CPU each";
    }
  }
}
