package dev.vigil.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.vigil.junit5.fixtures.ClassScopeFixture;
import dev.vigil.junit5.fixtures.MisuseFixture;
import dev.vigil.junit5.fixtures.Observed;
import dev.vigil.junit5.fixtures.SharedInstanceFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

class LifecycleTest {

  @Test
  void a_class_scope_shares_one_context_from_before_all_to_the_last_test() {
    Fixtures.run(ClassScopeFixture.class).assertStatistics(stats -> stats.succeeded(2));

    assertThat(Observed.get("a")).isSameAs(Observed.get("b"));
  }

  @Test
  void a_shared_test_instance_still_gets_a_fresh_context_per_test() {
    Fixtures.run(SharedInstanceFixture.class).assertStatistics(stats -> stats.succeeded(3));

    assertThat(Observed.get("a")).isNotSameAs(Observed.get("b"));
    assertThat(Observed.get("c.inner"))
        .isSameAs(Observed.get("c.outer"))
        .isSameAs(Observed.get("c.parameter"))
        .isNotSameAs(Observed.get("a"));
  }

  @Test
  void virtual_time_asked_of_a_real_time_context_says_how_to_get_it() {
    Map<String, Throwable> failures = Fixtures.failures(Fixtures.run(MisuseFixture.class));

    assertThat(failures.get("virtual_time_on_a_real_time_context"))
        .hasMessage(
            "a VirtualTimeSource exists only on virtual time: annotate the test with"
                + " @VigilTest(virtualTime = true)");
  }

  @Test
  void a_per_test_context_asked_for_in_before_all_says_how_to_share_one() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(
            org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(
                MisuseFixture.BeforeAllFixture.class))
        .execute()
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(MisuseFixture.BeforeAllFixture.class),
                finishedWithFailure(
                    message(
                        "no Vigil context for Vigil in setUp: a per-test context starts before"
                            + " @BeforeEach; for @BeforeAll use"
                            + " @VigilTest(scope = ContextScope.CLASS)"))));
  }
}
