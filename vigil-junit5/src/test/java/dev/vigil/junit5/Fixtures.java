package dev.vigil.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.vigil.junit5.fixtures.Observed;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs fixture classes on the Jupiter engine, as a build would, and hands back what happened. */
final class Fixtures {
  private Fixtures() {}

  static Events run(Class<?>... classes) {
    return run(Map.of(), classes);
  }

  static Events run(Map<String, String> configuration, Class<?>... classes) {
    Observed.VALUES.clear();
    EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter");
    for (Class<?> type : classes) {
      builder = builder.selectors(selectClass(type));
    }
    return builder.configurationParameters(configuration).execute().testEvents();
  }

  /** The failure of each test that failed, by its method name. */
  static Map<String, Throwable> failures(Events events) {
    Map<String, Throwable> failures = new TreeMap<>();
    events.failed().stream()
        .forEach(
            event ->
                failures.put(
                    methodName(event),
                    event
                        .getRequiredPayload(TestExecutionResult.class)
                        .getThrowable()
                        .orElseThrow()));
    return failures;
  }

  /** The test's method name, with the invocation's display name for a template's run. */
  static String methodName(Event event) {
    TestDescriptor test = event.getTestDescriptor();
    String method =
        test.getSource()
            .filter(MethodSource.class::isInstance)
            .map(source -> ((MethodSource) source).getMethodName())
            .orElse(test.getDisplayName());
    return test.getDisplayName().startsWith(method) ? method : method + " " + test.getDisplayName();
  }

  /** The messages of what the extension attached to a failure, one per line, with \n breaks. */
  static String notes(Throwable failure) {
    return Arrays.stream(failure.getSuppressed())
        .map(Throwable::getMessage)
        .collect(Collectors.joining("\n"))
        .replace(System.lineSeparator(), "\n");
  }
}
