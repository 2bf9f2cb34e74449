package dev.vigil.timeline;

import dev.vigil.internal.Durations;
import java.util.List;

/** The one place where the text of every {@link Trace} assertion failure is written. */
final class ChainMessages {
  private static final String NL = System.lineSeparator();

  private ChainMessages() {}

  static String notInOrder(Trace trace, String[] expected, int failedStep, int searchedFrom) {
    String type = expected[failedStep];
    int anywhere = trace.indexOf(type, 0);
    String why;
    if (anywhere < 0) {
      why = type + " (expected at [" + failedStep + "]) never occurred.";
    } else {
      why =
          type
              + " (expected at ["
              + failedStep
              + "]) occurred only at ["
              + anywhere
              + "], before "
              + expected[failedStep - 1]
              + " at ["
              + (searchedFrom - 1)
              + "].";
    }
    StringBuilder text =
        new StringBuilder("Expecting ").append(trace.subject()).append(" to contain in order:");
    for (int i = 0; i < expected.length; i++) {
      text.append(NL).append("  [").append(i).append("] ").append(expected[i]);
    }
    return text.append(NL).append(actual(trace)).append(NL).append(why).toString();
  }

  static String notExactly(Trace trace, String type, int expected, List<Integer> at) {
    return "Expecting "
        + trace.subject()
        + " to contain "
        + type
        + " exactly "
        + times(expected)
        + ", but it occurred "
        + (at.isEmpty() ? "0 times" : times(at.size()) + ", at " + at)
        + "."
        + NL
        + actual(trace);
  }

  private static String times(int count) {
    return count == 1 ? "once" : count + " times";
  }

  static String notBefore(Trace trace, String earlier, int first, String later, int second) {
    String why;
    if (first < 0 || second < 0) {
      why =
          (first < 0 ? earlier : later)
              + " never occurred"
              + (first < 0 && second < 0 ? ", nor did " + later : "")
              + ".";
    } else {
      why = earlier + " is at [" + first + "], after " + later + " at [" + second + "].";
    }
    return "Expecting in "
        + trace.subject()
        + ": "
        + earlier
        + " before "
        + later
        + ", but "
        + why
        + NL
        + actual(trace);
  }

  static String unexpected(Trace trace, String type, List<Integer> at) {
    return "Expecting "
        + trace.subject()
        + " not to contain "
        + type
        + ", but it occurred at "
        + at
        + "."
        + NL
        + actual(trace);
  }

  /** The actual chain, one indexed line per entry. */
  private static String actual(Trace trace) {
    List<TimelineEntry> entries = trace.entries();
    if (entries.isEmpty()) {
      return trace.correlated() ? "but the trace was empty." : "but there were no entries.";
    }
    StringBuilder text = new StringBuilder("but the actual chain was:");
    long origin = entries.get(0).nanos();
    for (int i = 0; i < entries.size(); i++) {
      TimelineEntry entry = entries.get(i);
      text.append(NL)
          .append("  [")
          .append(i)
          .append("] ")
          .append(entry.type())
          .append("  (#")
          .append(entry.sequence())
          .append(' ')
          .append(entry.source())
          .append(" +")
          .append(Durations.formatNanos(entry.nanos() - origin))
          .append(')');
    }
    return text.toString();
  }
}
