package dev.vigil.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.junit5.fixtures.Observed;
import dev.vigil.junit5.fixtures.ParallelFixture;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParallelIsolationTest {

  @Test
  void tests_running_at_once_each_have_their_own_context_bus_and_timeline() {
    ParallelFixture.ARRIVED.set(0);
    Map<String, String> parallel =
        Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism",
                Integer.toString(ParallelFixture.TESTS));

    Fixtures.run(parallel, ParallelFixture.class, ParallelFixture.Twin.class)
        .assertStatistics(
            stats -> stats.started(ParallelFixture.TESTS).succeeded(ParallelFixture.TESTS));

    Map<Object, Boolean> contexts = new IdentityHashMap<>();
    Observed.VALUES.values().forEach(vigil -> contexts.put(vigil, true));
    assertThat(contexts).hasSize(ParallelFixture.TESTS);
  }
}
