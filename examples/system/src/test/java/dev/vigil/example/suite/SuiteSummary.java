package dev.vigil.example.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints what the example suite did when it ends — tests passed, failed and skipped, how long the
 * test methods took, and where each test's HTML timeline report is — and writes the same to {@code
 * target/example-suite-<backend>.txt}, where {@code ./example} and {@code ./bench example} read it.
 * Registered for the whole test run through {@code META-INF/services}.
 */
public final class SuiteSummary implements TestExecutionListener {
  private final Map<String, Long> started = new ConcurrentHashMap<>();
  private final List<String> failed = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private long passed;
  private long skippedTests;
  private long methodNanos;
  private long runStart;
  private volatile @Nullable TestPlan plan;

  /** Made by the JUnit Platform. */
  public SuiteSummary() {}

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    runStart = System.nanoTime();
  }

  @Override
  public void executionStarted(TestIdentifier test) {
    if (test.isTest()) {
      started.put(test.getUniqueId(), System.nanoTime());
    }
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier test, String reason) {
    TestPlan current = plan;
    long tests =
        test.isTest() || current == null
            ? 1
            : current.getDescendants(test).stream().filter(TestIdentifier::isTest).count();
    skippedTests += tests;
    if (tests > 0) {
      skipped.add(name(test) + (tests > 1 ? " (" + tests + " tests)" : "") + ": " + reason);
    }
  }

  @Override
  public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
    Long start = started.remove(test.getUniqueId());
    if (!test.isTest() || start == null) {
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && test.isContainer()) {
        failed.add(name(test) + " (class setup): " + cause(result));
      }
      return;
    }
    methodNanos += System.nanoTime() - start;
    if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
      passed++;
    } else {
      failed.add(name(test) + ": " + cause(result));
    }
  }

  @Override
  public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
    SuiteReport report =
        new SuiteReport(
            SuiteBus.selected(),
            passed,
            List.copyOf(failed),
            List.copyOf(skipped),
            skippedTests,
            Duration.ofNanos(methodNanos),
            Duration.ofNanos(System.nanoTime() - runStart),
            SuiteBus.brokerStartTime(),
            SuiteWarmUp.took(),
            reportsDirectory());
    String text = report.render();
    System.out.println(text);
    write(Path.of("target", "example-suite-" + report.backendKey() + ".txt"), text);
  }

  private static Path reportsDirectory() {
    return Path.of(System.getProperty("vigil.reports.dir", "target/vigil-reports"))
        .toAbsolutePath()
        .normalize();
  }

  private static String name(TestIdentifier test) {
    String id = test.getLegacyReportingName();
    return test.getSource()
        .map(
            source ->
                source instanceof MethodSource method
                    ? simple(method.getClassName()) + "#" + method.getMethodName()
                    : source instanceof ClassSource type ? simple(type.getClassName()) : id)
        .orElse(id);
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static String cause(TestExecutionResult result) {
    return result
        .getThrowable()
        .map(failure -> String.valueOf(failure.getMessage()).lines().findFirst().orElse(""))
        .orElse(result.getStatus().toString());
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8);
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot write the suite summary to " + file, failure);
    }
  }
}
