package dev.vigil.flow;

import dev.vigil.Vigil;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Flow.Publisher} the test drives: it sends what the test tells it to, on the test's
 * thread, to every subscriber that has not cancelled, and shows the demand it was given. Made
 * {@linkplain #create compliant}, it fails the test with a {@link FlowAssertionError} when told to
 * emit beyond a subscriber's demand or after a terminal signal; made {@linkplain #misbehaving
 * misbehaving}, it sends regardless, to test a subscriber's defences. Every signal it sends and
 * every request and cancel it receives is recorded on the context's timeline.
 *
 * <pre>{@code
 * TestPublisher<String> publisher = TestPublisher.create(vigil);
 * consumerUnderTest.subscribeTo(publisher);
 * vigil.eventually(() -> publisher.requested() >= 2).within(Duration.ofSeconds(1));
 * publisher.emit("a", "b").complete();
 * }</pre>
 *
 * @param <T> the type of the items
 * @since 0.1
 */
public final class TestPublisher<T> implements Flow.Publisher<T> {
  private static final String KIND = "publisher";

  private final FlowRecorder recorder;
  private final String name;
  private final boolean compliant;
  // Serialises signals: two emitting threads must not call one subscriber at once.
  private final ReentrantLock signalling = new ReentrantLock();
  private final List<DrivenSubscription<T>> subscriptions = new CopyOnWriteArrayList<>();
  private final List<T> emitted = new ArrayList<>();
  private @Nullable String terminal;
  private @Nullable Throwable error;

  private TestPublisher(Vigil vigil, String name, boolean compliant) {
    this.name = FlowTexts.checkedName("name", name);
    this.recorder =
        new FlowRecorder(
            Objects.requireNonNull(vigil, "vigil must not be null").timeline(), name, null);
    this.compliant = compliant;
  }

  /**
   * Creates a compliant publisher named {@code publisher}.
   *
   * @param vigil the context whose timeline it records on
   * @param <T> the type of the items
   * @return a new publisher
   */
  public static <T> TestPublisher<T> create(Vigil vigil) {
    return new TestPublisher<>(vigil, KIND, true);
  }

  /**
   * Creates a compliant publisher with a name for its timeline entries and failures.
   *
   * @param vigil the context whose timeline it records on
   * @param name not blank, such as {@code prices}
   * @param <T> the type of the items
   * @return a new publisher
   */
  public static <T> TestPublisher<T> create(Vigil vigil, String name) {
    return new TestPublisher<>(vigil, name, true);
  }

  /**
   * Creates a publisher named {@code publisher} that emits and terminates whenever told to,
   * ignoring demand and earlier terminal signals (it still sends nothing to a subscriber that
   * cancelled).
   *
   * @param vigil the context whose timeline it records on
   * @param <T> the type of the items
   * @return a new publisher
   */
  public static <T> TestPublisher<T> misbehaving(Vigil vigil) {
    return new TestPublisher<>(vigil, KIND, false);
  }

  /**
   * Creates a misbehaving publisher (see {@link #misbehaving(Vigil)}) with a name.
   *
   * @param vigil the context whose timeline it records on
   * @param name not blank, such as {@code rogue}
   * @param <T> the type of the items
   * @return a new publisher
   */
  public static <T> TestPublisher<T> misbehaving(Vigil vigil, String name) {
    return new TestPublisher<>(vigil, name, false);
  }

  /**
   * Subscribes {@code subscriber}: it receives onSubscribe now, and the terminal signal at once if
   * the publisher already sent one.
   *
   * @param subscriber the subscriber
   */
  @Override
  public void subscribe(Flow.Subscriber<? super T> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber must not be null (rule 1.9)");
    signalling.lock();
    try {
      var subscription = new DrivenSubscription<T>(this, subscriber, subscriptions.size() + 1);
      subscriptions.add(subscription);
      recorder.record("subscribed", "", "subscriber", subscription.label());
      subscription.subscribe();
      if (error != null) {
        subscription.terminate(error);
      } else if (terminal != null) {
        subscription.complete();
      }
    } finally {
      signalling.unlock();
    }
  }

  /**
   * Sends each item, in order, to every subscriber that has not cancelled. A compliant publisher
   * first checks that each of them asked for it.
   *
   * @param items the items
   * @return this publisher
   * @throws FlowAssertionError when compliant and an item exceeds a subscriber's demand, no one
   *     subscribed, or the publisher already terminated
   */
  @SafeVarargs
  public final TestPublisher<T> emit(T... items) {
    signalling.lock();
    try {
      for (T item : items) {
        Objects.requireNonNull(item, "items must not contain null (rule 2.13)");
        checkCanEmit(item);
        emitted.add(item);
        recorder.record("emit", FlowTexts.show(item));
        for (DrivenSubscription<T> subscription : open()) {
          subscription.next(item);
        }
      }
      return this;
    } finally {
      signalling.unlock();
    }
  }

  /**
   * Sends onComplete to every subscriber that has not cancelled.
   *
   * @return this publisher
   * @throws FlowAssertionError when compliant and the publisher already terminated
   */
  public TestPublisher<T> complete() {
    terminate("complete()", null);
    return this;
  }

  /**
   * Sends onError with {@code failure} to every subscriber that has not cancelled.
   *
   * @param failure the error
   * @return this publisher
   * @throws FlowAssertionError when compliant and the publisher already terminated
   */
  public TestPublisher<T> error(Throwable failure) {
    Objects.requireNonNull(failure, "failure must not be null");
    terminate("error(" + FlowTexts.showError(failure) + ")", failure);
    return this;
  }

  /**
   * Returns how many items the subscribers asked for, together.
   *
   * @return the sum of every valid request, {@code Long.MAX_VALUE} once unbounded
   */
  public long requested() {
    return subscriptions.stream().mapToLong(DrivenSubscription::requested).reduce(0, Demand::add);
  }

  /**
   * Returns whether any subscriber cancelled its subscription.
   *
   * @return {@code true} once one did
   */
  public boolean cancelled() {
    return subscriptions.stream().anyMatch(DrivenSubscription::isCancelled);
  }

  /**
   * Returns how many subscribers subscribed, cancelled ones included.
   *
   * @return zero or more
   */
  public int subscriberCount() {
    return subscriptions.size();
  }

  @Override
  public String toString() {
    signalling.lock();
    try {
      return FlowTexts.subject(KIND, name) + ": " + describe();
    } finally {
      signalling.unlock();
    }
  }

  void requested(DrivenSubscription<T> subscription, long n) {
    signalling.lock();
    try {
      recorder.record(
          "requested", "", "subscriber", subscription.label(), "n", FlowTexts.demand(n));
      if (n <= 0 && subscription.isOpen(false)) {
        // Rule 3.9: a non-positive request is answered with onError, not thrown at the caller.
        subscription.terminate(
            new IllegalArgumentException("n must be positive, was " + n + " (rule 3.9)"));
      }
    } finally {
      signalling.unlock();
    }
  }

  void cancelled(DrivenSubscription<T> subscription) {
    recorder.record("cancelled", "", "subscriber", subscription.label());
  }

  private void terminate(String signal, @Nullable Throwable failure) {
    signalling.lock();
    try {
      if (compliant && terminal != null) {
        throw new FlowAssertionError(PublisherTexts.afterTerminal(subject(), describe(), signal));
      }
      terminal = signal;
      error = failure;
      String summary = failure == null ? "" : FlowTexts.showError(failure);
      recorder.record(failure == null ? "complete" : "error", summary);
      for (DrivenSubscription<T> subscription : open()) {
        if (failure == null) {
          subscription.complete();
        } else {
          subscription.terminate(failure);
        }
      }
    } finally {
      signalling.unlock();
    }
  }

  private void checkCanEmit(T item) {
    if (!compliant) {
      return;
    }
    if (terminal != null) {
      String signal = "emit(" + FlowTexts.show(item) + ")";
      throw new FlowAssertionError(PublisherTexts.afterTerminal(subject(), describe(), signal));
    }
    if (subscriptions.isEmpty()) {
      throw new FlowAssertionError(PublisherTexts.noSubscriber(subject(), describe(), item));
    }
    for (DrivenSubscription<T> subscription : open()) {
      if (subscription.outstanding() <= 0) {
        throw new FlowAssertionError(
            PublisherTexts.beyondDemand(subject(), describe(), item, subscription));
      }
    }
  }

  private List<DrivenSubscription<T>> open() {
    List<DrivenSubscription<T>> open = new ArrayList<>();
    for (DrivenSubscription<T> subscription : subscriptions) {
      if (subscription.isOpen(!compliant)) {
        open.add(subscription);
      }
    }
    return open;
  }

  private String subject() {
    return FlowTexts.subject(KIND, name);
  }

  private String describe() {
    String state = terminal == null ? "not terminated" : "terminated by " + terminal;
    return "emitted "
        + FlowTexts.showList(emitted)
        + " to "
        + FlowTexts.count(subscriptions.size(), "subscriber")
        + "; "
        + state;
  }
}
