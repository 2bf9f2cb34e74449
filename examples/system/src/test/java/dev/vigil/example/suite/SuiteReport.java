package dev.vigil.example.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What one run of the example suite did, as {@link SuiteSummary} prints it.
 *
 * @param backend the bus it ran on
 * @param passed how many tests passed
 * @param failed each failed test with the first line of its failure
 * @param skipped each skipped test or class with its reason
 * @param skippedTests how many tests were skipped
 * @param methods the time spent in test methods (with their per-test set-up and tear-down)
 * @param wall the whole run, class set-up included
 * @param brokerStart how long the broker took to start (zero on the embedded bus)
 * @param warmUp how long {@link SuiteWarmUp} took to load the classes the tests share
 * @param reports the directory of the HTML timeline reports
 */
record SuiteReport(
    SuiteBus.Backend backend,
    long passed,
    List<String> failed,
    List<String> skipped,
    long skippedTests,
    Duration methods,
    Duration wall,
    Duration brokerStart,
    Duration warmUp,
    Path reports) {

  /** The page the summary suggests opening first: the whole order flow on one timeline. */
  private static final String TOUR_START = "OrderFlowTest" + java.io.File.separator + "order_flow";

  String backendKey() {
    return backend.name().toLowerCase(Locale.ROOT);
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("Vigil example suite on ").append(backend.label()).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "  tests:    %d passed, %d failed, %d skipped%n",
            passed,
            failed.size(),
            skippedTests));
    out.append(
        String.format(
            Locale.ROOT,
            "  time:     %.2f s in test methods, %.2f s in all (JVM warm-up %.2f s)%s%n",
            seconds(methods),
            seconds(wall),
            seconds(warmUp),
            brokerStart.isZero()
                ? ""
                : String.format(Locale.ROOT, " (broker start %.2f s)", seconds(brokerStart))));
    List<Path> pages = pages();
    out.append("  reports:  ")
        .append(pages.size())
        .append(" HTML timelines (one per @VigilTest test) under ")
        .append(reports)
        .append('\n');
    pages.stream()
        .filter(page -> page.toString().contains(TOUR_START))
        .findFirst()
        .or(() -> pages.stream().findFirst())
        .ifPresent(page -> out.append("  open one: ").append(page.toUri()).append('\n'));
    skipped.forEach(line -> out.append("  skipped:  ").append(line).append('\n'));
    failed.forEach(line -> out.append("  FAILED:   ").append(line).append('\n'));
    out.append(
        String.format(
            Locale.ROOT,
            "  measured: methods=%.3f broker-start=%.3f warm-up=%.3f",
            seconds(methods),
            seconds(brokerStart),
            seconds(warmUp)));
    return out.toString();
  }

  private List<Path> pages() {
    if (!Files.isDirectory(reports)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(reports)) {
      return files
          .filter(file -> file.toString().endsWith(".html"))
          .filter(file -> file.toString().contains("dev.vigil.example."))
          .sorted()
          .toList();
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot list the reports in " + reports, failure);
    }
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
