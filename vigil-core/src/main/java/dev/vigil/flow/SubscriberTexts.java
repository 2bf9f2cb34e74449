package dev.vigil.flow;

import static dev.vigil.flow.FlowTexts.NL;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The failure texts of {@link TestSubscriber}'s assertions; each is pinned by a test. */
final class SubscriberTexts {

  private SubscriberTexts() {}

  /** The subscriber saw protocol violations. */
  static String violations(String subject, String state, List<String> violations) {
    StringBuilder text =
        new StringBuilder(
            FlowTexts.expecting(subject, state, "to have seen the Flow protocol followed,"));
    text.append(NL)
        .append("but it saw ")
        .append(FlowTexts.count(violations.size(), "violation"))
        .append(':');
    for (String violation : violations) {
      text.append(NL).append("  - ").append(violation);
    }
    return text.toString();
  }

  /** The items differ from those expected. */
  static String items(String subject, List<?> actual, List<?> expected) {
    String text =
        "Expecting the items received by "
            + subject
            + ":"
            + NL
            + "  "
            + FlowTexts.showList(actual)
            + NL
            + "to be exactly:"
            + NL
            + "  "
            + FlowTexts.showList(expected)
            + NL
            + "but ";
    return text + FlowTexts.difference(actual, expected, "expected");
  }

  /** The subscriber did not complete. */
  static String notCompleted(String subject, String state, @Nullable Throwable error) {
    return FlowTexts.expecting(subject, state, "to have completed,") + NL + but(error, false);
  }

  /** The subscriber did not fail with the type expected. */
  static String notFailedWith(
      String subject,
      String state,
      Class<? extends Throwable> type,
      boolean completed,
      @Nullable Throwable error) {
    return FlowTexts.expecting(subject, state, "to have failed with an instance of:")
        + NL
        + "  "
        + type.getName()
        + NL
        + but(error, completed);
  }

  /** The subscriber terminated when it should not have. */
  static String terminated(String subject, String state, @Nullable Throwable error) {
    return FlowTexts.expecting(subject, state, "not to have terminated,") + NL + but(error, true);
  }

  private static String but(@Nullable Throwable error, boolean completed) {
    if (error != null) {
      return "but it failed with:" + NL + "  " + FlowTexts.showError(error);
    }
    return completed ? "but it completed." : "but it has not terminated.";
  }
}
