package dev.vigil.flow;

import java.util.Objects;
import java.util.concurrent.Flow;
import org.reactivestreams.FlowAdapters;

/**
 * Bridges between {@link Flow} and Reactive Streams ({@code org.reactivestreams}), through the
 * library's own {@link FlowAdapters}, so that a {@link TestSubscriber} subscribes to a Reactor,
 * RxJava or Akka publisher and a {@link TestPublisher} feeds their subscribers. Needs {@code
 * org.reactivestreams:reactive-streams} on the class or module path; nothing else in this package
 * does, and this class is loaded only when called.
 *
 * <pre>{@code
 * TestSubscriber<String> subscriber = TestSubscriber.create(vigil, Long.MAX_VALUE);
 * Flux.just("a", "b").subscribe(ReactiveStreamsAdapters.toReactiveStreams(subscriber));
 * subscriber.awaitCompletion();
 * }</pre>
 *
 * @since 0.1
 */
public final class ReactiveStreamsAdapters {

  private ReactiveStreamsAdapters() {}

  /**
   * Returns a Reactive Streams subscriber that passes every signal on to {@code subscriber}.
   *
   * @param subscriber a Flow subscriber, such as a {@link TestSubscriber}
   * @param <T> the type of the items
   * @return the Reactive Streams view
   */
  public static <T> org.reactivestreams.Subscriber<T> toReactiveStreams(
      Flow.Subscriber<T> subscriber) {
    return FlowAdapters.toSubscriber(
        Objects.requireNonNull(subscriber, "subscriber must not be null"));
  }

  /**
   * Returns a Reactive Streams publisher that subscribes its subscribers to {@code publisher}.
   *
   * @param publisher a Flow publisher, such as a {@link TestPublisher} or {@link PacedPublisher}
   * @param <T> the type of the items
   * @return the Reactive Streams view
   */
  public static <T> org.reactivestreams.Publisher<T> toReactiveStreams(
      Flow.Publisher<T> publisher) {
    return FlowAdapters.toPublisher(
        Objects.requireNonNull(publisher, "publisher must not be null"));
  }

  /**
   * Returns a Flow publisher that subscribes its subscribers, such as a {@link TestSubscriber}, to
   * {@code publisher}.
   *
   * @param publisher a Reactive Streams publisher
   * @param <T> the type of the items
   * @return the Flow view
   */
  public static <T> Flow.Publisher<T> toFlow(org.reactivestreams.Publisher<T> publisher) {
    return FlowAdapters.toFlowPublisher(
        Objects.requireNonNull(publisher, "publisher must not be null"));
  }
}
