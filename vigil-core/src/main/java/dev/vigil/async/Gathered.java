package dev.vigil.async;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcomes of a gathered group of futures: each by index, in completion order, the values and
 * the failures, with an assertion that all succeeded. Immutable; made by {@link Gather}.
 *
 * @param <T> the type of the values
 * @since 0.1
 */
public final class Gathered<T extends @Nullable Object> {
  private final List<FutureOutcome<T>> outcomes;
  private final List<Integer> completionOrder;

  Gathered(List<FutureOutcome<T>> outcomes, List<Integer> completionOrder) {
    this.outcomes = List.copyOf(outcomes);
    this.completionOrder = List.copyOf(completionOrder);
  }

  /**
   * Returns how many futures were gathered.
   *
   * @return the count
   */
  public int size() {
    return outcomes.size();
  }

  /**
   * Returns the outcome of the future at {@code index}.
   *
   * @param index its index in the list handed to {@code gather}
   * @return its outcome
   * @throws IndexOutOfBoundsException when there is no such future
   */
  public FutureOutcome<T> outcome(int index) {
    Objects.checkIndex(index, outcomes.size());
    return outcomes.get(index);
  }

  /**
   * Returns every outcome, by index.
   *
   * @return an immutable list
   */
  public List<FutureOutcome<T>> outcomes() {
    return outcomes;
  }

  /**
   * Returns the indices in the order the futures completed (see {@link Gather} for how exact).
   *
   * @return an immutable list of indices
   */
  public List<Integer> completionOrder() {
    return completionOrder;
  }

  /**
   * Returns the values of the futures that succeeded, by index.
   *
   * @return an unmodifiable list; it holds {@code null} only where {@code T} admits it
   */
  @SuppressWarnings("NullAway") // a succeeded outcome's value is null only where T admits it
  public List<T> values() {
    List<T> values = new ArrayList<>();
    for (FutureOutcome<T> outcome : outcomes) {
      if (outcome.succeeded()) {
        values.add(outcome.value());
      }
    }
    return Collections.unmodifiableList(values);
  }

  /**
   * Returns the outcomes of the futures that failed or were cancelled, by index.
   *
   * @return an immutable list
   */
  public List<FutureOutcome<T>> failures() {
    return outcomes.stream().filter(outcome -> !outcome.succeeded()).toList();
  }

  /**
   * Checks that every future succeeded.
   *
   * @return this, to go on
   * @throws AsyncAssertionError listing every failure with its index, type and message (the first
   *     failure is the cause)
   */
  public Gathered<T> allSucceeded() {
    List<FutureOutcome<T>> failures = failures();
    if (failures.isEmpty()) {
      return this;
    }
    StringBuilder text =
        new StringBuilder("Expecting all ")
            .append(outcomes.size())
            .append(" futures to succeed, but ")
            .append(failures.size())
            .append(" did not:");
    for (FutureOutcome<T> failure : failures) {
      text.append(Texts.NL).append("  ").append(failure);
    }
    throw new AsyncAssertionError(text.toString(), failures.get(0).failure());
  }

  @Override
  public String toString() {
    return "Gathered" + outcomes;
  }
}
