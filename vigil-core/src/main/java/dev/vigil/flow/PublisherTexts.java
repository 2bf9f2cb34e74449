package dev.vigil.flow;

import static dev.vigil.flow.FlowTexts.NL;

/** The failure texts of a compliant {@link TestPublisher}; each is pinned by a test. */
final class PublisherTexts {
  private static final String MISBEHAVING_HINT =
      "(wait for demand, or use TestPublisher.misbehaving(vigil) to test the subscriber's"
          + " defences)";

  private PublisherTexts() {}

  /** An item would exceed a subscriber's outstanding demand. */
  static String beyondDemand(
      String subject, String state, Object item, DrivenSubscription<?> subscription) {
    return FlowTexts.expecting(
            subject, state, "to emit " + FlowTexts.show(item) + " within demand,")
        + NL
        + "but subscriber "
        + subscription.number()
        + " has no outstanding demand ("
        + FlowTexts.demand(subscription.requested())
        + " requested, "
        + subscription.delivered()
        + " delivered)"
        + NL
        + MISBEHAVING_HINT;
  }

  /** Nobody subscribed to receive an item. */
  static String noSubscriber(String subject, String state, Object item) {
    return FlowTexts.expecting(
            subject, state, "to emit " + FlowTexts.show(item) + " within demand,")
        + NL
        + "but nobody has subscribed yet.";
  }

  /** A signal came after the terminal one. */
  static String afterTerminal(String subject, String state, String signal) {
    return FlowTexts.expecting(subject, state, "to send nothing after its terminal signal,")
        + NL
        + "but "
        + signal
        + " was called after it"
        + NL
        + MISBEHAVING_HINT.replace("wait for demand, or ", "");
  }
}
