package dev.vigil.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.WaitTimeoutError;
import dev.vigil.junit5.fixtures.FailingFixture;
import dev.vigil.junit5.fixtures.PassingReportFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureReportTest {
  private static final Path REPORTS = Path.of("target", "vigil-reports");

  @Test
  void a_failure_gains_the_seed_with_its_rerun_command_and_the_timeline() {
    Map<String, Throwable> failures = Fixtures.failures(Fixtures.run(FailingFixture.class));

    Throwable plain = failures.get("plain_assertion_fails");
    String notes = Fixtures.notes(plain);
    assertThat(notes)
        .contains(
            "Vigil seed 42 (fixed by @VigilTest(seed = 42)); rerun this test with it:\n"
                + "  mvn test -Dtest='FailingFixture#plain_assertion_fails' -Dvigil.seed=42")
        .contains("Timeline (last 2 of 2 entries):")
        .contains("user: order.created [o-1]")
        .contains("user: payment.initiated [o-1]");
  }

  @Test
  void a_wait_failure_is_not_given_the_timeline_twice() {
    Map<String, Throwable> failures = Fixtures.failures(Fixtures.run(FailingFixture.class));

    Throwable wait = failures.get("wait_times_out");
    assertThat(wait).isInstanceOf(WaitTimeoutError.class);
    assertThat(wait.getMessage()).contains("user: order.created [o-2]");
    assertThat(Fixtures.notes(wait)).doesNotContain("Timeline (").contains("Vigil seed 42");
  }

  @Test
  void a_failure_writes_its_html_report_and_says_where() throws IOException {
    Path report =
        REPORTS.resolve(FailingFixture.class.getName()).resolve("plain_assertion_fails.html");
    Files.deleteIfExists(report);

    Map<String, Throwable> failures = Fixtures.failures(Fixtures.run(FailingFixture.class));

    assertThat(report).exists();
    assertThat(Files.readString(report)).contains("order.created").contains("payment.initiated");
    assertThat(Fixtures.notes(failures.get("plain_assertion_fails")))
        .contains("timeline report: " + report.toAbsolutePath());
  }

  @Test
  void a_passing_test_writes_its_report_only_when_asked() throws IOException {
    Path report = REPORTS.resolve(PassingReportFixture.class.getName()).resolve("passes.html");
    Files.deleteIfExists(report);

    Fixtures.run(PassingReportFixture.class)
        .assertStatistics(stats -> stats.succeeded(1).failed(0));

    assertThat(Files.readString(report)).contains("order.created");
  }
}
