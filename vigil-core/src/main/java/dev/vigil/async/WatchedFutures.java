package dev.vigil.async;

import dev.vigil.Vigil;
import dev.vigil.timeline.Attributes;
import dev.vigil.timeline.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Futures watched from the moment they are handed over: a {@link CompletionStage} reports its own
 * completion (so its instant and order are exact), a plain {@link Future} is settled when someone
 * polls and finds it done. Each completion goes on the timeline with source {@value #SOURCE}.
 *
 * @param <T> the type of the values
 */
final class WatchedFutures<T extends @Nullable Object> {
  /** The timeline source of completions. */
  static final String SOURCE = "future";

  private final Vigil vigil;
  private final @Nullable Future<? extends T>[] plain;
  private final AtomicReferenceArray<@Nullable FutureOutcome<T>> outcomes;
  private final List<Integer> completionOrder = new ArrayList<>();

  @SuppressWarnings("unchecked")
  private WatchedFutures(Vigil vigil, int size) {
    this.vigil = vigil;
    this.plain = (Future<? extends T>[]) new Future<?>[size];
    this.outcomes = new AtomicReferenceArray<>(size);
  }

  /** Watches {@code futures}, each through its stage when it is one. */
  static <T extends @Nullable Object> WatchedFutures<T> of(Vigil vigil, List<?> futures) {
    WatchedFutures<T> watched = new WatchedFutures<>(vigil, futures.size());
    for (int i = 0; i < futures.size(); i++) {
      watched.watch(i, futures.get(i));
    }
    return watched;
  }

  @SuppressWarnings("unchecked")
  private void watch(int index, Object future) {
    if (future instanceof CompletionStage<?> stage) {
      // Registered now, so the completion is recorded at its own instant, in its own thread.
      stage.whenComplete((value, failure) -> settle(index, (T) value, failure));
    } else {
      plain[index] = (Future<? extends T>) future;
    }
  }

  int size() {
    return outcomes.length();
  }

  /** Settles every plain future found done, in index order. */
  void poll() {
    for (int i = 0; i < plain.length; i++) {
      Future<? extends T> future = plain[i];
      if (future != null && outcomes.get(i) == null && future.isDone()) {
        settleFromPlain(i, future);
      }
    }
  }

  private void settleFromPlain(int index, Future<? extends T> future) {
    try {
      settle(index, future.get(), null);
    } catch (ExecutionException | CancellationException failed) {
      settle(index, null, failed);
    } catch (InterruptedException interrupted) {
      // A done future does not block; keep the flag for the caller's wait to see.
      Thread.currentThread().interrupt();
    }
  }

  private void settle(int index, @Nullable T value, @Nullable Throwable thrown) {
    synchronized (completionOrder) {
      if (outcomes.get(index) != null) {
        return;
      }
      Throwable failure = thrown == null ? null : unwrap(thrown);
      FutureOutcome.State state =
          failure == null
              ? FutureOutcome.State.SUCCEEDED
              : failure instanceof CancellationException
                  ? FutureOutcome.State.CANCELLED
                  : FutureOutcome.State.FAILED;
      TimelineEntry entry = record(index, state, value, failure);
      // The entry's instant is the outcome's, so the timeline and the outcome agree.
      outcomes.set(
          index,
          new FutureOutcome<>(index, state, failure == null ? value : null, failure, entry.at()));
      completionOrder.add(index);
    }
  }

  private TimelineEntry record(
      int index, FutureOutcome.State state, @Nullable T value, @Nullable Throwable failure) {
    String text = failure == null ? Texts.show(value) : Texts.describe(failure, " ");
    // One line: the timeline renders entries as rows.
    String summary = text.lines().findFirst().orElse("");
    return vigil
        .timeline()
        .append(
            SOURCE,
            state.name().toLowerCase(Locale.ROOT),
            null,
            null,
            summary.length() > 200 ? summary.substring(0, 199) + "…" : summary,
            Attributes.of("index", String.valueOf(index)));
  }

  /** The failure inside the wrappers futures add around it. */
  static Throwable unwrap(Throwable thrown) {
    Throwable failure = thrown;
    while ((failure instanceof CompletionException || failure instanceof ExecutionException)
        && failure.getCause() != null) {
      failure = failure.getCause();
    }
    return failure;
  }

  @Nullable FutureOutcome<T> outcome(int index) {
    return outcomes.get(index);
  }

  /** The outcomes by index; every future must be done. */
  List<FutureOutcome<T>> outcomes() {
    List<FutureOutcome<T>> all = new ArrayList<>();
    for (int i = 0; i < outcomes.length(); i++) {
      FutureOutcome<T> outcome = outcomes.get(i);
      if (outcome == null) {
        throw new IllegalStateException("future #" + i + " is not done");
      }
      all.add(outcome);
    }
    return all;
  }

  List<Integer> completionOrder() {
    synchronized (completionOrder) {
      return List.copyOf(completionOrder);
    }
  }

  /** Polls, then says how many are done, for a wait's probe and its failure text. */
  Progress progress() {
    poll();
    List<Integer> running = new ArrayList<>();
    for (int i = 0; i < outcomes.length(); i++) {
      if (outcomes.get(i) == null) {
        running.add(i);
      }
    }
    return new Progress(outcomes.length(), running);
  }

  /**
   * How many futures are done, as a wait's value: its text is what a timeout shows as the last
   * value.
   *
   * @param size how many futures are watched
   * @param running the indices of those not done yet
   */
  record Progress(int size, List<Integer> running) {
    boolean done() {
      return running.isEmpty();
    }

    @Override
    public String toString() {
      if (size == 1) {
        return running.isEmpty() ? "done" : "not done";
      }
      StringBuilder text =
          new StringBuilder().append(size - running.size()).append(" of ").append(size);
      text.append(" done");
      if (!running.isEmpty()) {
        text.append("; not done yet: ");
        for (int i = 0; i < running.size(); i++) {
          text.append(i == 0 ? "#" : ", #").append(running.get(i));
        }
      }
      return text.toString();
    }
  }
}
