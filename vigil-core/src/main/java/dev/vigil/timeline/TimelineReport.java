package dev.vigil.timeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a timeline as one self-contained HTML file (no scripts, fonts or images from the network):
 * a sequence diagram with one lane per source, each entry a box on its lane, and arrows that follow
 * each correlation id from entry to entry.
 *
 * <pre>{@code
 * } catch (AssertionError failure) {
 *   TimelineReport.attachTo(failure, vigil.timeline(), Path.of("target/vigil/order-flow.html"));
 *   throw failure;
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class TimelineReport {
  private TimelineReport() {}

  /**
   * Renders the timeline as an HTML page.
   *
   * @param timeline the timeline
   * @param title the page title, such as the test's name
   * @return the page
   */
  public static String html(Timeline timeline, String title) {
    Objects.requireNonNull(timeline, "timeline must not be null");
    Objects.requireNonNull(title, "title must not be null");
    return new SequenceDiagram(timeline.entries(), title).html();
  }

  /**
   * Writes the timeline as an HTML page, creating parent directories.
   *
   * @param timeline the timeline
   * @param file where to write
   * @return {@code file}
   * @throws UncheckedIOException naming the path when it cannot be written
   */
  public static Path write(Timeline timeline, Path file) {
    Objects.requireNonNull(file, "file must not be null");
    String page =
        html(timeline, file.getFileName() == null ? "timeline" : file.getFileName().toString());
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, page, StandardCharsets.UTF_8);
      return file;
    } catch (IOException | RuntimeException broken) {
      throw new UncheckedIOException(
          "could not write timeline report to " + file.toAbsolutePath() + ": " + broken,
          broken instanceof IOException io ? io : new IOException(broken));
    }
  }

  /**
   * Writes the report for a test that failed and tells the failure where it is; if the report
   * cannot be written, the reason is attached to the failure instead. Never throws, so the test's
   * own failure is never hidden.
   *
   * @param failure the test's failure
   * @param timeline the timeline
   * @param file where to write
   */
  public static void attachTo(Throwable failure, Timeline timeline, Path file) {
    try {
      write(timeline, file);
      failure.addSuppressed(new TimelineReportNote("timeline report: " + file.toAbsolutePath()));
    } catch (RuntimeException broken) {
      failure.addSuppressed(broken);
    }
  }

  /** Tells a failure where its timeline report is. */
  static final class TimelineReportNote extends Exception {
    private static final long serialVersionUID = 1L;

    TimelineReportNote(String message) {
      super(message, null, false, false);
    }
  }

  /** Escapes text for HTML and SVG. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
