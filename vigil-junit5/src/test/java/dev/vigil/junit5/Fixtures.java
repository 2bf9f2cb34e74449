package dev.vigil.junit5;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.vigil.junit5.fixtures.Observed;
import java.util.List;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineTestKit;
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

  /** The failures of the tests that failed, in the order they finished. */
  static List<Throwable> failures(Events events) {
    return events.failed().stream()
        .map(event -> event.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class))
        .map(result -> result.getThrowable().orElseThrow())
        .toList();
  }
}
