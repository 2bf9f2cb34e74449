package dev.vigil.doubles;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the next calls of a double do: outcomes queued for the next calls in turn, then one outcome
 * for every call after them. Any thread may call the double while the test rescripts it.
 */
final class Script<R extends @Nullable Object> {
  private final ArrayDeque<Outcome<R>> queued = new ArrayDeque<>();
  private Outcome<R> afterQueued;

  /** A script whose every call gets {@code always}. */
  Script(Outcome<R> always) {
    this.afterQueued = always;
  }

  /** The outcome of the next call. */
  synchronized Outcome<R> next() {
    Outcome<R> first = queued.poll();
    return first != null ? first : afterQueued;
  }

  /** Every later call gets {@code outcome}. */
  synchronized void always(Outcome<R> outcome) {
    queued.clear();
    afterQueued = outcome;
  }

  /** The next calls get {@code outcomes} in turn; calls after them fail, naming the script. */
  synchronized void inOrder(List<Outcome<R>> outcomes) {
    queued.clear();
    queued.addAll(outcomes);
    afterQueued = Outcome.exhausted(outcomes.size());
  }

  /** The next {@code calls} calls do what the script says now; every call after them fails. */
  synchronized void failAfter(int calls, Throwable failure) {
    List<Outcome<R>> kept = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      Outcome<R> first = queued.poll();
      kept.add(first != null ? first : afterQueued);
    }
    queued.clear();
    queued.addAll(kept);
    afterQueued = Outcome.failure(failure);
  }
}
