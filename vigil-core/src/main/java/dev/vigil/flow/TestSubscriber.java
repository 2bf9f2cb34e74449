package dev.vigil.flow;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Flow.Subscriber} for tests: it asks for items only when the test calls {@link #request},
 * records every signal on its context's timeline, waits on the context's clock, and checks that the
 * publisher keeps the protocol: no item beyond the demand given, onSubscribe exactly once and
 * first, nothing after onComplete or onError, no two signals at once. A broken rule is kept as a
 * violation, and every wait and assertion of this subscriber then fails with a {@link
 * FlowAssertionError} naming it. Waits are the context's, for its default timeout unless {@link
 * TestSubscriberBuilder#timeout} says otherwise: under virtual time they run its scheduled tasks,
 * and they throw a {@link dev.vigil.WaitFailedError} when time runs out or the stream ends the
 * other way.
 *
 * <pre>{@code
 * TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil);
 * publisher.subscribe(subscriber);
 * subscriber.request(2);
 * subscriber.awaitItems(2);          // waits on virtual time too
 * subscriber.request(Long.MAX_VALUE);
 * subscriber.awaitCompletion();
 * subscriber.assertItems(1, 2, 3);
 * }</pre>
 *
 * @param <T> the type of the items
 * @since 0.1
 */
public final class TestSubscriber<T> implements Flow.Subscriber<T> {
  static final String KIND = "subscriber";

  private final SubscriberState<T> state;
  private final SubscriberChecks<T> checks;

  TestSubscriber(Vigil vigil, String name, @Nullable Duration timeout, SubscriberState<T> state) {
    this.state = state;
    this.checks = new SubscriberChecks<>(vigil, FlowTexts.subject(KIND, name), timeout, state);
  }

  /**
   * Creates a subscriber named {@code subscriber} that requests nothing until told to.
   *
   * @param vigil the context whose timeline and clock it uses
   * @param <T> the type of the items
   * @return a new subscriber
   */
  public static <T> TestSubscriber<T> create(Vigil vigil) {
    return builder(vigil).build();
  }

  /**
   * Creates a subscriber named {@code subscriber} that requests {@code initialRequest} items as
   * soon as it is subscribed ({@code Long.MAX_VALUE}: everything).
   *
   * @param vigil the context whose timeline and clock it uses
   * @param initialRequest positive
   * @param <T> the type of the items
   * @return a new subscriber
   */
  public static <T> TestSubscriber<T> create(Vigil vigil, long initialRequest) {
    return builder(vigil).initialRequest(initialRequest).build();
  }

  /**
   * Starts configuring a subscriber: its name, initial request and correlation id.
   *
   * @param vigil the context whose timeline and clock it uses
   * @return a builder
   */
  public static TestSubscriberBuilder builder(Vigil vigil) {
    return new TestSubscriberBuilder(Objects.requireNonNull(vigil, "vigil must not be null"));
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    state.onSubscribe(subscription);
  }

  @Override
  public void onNext(T item) {
    state.onNext(item);
  }

  @Override
  public void onError(Throwable throwable) {
    state.onError(throwable);
  }

  @Override
  public void onComplete() {
    state.onComplete();
  }

  /**
   * Asks the publisher for {@code n} more items; asked before onSubscribe, the demand is passed on
   * when the subscription arrives.
   *
   * @param n positive; {@code Long.MAX_VALUE} asks for everything
   * @return this subscriber
   */
  public TestSubscriber<T> request(long n) {
    state.request(n);
    return this;
  }

  /**
   * Cancels the subscription (at once if it arrived, else as soon as it does); calling it again
   * does nothing.
   *
   * @return this subscriber
   */
  public TestSubscriber<T> cancel() {
    state.cancel();
    return this;
  }

  /**
   * Waits until at least {@code count} items have arrived.
   *
   * @param count positive
   * @return every item received so far
   */
  public List<T> awaitItems(int count) {
    return checks.awaitItems(count);
  }

  /**
   * Waits for onComplete.
   *
   * @return every item received
   */
  public List<T> awaitCompletion() {
    return checks.awaitCompletion();
  }

  /**
   * Waits for onError.
   *
   * @return the error received
   */
  public Throwable awaitError() {
    return checks.awaitError();
  }

  /**
   * Checks that exactly these items arrived, in this order.
   *
   * @param expected the items
   * @return this subscriber
   */
  @SafeVarargs
  public final TestSubscriber<T> assertItems(T... expected) {
    checks.checkItems(Arrays.asList(expected));
    return this;
  }

  /**
   * Checks that onComplete arrived.
   *
   * @return this subscriber
   */
  public TestSubscriber<T> assertCompleted() {
    checks.checkCompleted();
    return this;
  }

  /**
   * Checks that onError arrived with an instance of {@code type}.
   *
   * @param type the class of error expected (subclasses count)
   * @return this subscriber
   */
  public TestSubscriber<T> assertError(Class<? extends Throwable> type) {
    checks.checkError(type);
    return this;
  }

  /**
   * Checks that neither onComplete nor onError arrived.
   *
   * @return this subscriber
   */
  public TestSubscriber<T> assertNotTerminated() {
    checks.checkNotTerminated();
    return this;
  }

  /**
   * Checks that the publisher kept the protocol toward this subscriber.
   *
   * @return this subscriber
   */
  public TestSubscriber<T> assertNoViolations() {
    checks.checkNoViolations();
    return this;
  }

  /**
   * Returns the items received so far, in order.
   *
   * @return an immutable copy
   */
  public List<T> items() {
    return state.items();
  }

  /**
   * Returns how many items this subscriber asked for in all.
   *
   * @return the sum of its requests, {@code Long.MAX_VALUE} once unbounded
   */
  public long requested() {
    return state.requested();
  }

  /**
   * Returns how many more items the publisher may send now: demand given and not yet used.
   *
   * @return zero or more; {@code Long.MAX_VALUE} when unbounded
   */
  public long outstanding() {
    return state.outstanding();
  }

  /**
   * Returns whether onComplete arrived.
   *
   * @return {@code true} once completed
   */
  public boolean isCompleted() {
    return state.isCompleted();
  }

  /**
   * Returns the error onError brought, if it came.
   *
   * @return the error, or empty
   */
  public Optional<Throwable> error() {
    return Optional.ofNullable(state.error());
  }

  /**
   * Returns the protocol rules the publisher broke toward this subscriber, in the order seen.
   *
   * @return an immutable copy; empty when it kept them all
   */
  public List<String> violations() {
    return state.violations();
  }

  @Override
  public String toString() {
    return subject() + ": " + state.describe();
  }

  String subject() {
    return checks.subject();
  }

  String describe() {
    return state.describe();
  }
}
