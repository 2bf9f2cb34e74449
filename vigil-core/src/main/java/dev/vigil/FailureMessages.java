package dev.vigil;

import dev.vigil.internal.Durations;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The one place where the text of every wait failure is written; each kind has its own method and a
 * test pinning its exact text.
 */
final class FailureMessages {
  private static final String NL = System.lineSeparator();

  private FailureMessages() {}

  /** {@code eventually} ran out of time. */
  static String timeout(WaitFacts facts) {
    return "Timed out after "
        + facts.windowText()
        + " waiting for "
        + facts.description()
        + "."
        + facts.details();
  }

  /** An evaluation was still running at the deadline and the watchdog interrupted it. */
  static String blocked(WaitFacts facts, long evaluationStartedNanos) {
    return "Timed out after "
        + facts.windowText()
        + " waiting for "
        + facts.description()
        + ": the evaluation that started "
        + Durations.formatNanos(evaluationStartedNanos)
        + " in was still running at the deadline and was interrupted."
        + facts.details();
  }

  /** Under virtual time, the real-time cap ended a wait that virtual time could not finish. */
  static String stalled(WaitFacts facts, String realTimeCap) {
    return "Stopped waiting for "
        + facts.description()
        + " after "
        + realTimeCap
        + " of real time, with virtual time only "
        + Durations.formatNanos(facts.elapsedNanos())
        + " into the "
        + facts.windowText()
        + " window: the condition depends on something virtual time does not drive (a real"
        + " thread, real I/O), or virtual time moves too slowly (a task every few nanoseconds)."
        + " Run that work on the context's scheduler, or use a real-time context."
        + facts.details();
  }

  /** A {@code continually} condition stopped holding. */
  static String stoppedHolding(WaitFacts facts) {
    return facts.assertionBlock()
        ? expectedButAt(facts, " to keep passing throughout ", ", but it failed ", ".")
        : expectedButAt(facts, " to hold throughout ", ", but it stopped holding ", ".");
  }

  /** A {@code never} condition happened. */
  static String happened(WaitFacts facts) {
    return facts.assertionBlock()
        ? expectedButAt(
            facts,
            " never to pass within ",
            ", but it passed ",
            ": never(...) fails when its assertion block passes; for assertions that must keep"
                + " passing, use continually(...).")
        : expectedButAt(facts, " never to happen within ", ", but it happened ", ".");
  }

  /** "Expected X to …window, but it … T in, at attempt N" and the details. */
  private static String expectedButAt(
      WaitFacts facts, String expectation, String outcome, String ending) {
    return "Expected "
        + facts.description()
        + expectation
        + facts.windowText()
        + outcome
        + Durations.formatNanos(facts.elapsedNanos())
        + " in, at attempt "
        + facts.attempts()
        + ending
        + facts.details();
  }

  /** The condition returned a future that had failed; it cannot complete later. */
  static String futureFailed(WaitFacts facts) {
    return "The future awaited as "
        + facts.description()
        + " failed "
        + Durations.formatNanos(facts.elapsedNanos())
        + " in, at attempt "
        + facts.attempts()
        + "; a failed future cannot complete later, so the wait ended (to retry a failing call,"
        + " make the condition call it and join its future)."
        + facts.details();
  }

  /** The fail-fast condition held. */
  static String failedFast(WaitFacts facts, String reason) {
    return "Gave up waiting for "
        + facts.description()
        + " after "
        + Durations.formatNanos(facts.elapsedNanos())
        + ": "
        + reason
        + "."
        + facts.details();
  }

  /** The waiting thread was interrupted. */
  static String interrupted(WaitFacts facts) {
    return "Interrupted while waiting for "
        + facts.description()
        + ", "
        + Durations.formatNanos(facts.elapsedNanos())
        + " into "
        + facts.windowText()
        + "."
        + facts.details();
  }

  /** Renders a value for a message, arrays included, in one line. */
  static String show(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Object[] array) {
      return Arrays.deepToString(array);
    }
    if (value.getClass().isArray()) {
      return Arrays.deepToString(new Object[] {value}).replaceAll("^\\[|\\]$", "");
    }
    if (value instanceof CharSequence text) {
      return "\"" + text + "\"";
    }
    return String.valueOf(value);
  }

  static String lineBreak() {
    return NL;
  }
}
