package dev.vigil.flow;

import dev.vigil.Vigil;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A producer under test on virtual time: every tick it offers the next item into a bounded buffer
 * and handles a full buffer by {@code behaviour}, which a test may set apart from the policy it
 * checks, to plant a bug. It reports its offers and blocking to an {@link OfferLog}, as a producer
 * on virtual time must (it cannot block a thread).
 */
final class OverflowingProducer<T> implements Flow.Publisher<T> {
  private final Vigil vigil;
  private final OfferLog<T> offers;
  private final List<T> items;
  private final int capacity;
  private final OverflowPolicy behaviour;
  private final ArrayDeque<T> buffer = new ArrayDeque<>();
  private Flow.@Nullable Subscriber<? super T> subscriber;
  private @Nullable Future<?> ticking;
  private long demand;
  private int next;
  private boolean waitingForRoom;
  private boolean ended;

  OverflowingProducer(
      Vigil vigil, OfferLog<T> offers, List<T> items, int capacity, OverflowPolicy behaviour) {
    this.vigil = vigil;
    this.offers = offers;
    this.items = items;
    this.capacity = capacity;
    this.behaviour = behaviour;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super T> newSubscriber) {
    subscriber = newSubscriber;
    newSubscriber.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {
            demand = Demand.add(demand, n);
            drain();
          }

          @Override
          public void cancel() {
            stop();
          }
        });
    ticking = vigil.scheduler().scheduleAtFixedRate(this::tick, 10, 10, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    if (ended || next == items.size()) {
      return;
    }
    T item = items.get(next);
    if (!waitingForRoom) {
      offers.offered(item);
    }
    if (buffer.size() < capacity || behaviour == OverflowPolicy.BUFFER) {
      accept(item);
    } else {
      overflow(item);
    }
    drain();
  }

  private void overflow(T item) {
    switch (behaviour) {
      case BLOCK -> {
        if (!waitingForRoom) {
          offers.blocked();
        }
        waitingForRoom = true; // the same item is offered again next tick
      }
      case DROP_LATEST -> next++;
      case DROP_OLDEST -> {
        buffer.removeFirst();
        accept(item);
      }
      case ERROR -> {
        stop();
        target().onError(new IllegalStateException("buffer of " + capacity + " overflowed"));
      }
      case BUFFER -> throw new AssertionError("a buffer never overflows");
    }
  }

  private void accept(T item) {
    buffer.addLast(item);
    next++;
    waitingForRoom = false;
  }

  private void drain() {
    while (!ended && demand > 0 && !buffer.isEmpty()) {
      demand = demand == Long.MAX_VALUE ? demand : demand - 1;
      target().onNext(buffer.removeFirst());
    }
    if (!ended && next == items.size() && buffer.isEmpty()) {
      stop();
      target().onComplete();
    }
  }

  private void stop() {
    ended = true;
    if (ticking != null) {
      ticking.cancel(false);
    }
  }

  private Flow.Subscriber<? super T> target() {
    if (subscriber == null) {
      throw new IllegalStateException("not subscribed");
    }
    return subscriber;
  }
}
