package dev.vigil.junit5;

import dev.vigil.WaitFailedError;
import dev.vigil.timeline.Timeline;
import dev.vigil.timeline.TimelineReport;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a failing test's failure gains: the seed with the command that reruns it, the latest
 * timeline entries, and where the HTML timeline report is. Each is attached as a suppressed note,
 * so the failure itself (its type, message and expected/actual values) stays as it was.
 */
final class FailureNotes {
  private static final String NL = System.lineSeparator();

  private FailureNotes() {}

  static void attach(Throwable failure, ExtensionContext context, TestRun run) {
    StringBuilder note = new StringBuilder();
    if (run.seedMatters()) {
      note.append(seedHint(context, run.seed()));
    }
    Timeline timeline = run.vigil().timeline();
    // A wait's failure already ends with the timeline; twice would only bury the message.
    if (!(failure instanceof WaitFailedError) && timeline.size() > 0) {
      if (note.length() > 0) {
        note.append(NL);
      }
      note.append(timeline.renderTail(run.vigil().patience().timelineTail()));
    }
    if (note.length() > 0) {
      failure.addSuppressed(new VigilNote(note.toString()));
    }
    Path report = ReportFiles.of(context);
    TimelineReport.attachTo(failure, timeline, report);
    announce(context, report);
  }

  /** Writes the report of a passing test; a report that cannot be written fails nothing. */
  static void writeReport(ExtensionContext context, TestRun run) {
    Path report = ReportFiles.of(context);
    try {
      TimelineReport.write(run.vigil().timeline(), report);
      announce(context, report);
    } catch (RuntimeException unwritable) {
      System.out.println("Vigil timeline report not written: " + unwritable.getMessage());
    }
  }

  static String seedHint(ExtensionContext context, RunSeed seed) {
    return "Vigil seed "
        + seed.value()
        + " ("
        + seed.origin()
        + "); rerun this test with it:"
        + NL
        + "  mvn test -Dtest='"
        + ReportFiles.surefireName(context)
        + "' -D"
        + RunSeed.PROPERTY
        + "="
        + seed.value();
  }

  /** Prints where the report is and tells JUnit, whose listeners show report entries. */
  static void announce(ExtensionContext context, Path report) {
    String where = report.toAbsolutePath().toString();
    System.out.println("Vigil timeline report: " + where);
    context.publishReportEntry("vigil.timeline.report", where);
  }

  /** A note on a failure: a message and no stack trace of its own. */
  static final class VigilNote extends Exception {
    private static final long serialVersionUID = 1L;

    VigilNote(String message) {
      super(message, null, false, false);
    }
  }
}
