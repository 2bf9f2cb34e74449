package dev.vigil.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.vigil.bus.EmbeddedBus;
import dev.vigil.junit5.fixtures.BusFactoryFixture;
import dev.vigil.junit5.fixtures.Observed;
import dev.vigil.junit5.fixtures.RecordingBusFactory;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;

class BusFactoryTest {

  @BeforeEach
  void reset() {
    RecordingBusFactory.MADE.set(0);
    RecordingBusFactory.CLOSED.set(0);
  }

  /**
   * Each connect starts a thread that outlives the test; the three tests pass, so the leak check
   * left the factory's threads alone.
   */
  @Test
  void the_injected_bus_and_client_come_from_the_named_factory_made_once_per_run() {
    Fixtures.run(BusFactoryFixture.class, BusFactoryFixture.SameFactoryFixture.class)
        .assertStatistics(stats -> stats.succeeded(3).failed(1));

    assertThat(Observed.get("first.bus")).isNotInstanceOf(EmbeddedBus.class);
    assertThat(Observed.get("first.client.bus")).isSameAs(Observed.get("first.bus"));
    assertThat(Observed.get("second.parameter")).isSameAs(Observed.get("second.bus"));
    assertThat(Observed.get("second.bus"))
        .isNotSameAs(Observed.get("first.bus"))
        .isNotInstanceOf(EmbeddedBus.class);
    assertThat(Observed.get("third.bus")).isNotInstanceOf(EmbeddedBus.class);
    assertThat(RecordingBusFactory.MADE).hasValue(1);
    assertThat(RecordingBusFactory.CLOSED).as("closed when the run ended").hasValue(1);
  }

  @Test
  void an_embedded_bus_asked_of_another_factory_says_what_it_made() {
    Map<String, Throwable> failures = Fixtures.failures(Fixtures.run(BusFactoryFixture.class));

    assertThat(failures.get("embedded_bus_asked_of_another_factory"))
        .message()
        .startsWith(
            "the test asks for an EmbeddedBus, but dev.vigil.junit5.fixtures.RecordingBusFactory"
                + " made a $Proxy")
        .endsWith(" (backend embedded); ask for a MessageBus instead");
  }

  @Test
  void a_factory_that_cannot_be_made_fails_the_class_naming_it() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(DiscoverySelectors.selectClass(BusFactoryFixture.AbstractFactoryFixture.class))
        .execute()
        .containerEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(BusFactoryFixture.AbstractFactoryFixture.class),
                finishedWithFailure(
                    message(
                        "@VigilTest(bus = dev.vigil.junit5.fixtures.BusFactoryFixture$AbstractFactory"
                            + ".class) must name a concrete class"))));
  }
}
