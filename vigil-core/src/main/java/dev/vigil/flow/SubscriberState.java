package dev.vigil.flow;

import dev.vigil.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link TestSubscriber} has seen, the demand it has given and the protocol rules each
 * signal broke; every signal and request is recorded on the timeline as it happens.
 */
final class SubscriberState<T> {
  private final FlowRecorder recorder;
  private final long initialRequest;
  private final SignalGuard guard = new SignalGuard();
  private final List<T> items = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private Flow.@Nullable Subscription subscription;
  private long requested;
  // Asked for before onSubscribe: passed on when the subscription arrives.
  private long unsent;
  private boolean cancelled;
  private boolean completed;
  private @Nullable Throwable error;

  SubscriberState(
      String name, @Nullable String correlationId, Timeline timeline, long initialRequest) {
    this.recorder = new FlowRecorder(timeline, name, correlationId);
    this.initialRequest = initialRequest;
  }

  void onSubscribe(Flow.@Nullable Subscription offered) {
    signal(
        "onSubscribe",
        () -> {
          if (offered == null) {
            violate("onSubscribe with a null subscription");
            throw new NullPointerException("subscription must not be null (rule 2.13)");
          }
          long toRequest;
          boolean cancelAtOnce;
          synchronized (this) {
            if (subscription != null) {
              violate("onSubscribe called a second time; the second subscription was cancelled");
              toRequest = -1;
              cancelAtOnce = true;
            } else {
              subscription = offered;
              recorder.record("onSubscribe", "");
              if (initialRequest > 0) {
                recordRequest(initialRequest);
              }
              toRequest = Demand.add(unsent, initialRequest);
              unsent = 0;
              cancelAtOnce = cancelled;
            }
          }
          if (cancelAtOnce) {
            offered.cancel();
          } else if (toRequest > 0) {
            offered.request(toRequest);
          }
        });
  }

  void onNext(@Nullable T item) {
    signal(
        "onNext",
        () -> {
          if (item == null) {
            violate("onNext with a null item");
            throw new NullPointerException("item must not be null (rule 2.13)");
          }
          // Outside the lock: an item's toString may be slow, and it must not hold up the others.
          receive(item, FlowTexts.show(item));
        });
  }

  private synchronized void receive(T item, String shown) {
    int index = items.size();
    items.add(item);
    long outstandingBefore = outstandingAfter(index);
    String outstanding = String.valueOf(Math.max(0, outstandingAfter(index + 1)));
    recorder.record("onNext", shown, "index", String.valueOf(index), "outstanding", outstanding);
    String what = "onNext of item at index " + index + " (" + shown + ")";
    String problem = outOfOrder(what);
    if (problem == null && outstandingBefore <= 0) {
      problem =
          what
              + " exceeded demand: outstanding demand was 0 ("
              + requested
              + " requested in total)";
    }
    if (problem != null) {
      violate(problem);
    }
  }

  void onError(@Nullable Throwable failure) {
    signal(
        "onError",
        () -> {
          if (failure == null) {
            violate("onError with a null throwable");
            throw new NullPointerException("throwable must not be null (rule 2.13)");
          }
          synchronized (this) {
            String shown = FlowTexts.showError(failure);
            recorder.record("onError", shown);
            terminate("onError (" + shown + ")", failure);
          }
        });
  }

  void onComplete() {
    signal(
        "onComplete",
        () -> {
          synchronized (this) {
            recorder.record("onComplete", "");
            terminate("onComplete", null);
          }
        });
  }

  void request(long n) {
    if (n <= 0) {
      throw new IllegalArgumentException("n must be positive, was " + n);
    }
    Flow.Subscription target;
    synchronized (this) {
      target = subscription;
      if (target == null) {
        unsent = Demand.add(unsent, n);
      }
      recordRequest(n);
    }
    if (target != null) {
      target.request(n);
    }
  }

  void cancel() {
    Flow.Subscription target;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      target = subscription;
      recorder.record("cancel", "");
    }
    if (target != null) {
      target.cancel();
    }
  }

  private void recordRequest(long n) {
    requested = Demand.add(requested, n);
    String total = FlowTexts.demand(requested);
    recorder.record("request", "", "n", FlowTexts.demand(n), "requested", total);
  }

  synchronized List<T> items() {
    return List.copyOf(items);
  }

  synchronized int itemCount() {
    return items.size();
  }

  synchronized long requested() {
    return requested;
  }

  synchronized long outstanding() {
    return Math.max(0, outstandingAfter(items.size()));
  }

  synchronized boolean isCancelled() {
    return cancelled;
  }

  synchronized boolean isCompleted() {
    return completed;
  }

  synchronized @Nullable Throwable error() {
    return error;
  }

  synchronized boolean isTerminated() {
    return completed || error != null;
  }

  synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /** One line: what arrived, the demand and the terminal state. */
  synchronized String describe() {
    String state =
        completed
            ? "completed"
            : error != null
                ? "failed with " + FlowTexts.showError(error)
                : cancelled ? "cancelled" : "not terminated";
    return "received "
        + FlowTexts.showList(items)
        + " of "
        + FlowTexts.demand(requested)
        + " requested; "
        + state;
  }

  /** Runs a signal, noting when it overlaps one on another thread. */
  private void signal(String signal, Runnable body) {
    String overlapped = guard.enter(signal);
    try {
      if (overlapped != null) {
        violate(
            signal
                + " on thread \""
                + Thread.currentThread().getName()
                + "\" overlapped "
                + overlapped
                + ": signals must not be concurrent");
      }
      body.run();
    } finally {
      if (overlapped == null) {
        guard.exit();
      }
    }
  }

  /** The rule a signal breaks by coming before onSubscribe or after a terminal signal. */
  private @Nullable String outOfOrder(String what) {
    if (subscription == null) {
      return what + " before onSubscribe";
    }
    if (completed) {
      return what + " after onComplete";
    }
    return error != null ? what + " after onError" : null;
  }

  private void terminate(String what, @Nullable Throwable failure) {
    String problem = outOfOrder(what);
    if (problem != null) {
      violate(problem);
    }
    if (!completed && error == null) {
      completed = failure == null;
      error = failure;
    }
  }

  /** Demand given to the publisher and not yet used once {@code delivered} items arrived. */
  private long outstandingAfter(int delivered) {
    long given = requested - unsent;
    return given == Long.MAX_VALUE ? Long.MAX_VALUE : given - delivered;
  }

  private synchronized void violate(String violation) {
    violations.add(violation);
    recorder.record("violation", violation);
  }
}
