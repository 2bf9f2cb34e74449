package dev.vigil.flow;

import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One subscriber's subscription to a {@link TestPublisher}: the demand it gave, what it was sent
 * and whether it cancelled. Signals to the subscriber are sent under the publisher's emit lock.
 */
final class DrivenSubscription<T> implements Flow.Subscription {
  private final TestPublisher<T> publisher;
  private final Flow.Subscriber<? super T> subscriber;
  private final int number;
  private final AtomicLong requested = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private volatile boolean cancelled;
  private volatile boolean terminated;

  DrivenSubscription(
      TestPublisher<T> publisher, Flow.Subscriber<? super T> subscriber, int number) {
    this.publisher = publisher;
    this.subscriber = subscriber;
    this.number = number;
  }

  @Override
  public void request(long n) {
    if (n > 0) {
      requested.accumulateAndGet(n, Demand::add);
    }
    publisher.requested(this, n);
  }

  @Override
  public void cancel() {
    if (!cancelled) {
      cancelled = true;
      publisher.cancelled(this);
    }
  }

  int number() {
    return number;
  }

  String label() {
    return String.valueOf(number);
  }

  long requested() {
    return requested.get();
  }

  long delivered() {
    return delivered.get();
  }

  long outstanding() {
    long total = requested.get();
    return total == Long.MAX_VALUE ? Long.MAX_VALUE : total - delivered.get();
  }

  boolean isCancelled() {
    return cancelled;
  }

  /** Whether signals still go to this subscriber: not cancelled, and (unless forced) not ended. */
  boolean isOpen(boolean ignoringTermination) {
    return !cancelled && (ignoringTermination || !terminated);
  }

  void subscribe() {
    subscriber.onSubscribe(this);
  }

  void next(T item) {
    delivered.incrementAndGet();
    subscriber.onNext(item);
  }

  void complete() {
    terminated = true;
    subscriber.onComplete();
  }

  void terminate(Throwable error) {
    terminated = true;
    subscriber.onError(error);
  }
}
