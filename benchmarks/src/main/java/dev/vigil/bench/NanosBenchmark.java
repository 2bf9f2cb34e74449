package dev.vigil.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The figures measured in nanoseconds, through JMH 1.37: timeline appends ({@link
 * TimelineAppendJmh}) and waits whose condition already holds ({@link AlreadyTrueJmh}).
 *
 * <p>Usage: {@code ./bench nanos}. One fork, 3 warm-up and 5 measured iterations of 1 s each per
 * benchmark: short, but every figure comes with JMH's 99.9% confidence interval on a comment line.
 */
public final class NanosBenchmark {
  /** JMH's benchmark method name to the BENCH name it is printed under. */
  private static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put(TimelineAppendJmh.class.getName() + ".oneProducer", "jmh-timeline-append");
    NAMES.put(
        TimelineAppendJmh.class.getName() + ".twoProducers", "jmh-timeline-append-2-producers");
    NAMES.put(AlreadyTrueJmh.class.getName() + ".vigil", "jmh-already-true-vigil");
    NAMES.put(
        AlreadyTrueJmh.class.getName() + ".awaitilityTuned", "jmh-already-true-awaitility-tuned");
  }

  private NanosBenchmark() {}

  /** Runs the JMH benchmarks and prints BENCH and RATIO lines. */
  public static void main(String[] args) throws RunnerException {
    Collection<RunResult> results = new Runner(options()).run();
    Report.note("JMH 1.37, average time per operation; 1 fork, warm-up 3 x 1 s, measured 5 x 1 s.");
    Map<String, Result<?>> byName = new HashMap<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      byName.put(NAMES.getOrDefault(benchmark, "jmh-" + benchmark), result.getPrimaryResult());
    }
    for (String name : NAMES.values()) {
      Result<?> primary = byName.get(name);
      if (primary != null) {
        Report.bench(name, primary.getScore(), "ns");
        Report.note(
            name
                + ": "
                + Report.format(primary.getScore())
                + " +- "
                + Report.format(primary.getScoreError())
                + " ns (99.9% confidence interval)");
      }
    }
    Result<?> vigil = byName.get("jmh-already-true-vigil");
    Result<?> awaitility = byName.get("jmh-already-true-awaitility-tuned");
    if (vigil != null && awaitility != null) {
      Report.ratio("jmh-already-true-tuned", awaitility.getScore(), vigil.getScore());
    }
  }

  private static Options options() {
    return new OptionsBuilder()
        .include(Pattern.quote(TimelineAppendJmh.class.getName()) + "\\.")
        .include(Pattern.quote(AlreadyTrueJmh.class.getName()) + "\\.")
        .forks(1)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(5)
        .measurementTime(TimeValue.seconds(1))
        .timeUnit(TimeUnit.NANOSECONDS)
        .jvmArgs("-Xms1g", "-Xmx2g")
        .verbosity(VerboseMode.SILENT)
        .build();
  }
}
