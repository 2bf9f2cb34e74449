package dev.vigil;

import dev.vigil.internal.Durations;
import org.jspecify.annotations.Nullable;

/**
 * What a failed wait knows about itself, gathered once so that every failure message lays it out
 * the same way.
 *
 * @param description what was awaited
 * @param windowNanos the timeout or window asked for, before scaling
 * @param timeScale the factor the window was multiplied by
 * @param elapsedNanos how long the wait lasted
 * @param attempts how many evaluations ran
 * @param signalWakeups how many of them followed a pulse of the signal
 * @param poll the poll strategy, as text, or {@code null} under virtual time (nothing is polled)
 * @param assertionBlock whether the condition is an assertion block (holds when it passes)
 * @param hasValue whether a value was seen on the last evaluation
 * @param value the value of the last evaluation (or the violating one)
 * @param failure the last failure, or {@code null}
 * @param diagnostics the user's diagnostics output, or {@code null}
 * @param timeNote what the time source adds (a seed, a virtual-time hint), empty when nothing
 * @param timeline the rendered timeline tail, empty when there is none
 */
record WaitFacts(
    String description,
    long windowNanos,
    double timeScale,
    long elapsedNanos,
    int attempts,
    int signalWakeups,
    @Nullable String poll,
    boolean assertionBlock,
    boolean hasValue,
    @Nullable Object value,
    @Nullable Throwable failure,
    @Nullable String diagnostics,
    String timeNote,
    String timeline) {

  String windowText() {
    String asked = Durations.formatNanos(windowNanos);
    if (timeScale == 1.0) {
      return asked;
    }
    return asked
        + " (x"
        + trimScale()
        + " time scale = "
        + Durations.formatNanos((long) (windowNanos * timeScale))
        + ")";
  }

  private String trimScale() {
    return timeScale == Math.rint(timeScale)
        ? String.valueOf((long) timeScale)
        : String.valueOf(timeScale);
  }

  /** The indented lines under the headline, each present only when it says something. */
  String details() {
    String nl = FailureMessages.lineBreak();
    StringBuilder text = new StringBuilder();
    text.append(nl)
        .append("  attempts:     ")
        .append(attempts)
        .append(" in ")
        .append(Durations.formatNanos(elapsedNanos));
    if (poll != null) {
      text.append(" (polling ").append(poll).append("; ");
      text.append(signalWakeups).append(" woken by signal)");
    } else {
      text.append(" (virtual time: at the start, at the deadline, and ");
      text.append(signalWakeups).append(" after tasks ran or the signal pulsed)");
    }
    if (hasValue) {
      text.append(nl).append("  last value:   ").append(underLabel(FailureMessages.show(value)));
    }
    if (failure != null) {
      text.append(nl).append("  last failure: ").append(describe(failure));
    }
    if (diagnostics != null) {
      text.append(nl).append("  diagnostics:  ").append(underLabel(diagnostics));
    }
    if (!timeNote.isEmpty()) {
      text.append(nl).append("  ").append(timeNote);
    }
    if (!timeline.isEmpty()) {
      text.append(nl).append(timeline);
    }
    return text.toString();
  }

  /** Indents a multi-line text's later lines to start under its first, after a line's label. */
  private static String underLabel(String text) {
    String indent = FailureMessages.lineBreak() + "                ";
    return String.join(indent, text.strip().lines().toList());
  }

  /**
   * The failure's type and whole message; lines after the first are indented under it, so a
   * multi-line assertion message reads in full here rather than only under "Caused by".
   */
  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    String name = failure.getClass().getName();
    if (message == null || message.isBlank()) {
      return name;
    }
    String indent = FailureMessages.lineBreak() + "    ";
    return name + ": " + String.join(indent, message.strip().lines().toList());
  }
}
