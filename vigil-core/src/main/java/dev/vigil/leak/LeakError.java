package dev.vigil.leak;

/**
 * A leak check's failure: its message lists each thread still alive and each resource left open. An
 * {@link AssertionError}, so a test report shows a failure, not an error.
 *
 * @since 0.1
 */
public final class LeakError extends AssertionError {
  private static final long serialVersionUID = 1L;

  // The report holds threads; a serialised error keeps only its message.
  private final transient LeakReport report;

  LeakError(LeakReport report) {
    super(report.toString());
    this.report = report;
  }

  /**
   * Returns what the check found.
   *
   * @return the report
   */
  public LeakReport report() {
    return report;
  }
}
