package dev.vigil.flow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks that what a subscriber received from a producer under test fits the producer's declared
 * {@link OverflowPolicy}, given what the producer offered; made by {@link #of}. Run it once the
 * stream ended (completed, or failed for {@link OverflowPolicy#ERROR}). The subscriber's own
 * protocol checks come first, so an item beyond demand fails it too.
 *
 * <pre>{@code
 * OverflowOutcome<Integer> outcome =
 *     OverflowCheck.of(OverflowPolicy.DROP_LATEST).withCapacity(2).verify(offers, subscriber);
 * assertThat(outcome.dropped()).containsExactly(2, 3, 4);
 * }</pre>
 *
 * @since 0.1
 */
public final class OverflowCheck {
  private final OverflowPolicy policy;
  private final int capacity;

  private OverflowCheck(OverflowPolicy policy, int capacity) {
    this.policy = policy;
    this.capacity = capacity;
  }

  /**
   * Starts a check of {@code policy}, with the buffer's capacity unknown.
   *
   * @param policy the policy the producer declares
   * @return the check
   */
  public static OverflowCheck of(OverflowPolicy policy) {
    return new OverflowCheck(Objects.requireNonNull(policy, "policy must not be null"), 0);
  }

  /**
   * Returns this check knowing the capacity of the producer's buffer, so that the drop policies
   * also check the items no drop may touch: the first {@code capacity} offered under {@link
   * OverflowPolicy#DROP_LATEST}, the last {@code capacity} under {@link
   * OverflowPolicy#DROP_OLDEST}.
   *
   * @param newCapacity positive
   * @return the changed check
   */
  public OverflowCheck withCapacity(int newCapacity) {
    if (newCapacity < 1) {
      throw new IllegalArgumentException("capacity must be positive, was " + newCapacity);
    }
    return new OverflowCheck(policy, newCapacity);
  }

  /**
   * Checks the subscriber's items against what the log saw offered; {@link OverflowPolicy#BLOCK}
   * also needs the log to have seen the producer blocked.
   *
   * @param offers what the producer offered
   * @param subscriber the subscriber it fed
   * @param <T> the type of the items
   * @return what was offered, received and dropped
   * @throws FlowAssertionError when the items do not fit the policy
   */
  public <T> OverflowOutcome<T> verify(OfferLog<T> offers, TestSubscriber<T> subscriber) {
    Objects.requireNonNull(offers, "offers must not be null");
    List<T> offered = offers.offered();
    OverflowOutcome<T> outcome = check(offered, subscriber);
    if (policy == OverflowPolicy.BLOCK && !offers.wasSeenBlocked()) {
      throw new FlowAssertionError(OverflowTexts.neverBlocked(offers.subject(), offered));
    }
    return outcome;
  }

  /**
   * Checks the subscriber's items against the items offered; for any policy but {@link
   * OverflowPolicy#BLOCK}, which needs an {@link OfferLog} to see the producer blocked.
   *
   * @param offered every item the producer offered, in order
   * @param subscriber the subscriber it fed
   * @param <T> the type of the items
   * @return what was offered, received and dropped
   * @throws FlowAssertionError when the items do not fit the policy
   */
  public <T> OverflowOutcome<T> verify(List<? extends T> offered, TestSubscriber<T> subscriber) {
    if (policy == OverflowPolicy.BLOCK) {
      throw new IllegalArgumentException(
          "policy BLOCK needs an OfferLog, which sees the producer blocked; a list cannot");
    }
    return check(
        List.copyOf(Objects.requireNonNull(offered, "offered must not be null")), subscriber);
  }

  private <T> OverflowOutcome<T> check(List<T> offered, TestSubscriber<T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber must not be null");
    subscriber.assertNoViolations();
    checkTerminated(subscriber);
    List<T> received = subscriber.items();
    List<Integer> positions =
        switch (policy) {
          case BUFFER, BLOCK -> same(received, offered, subscriber, "every item offered, in order");
          case ERROR -> prefix(received, offered, subscriber);
          case DROP_LATEST, DROP_OLDEST -> subsequence(received, offered, subscriber);
        };
    List<T> dropped = new ArrayList<>();
    for (int i = 0, next = 0; i < offered.size(); i++) {
      if (next < positions.size() && positions.get(next) == i) {
        next++;
      } else {
        dropped.add(offered.get(i));
      }
    }
    checkUntouchable(received, offered, dropped, positions, subscriber);
    return new OverflowOutcome<>(policy, offered, received, dropped);
  }

  private void checkTerminated(TestSubscriber<?> subscriber) {
    boolean ended =
        policy == OverflowPolicy.ERROR ? subscriber.error().isPresent() : subscriber.isCompleted();
    if (!ended) {
      throw new FlowAssertionError(
          OverflowTexts.notTerminated(
              subscriber.subject(),
              subscriber.describe(),
              policy,
              subscriber.error().orElse(null)));
    }
  }

  private List<Integer> same(
      List<?> received, List<?> offered, TestSubscriber<?> subscriber, String what) {
    if (!received.equals(offered)) {
      throw mismatch(
          received,
          offered,
          subscriber,
          "to be " + what + " (" + policy + ")",
          FlowTexts.difference(received, offered, "offered"));
    }
    return indexes(received.size());
  }

  private List<Integer> prefix(List<?> received, List<?> offered, TestSubscriber<?> subscriber) {
    boolean fits =
        received.size() <= offered.size() && received.equals(offered.subList(0, received.size()));
    if (!fits) {
      throw mismatch(
          received,
          offered,
          subscriber,
          "to be an in-order prefix of the items offered, followed by onError (ERROR)",
          FlowTexts.difference(received, offered, "offered"));
    }
    return indexes(received.size());
  }

  private List<Integer> subsequence(
      List<?> received, List<?> offered, TestSubscriber<?> subscriber) {
    List<Integer> positions = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < received.size(); i++) {
      while (next < offered.size() && !Objects.equals(offered.get(next), received.get(i))) {
        next++;
      }
      if (next == offered.size()) {
        throw mismatch(
            received,
            offered,
            subscriber,
            "to be an in-order subsequence of the items offered (" + policy + ")",
            OverflowTexts.outOfOrder(received, offered, i));
      }
      positions.add(next++);
    }
    return positions;
  }

  /** The drop policies never drop the first (DROP_LATEST) or last (DROP_OLDEST) few items. */
  private <T> void checkUntouchable(
      List<T> received,
      List<T> offered,
      List<T> dropped,
      List<Integer> positions,
      TestSubscriber<T> subscriber) {
    if (capacity == 0 || dropped.isEmpty()) {
      return;
    }
    int kept = Math.min(capacity, offered.size());
    boolean first = policy == OverflowPolicy.DROP_LATEST;
    if (!first && policy != OverflowPolicy.DROP_OLDEST) {
      return;
    }
    int from = first ? 0 : offered.size() - kept;
    List<T> untouchable = offered.subList(from, from + kept);
    Set<Integer> arrived = new HashSet<>(positions);
    List<T> lost = new ArrayList<>();
    for (int i = from; i < from + kept; i++) {
      if (!arrived.contains(i)) {
        lost.add(offered.get(i));
      }
    }
    if (!lost.isEmpty()) {
      String which = first ? "first " : "last ";
      throw mismatch(
          received,
          untouchable,
          subscriber,
          "to include the "
              + which
              + FlowTexts.count(kept, "item")
              + " offered, which "
              + policy
              + " with capacity "
              + capacity
              + " never drops",
          "it lacks " + FlowTexts.showList(lost) + ".");
    }
  }

  private static FlowAssertionError mismatch(
      List<?> received,
      List<?> shown,
      TestSubscriber<?> subscriber,
      String expectation,
      String but) {
    return new FlowAssertionError(
        OverflowTexts.received(subscriber.subject(), received, expectation, shown, but));
  }

  private static List<Integer> indexes(int count) {
    List<Integer> all = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      all.add(i);
    }
    return all;
  }
}
