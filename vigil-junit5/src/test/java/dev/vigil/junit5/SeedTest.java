package dev.vigil.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vigil.RaceExplorer;
import dev.vigil.RaceFoundError;
import dev.vigil.junit5.fixtures.Observed;
import dev.vigil.junit5.fixtures.RaceFixture;
import dev.vigil.junit5.fixtures.SeedFixture;
import dev.vigil.junit5.fixtures.TwoExplorationsFixture;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

class SeedTest {

  @AfterEach
  void forgetTheSeedProperty() {
    System.clearProperty("vigil.seed");
  }

  @Test
  void each_test_draws_its_own_seed_unless_one_is_given() {
    Fixtures.run(SeedFixture.class);
    assertThat(Observed.get("first")).isNotEqualTo(Observed.get("second"));

    System.setProperty("vigil.seed", "77");
    Fixtures.run(SeedFixture.class);
    assertThat(Observed.get("first")).isEqualTo(77L);
    assertThat(Observed.get("second")).isEqualTo(77L);
  }

  @Test
  void a_seed_property_that_is_not_a_number_fails_the_test_naming_it() {
    System.setProperty("vigil.seed", "seven");

    Map<String, Throwable> failures = Fixtures.failures(Fixtures.run(SeedFixture.class));

    assertThat(failures.get("first"))
        .hasMessage("system property vigil.seed must be a whole number, was \"seven\"");
  }

  @Test
  void explore_seeds_stops_at_the_first_failing_seed_and_names_it() {
    long expected = firstFailingSeedByRaceExplorer();

    Events events = Fixtures.run(RaceFixture.class);

    events.assertStatistics(stats -> stats.failed(1).succeeded(expected - 1));
    Throwable failure = Fixtures.failures(events).values().iterator().next();
    assertThat(Fixtures.notes(failure))
        .contains(
            "Vigil seed "
                + expected
                + " (run "
                + expected
                + " of 50 explored by @ExploreSeeds); rerun this test with it:\n"
                + "  mvn test -Dtest='RaceFixture#reserve_runs_before_release' -Dvigil.seed="
                + expected);
  }

  @Test
  void a_failure_elsewhere_in_the_class_stops_no_other_exploration() {
    long expected = firstFailingSeedByRaceExplorer();

    Events events = Fixtures.run(TwoExplorationsFixture.class);

    events.assertStatistics(stats -> stats.failed(2).succeeded(expected - 1 + 5));
  }

  @Test
  void the_seed_property_replays_only_that_seed_in_the_same_order() {
    long failing = firstFailingSeedByRaceExplorer();
    System.setProperty("vigil.seed", Long.toString(failing));

    Events events = Fixtures.run(RaceFixture.class);

    events.assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(Observed.get("seed." + failing)).asList().containsExactly("release", "reserve");
  }

  private static long firstFailingSeedByRaceExplorer() {
    Throwable found =
        catchThrowable(
            () ->
                RaceExplorer.seeds(1, 50)
                    .explore(
                        vigil ->
                            assertThat(RaceFixture.race(vigil))
                                .containsExactly("reserve", "release")));
    assertThat(found)
        .as("the planted race shows within 50 seeds")
        .isInstanceOf(RaceFoundError.class);
    long seed = ((RaceFoundError) found).seed();
    assertThat(seed).as("some seeds pass before the failing one").isGreaterThan(1);
    return seed;
  }
}
