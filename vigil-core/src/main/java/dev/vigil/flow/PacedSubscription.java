package dev.vigil.flow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One subscriber's run through a {@link PacedPublisher}'s items: at most one item is scheduled at a
 * time, and only while demand remains, so signals to the subscriber never overlap.
 */
final class PacedSubscription<T> implements Flow.Subscription {
  private final Flow.Subscriber<? super T> subscriber;
  private final List<T> items;
  private final long intervalNanos;
  private final ScheduledExecutorService scheduler;
  private final FlowRecorder recorder;
  private long demand;
  private int next;
  private boolean done;
  // While an item is being delivered, the next waits: on a pool of threads it could overlap.
  private boolean emitting;
  private @Nullable Future<?> scheduled;

  PacedSubscription(
      Flow.Subscriber<? super T> subscriber,
      List<T> items,
      Duration interval,
      ScheduledExecutorService scheduler,
      FlowRecorder recorder) {
    this.subscriber = subscriber;
    this.items = items;
    this.intervalNanos = interval.toNanos();
    this.scheduler = scheduler;
    this.recorder = recorder;
  }

  void start() {
    recorder.record("subscribed", "");
    subscriber.onSubscribe(this);
    boolean empty;
    synchronized (this) {
      empty = items.isEmpty() && !done;
      done = done || empty;
    }
    if (empty) {
      recorder.record("complete", "");
      subscriber.onComplete();
    }
  }

  @Override
  public void request(long n) {
    recorder.record("requested", "", "n", FlowTexts.demand(n));
    if (n <= 0) {
      boolean open;
      synchronized (this) {
        open = !done;
        done = true;
        cancelScheduled();
      }
      if (open) {
        // Rule 3.9: a non-positive request is answered with onError, not thrown at the caller.
        subscriber.onError(new IllegalArgumentException("n must be positive, was " + n));
      }
      return;
    }
    synchronized (this) {
      demand = Demand.add(demand, n);
      scheduleNext();
    }
  }

  @Override
  public void cancel() {
    synchronized (this) {
      if (done) {
        return;
      }
      done = true;
      cancelScheduled();
    }
    recorder.record("cancelled", "");
  }

  private void emitNext() {
    T item;
    boolean last;
    synchronized (this) {
      scheduled = null;
      if (done) {
        return;
      }
      item = items.get(next++);
      demand = demand == Long.MAX_VALUE ? demand : demand - 1;
      last = next == items.size();
      done = last;
      emitting = true;
    }
    recorder.record("emit", FlowTexts.show(item));
    try {
      subscriber.onNext(item);
    } finally {
      synchronized (this) {
        emitting = false;
        scheduleNext();
      }
    }
    if (last) {
      recorder.record("complete", "");
      subscriber.onComplete();
    }
  }

  /** Schedules the next item if it is wanted and none is on its way; under this object's lock. */
  private void scheduleNext() {
    if (!done && !emitting && scheduled == null && demand > 0 && next < items.size()) {
      scheduled = scheduler.schedule(this::emitNext, intervalNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void cancelScheduled() {
    if (scheduled != null) {
      scheduled.cancel(false);
      scheduled = null;
    }
  }
}
