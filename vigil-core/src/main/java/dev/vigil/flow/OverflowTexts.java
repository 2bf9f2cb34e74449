package dev.vigil.flow;

import static dev.vigil.flow.FlowTexts.NL;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The failure texts of {@link OverflowCheck}; each is pinned by a test. */
final class OverflowTexts {

  private OverflowTexts() {}

  /** The received items, what they were expected to be, and the offered items shown. */
  static String received(
      String subject, List<?> received, String expectation, List<?> shown, String but) {
    return "Expecting the items received by "
        + subject
        + ":"
        + NL
        + "  "
        + FlowTexts.showList(received)
        + NL
        + expectation
        + ":"
        + NL
        + "  "
        + FlowTexts.showList(shown)
        + NL
        + "but "
        + but;
  }

  /** An item that arrived out of the order offered, or was never offered. */
  static String outOfOrder(List<?> received, List<?> offered, int index) {
    Object item = received.get(index);
    if (!offered.contains(item)) {
      return FlowTexts.show(item) + " at index " + index + " was never offered.";
    }
    return FlowTexts.show(item)
        + " at index "
        + index
        + " was not offered after "
        + FlowTexts.show(received.get(index - 1))
        + ".";
  }

  /** The subscriber did not end the way the policy needs before the check. */
  static String notTerminated(
      String subject, String state, OverflowPolicy policy, @Nullable Throwable error) {
    boolean wantsError = policy == OverflowPolicy.ERROR;
    String expectation =
        wantsError
            ? "to have failed after an in-order prefix of the items offered (ERROR),"
            : "to have completed before its overflow policy (" + policy + ") is checked,";
    String but;
    if (error != null) {
      but = "but it failed with:" + NL + "  " + FlowTexts.showError(error);
    } else if (wantsError) {
      but = "but it completed.";
      if (state.endsWith("not terminated") || state.endsWith("cancelled")) {
        but = "but it has not terminated.";
      }
    } else {
      but = "but it has not terminated: request what remains and awaitCompletion() first.";
    }
    return FlowTexts.expecting(subject, state, expectation) + NL + but;
  }

  /** A blocking producer was never seen blocked. */
  static String neverBlocked(String producer, List<?> offered) {
    return FlowTexts.expecting(
            producer,
            FlowTexts.showList(offered) + " offered",
            "to have been seen blocked (BLOCK),")
        + NL
        + "but it never was: run its blocking calls through OfferLog.submit and call"
        + " awaitBlocked() while the subscriber holds back demand.";
  }
}
