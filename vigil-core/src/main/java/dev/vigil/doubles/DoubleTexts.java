package dev.vigil.doubles;

import dev.vigil.internal.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/** The failure texts of the doubles' checks, in AssertJ's layout; each is pinned by a test. */
final class DoubleTexts {
  private static final String NL = System.lineSeparator();

  private DoubleTexts() {}

  /** The calls of a double, one per line, with their time since the double was made. */
  record Listing(String name, List<? extends Call<?, ?>> calls, Instant origin, boolean unary) {}

  static String calledTimes(Listing listing, int expected) {
    return expecting(listing)
        + "to have been called "
        + times(expected)
        + NL
        + "but it was called "
        + times(listing.calls().size())
        + ".";
  }

  static String calledOnceWith(Listing listing, @Nullable Object expected) {
    String head = expecting(listing) + "to have been called once with:" + NL + "  ";
    List<? extends Call<?, ?>> calls = listing.calls();
    if (calls.size() != 1) {
      return head + Printed.of(expected) + NL + "but it was called " + times(calls.size()) + ".";
    }
    return head
        + Printed.of(expected)
        + NL
        + "but it was called with:"
        + NL
        + "  "
        + Printed.of(calls.get(0).argument());
  }

  static String awaitedOnce(Listing listing, int awaited) {
    return expecting(listing)
        + "to have been awaited once (its future completed and its result read, chained on or"
        + " waited for)"
        + NL
        + "but it was awaited "
        + times(awaited)
        + ".";
  }

  static String noPendingCalls(Listing listing, List<? extends Call<?, ?>> pending) {
    StringJoiner numbers = new StringJoiner(", ");
    pending.forEach(call -> numbers.add("#" + call.number()));
    String count = pending.size() == 1 ? "1 call is" : pending.size() + " calls are";
    return expecting(listing)
        + "to have no call pending"
        + NL
        + "but "
        + count
        + " still pending: "
        + numbers
        + ".";
  }

  private static String expecting(Listing listing) {
    StringBuilder text = new StringBuilder("Expecting ").append(listing.name()).append(':');
    if (listing.calls().isEmpty()) {
      text.append(NL).append("  never called");
    }
    for (Call<?, ?> call : listing.calls()) {
      text.append(NL).append("  ").append(line(call, listing));
    }
    return text.append(NL).toString();
  }

  private static String line(Call<?, ?> call, Listing listing) {
    Duration since = Duration.between(listing.origin(), call.at());
    String with = listing.unary() ? " with " + Printed.of(call.argument()) : "";
    return "#" + call.number() + " at +" + Durations.format(since) + with + ": " + state(call);
  }

  private static String state(Call<?, ?> call) {
    String awaited = call.awaited() ? " (awaited)" : " (not awaited)";
    return switch (call.state()) {
      case PENDING -> "pending";
      case RETURNED -> "returned " + Printed.of(call.value()) + awaited;
      case FAILED -> "failed " + call.failure() + awaited;
      case CANCELLED -> "cancelled";
    };
  }

  private static String times(int count) {
    return count == 1 ? "once" : count + " times";
  }
}
