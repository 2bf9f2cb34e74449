package dev.vigil.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineRenderingTest {
  private static final String NL = System.lineSeparator();
  private final Vigil vigil = Vigil.withVirtualTime();
  private final Timeline timeline = vigil.timeline();

  @AfterEach
  void close() {
    vigil.close();
  }

  private void sample() {
    timeline.append("bus", "order.created", "o-1", null, "", Map.of());
    vigil.virtualTime().advanceBy(Duration.ofMillis(2));
    timeline.append("webhook", "payment.completed", "o-1", null, "POST /pay", Map.of());
    vigil.virtualTime().advanceBy(Duration.ofMillis(3));
    timeline.append("bus", "shipping.label_created", "o-1", null, "", Map.of("k", "<v>"));
  }

  @Test
  void text_rendering_puts_each_source_in_its_own_lane_with_relative_times() {
    sample();

    assertThat(timeline.renderTail(20))
        .isEqualTo(
            "Timeline (last 3 of 3 entries):"
                + NL
                + "  #1    +0ns      bus: order.created [o-1]"
                + NL
                + "  #2    +2ms                                         webhook: payment.completed"
                + " [o-1] POST /pay"
                + NL
                + "  #3    +5ms      bus: shipping.label_created [o-1]");
  }

  @Test
  void text_rendering_shows_only_the_last_entries_asked_for() {
    sample();

    assertThat(timeline.renderTail(1))
        .isEqualTo(
            "Timeline (last 1 of 3 entries):"
                + NL
                + "  #3    +0ns      bus: shipping.label_created [o-1]");
    assertThat(timeline.renderTail(0)).isEmpty();
  }

  @Test
  void html_report_is_one_self_contained_file_with_lanes_and_escaped_text() {
    sample();

    String html = TimelineReport.html(timeline, "order <flow>");

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<title>order &lt;flow&gt;</title>")
        .contains(">bus</text>", ">webhook</text>", ">payment.completed</text>")
        .contains("k = &lt;v&gt;")
        .contains("marker-end=\"url(#arrow)\"")
        .doesNotContain("<script", "src=", "href=", "@import", "url(http")
        .contains("3 entries from 2 sources");
  }

  @Test
  void writes_the_report_creating_directories(@TempDir Path dir) throws Exception {
    sample();
    Path file = dir.resolve("reports/flow.html");

    TimelineReport.write(timeline, file);

    assertThat(Files.readString(file)).contains("shipping.label_created");
  }

  @Test
  void an_unwritable_path_gives_a_clear_error(@TempDir Path dir) throws Exception {
    Path blocker = Files.writeString(dir.resolve("file"), "x");

    assertThatThrownBy(() -> TimelineReport.write(timeline, blocker.resolve("report.html")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith(
            "could not write timeline report to " + blocker.resolve("report.html"));
  }

  @Test
  void attaching_a_report_never_hides_the_tests_own_failure(@TempDir Path dir) throws Exception {
    Path blocker = Files.writeString(dir.resolve("file"), "x");
    AssertionError failure = new AssertionError("the real failure");

    TimelineReport.attachTo(failure, timeline, blocker.resolve("report.html"));

    assertThat(failure).hasMessage("the real failure");
    assertThat(failure.getSuppressed())
        .singleElement()
        .satisfies(s -> assertThat(s).isInstanceOf(UncheckedIOException.class));
  }

  @Test
  void attaching_a_report_tells_the_failure_where_it_is(@TempDir Path dir) {
    sample();
    AssertionError failure = new AssertionError("boom");

    TimelineReport.attachTo(failure, timeline, dir.resolve("r.html"));

    assertThat(failure.getSuppressed()[0])
        .hasMessage("timeline report: " + dir.resolve("r.html").toAbsolutePath());
    assertThat(dir.resolve("r.html")).exists();
  }
}
