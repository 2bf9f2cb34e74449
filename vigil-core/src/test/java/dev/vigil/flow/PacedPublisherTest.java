package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A publisher of given items on the context's clock, honouring demand. */
class PacedPublisherTest {
  private static final Duration INTERVAL = Duration.ofMillis(100);
  private final Vigil vigil = Vigil.withVirtualTime();
  private final PacedPublisher<String> letters =
      PacedPublisher.of(vigil, INTERVAL, List.of("a", "b", "c"));

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void sends_one_item_per_interval_then_completes_right_after_the_last() {
    TestSubscriber<String> subscriber = TestSubscriber.create(vigil, Long.MAX_VALUE);
    letters.subscribe(subscriber);

    assertThat(subscriber.awaitCompletion()).containsExactly("a", "b", "c");

    assertThat(millisOf("onNext subscriber")).containsExactly(100L, 200L, 300L);
    assertThat(millisOf("onComplete subscriber")).containsExactly(300L);
  }

  @Test
  void holds_items_back_until_they_are_asked_for() {
    TestSubscriber<String> subscriber = TestSubscriber.create(vigil, 1);
    letters.subscribe(subscriber);
    subscriber.awaitItems(1);

    vigil.virtualTime().advanceBy(Duration.ofSeconds(5));
    subscriber.assertItems("a").assertNotTerminated();
    assertThat(vigil.virtualTime().pending()).isEmpty();

    subscriber.request(2);
    subscriber.awaitCompletion();
    assertThat(millisOf("onNext subscriber")).containsExactly(100L, 5_200L, 5_300L);
  }

  @Test
  void each_subscriber_gets_every_item_from_the_first() {
    TestSubscriber<String> first = TestSubscriber.create(vigil, Long.MAX_VALUE);
    TestSubscriber<String> second =
        TestSubscriber.builder(vigil).name("second").initialRequest(Long.MAX_VALUE).build();
    letters.named("letters").subscribe(first);
    first.awaitItems(2);
    letters.subscribe(second);

    assertThat(second.awaitCompletion()).containsExactly("a", "b", "c");
    assertThat(first.awaitCompletion()).containsExactly("a", "b", "c");
    assertThat(vigil.timeline().byType("emit letters")).hasSize(3);
  }

  @Test
  void cancelling_stops_the_items_and_leaves_nothing_scheduled() {
    TestSubscriber<String> subscriber = TestSubscriber.create(vigil, Long.MAX_VALUE);
    letters.subscribe(subscriber);
    vigil.virtualTime().advanceBy(Duration.ofMillis(150));

    subscriber.cancel();
    vigil.virtualTime().advanceBy(Duration.ofSeconds(1));

    subscriber.assertItems("a").assertNotTerminated();
    assertThat(vigil.virtualTime().pending()).isEmpty();
  }

  @Test
  void no_items_means_onComplete_at_once_and_a_zero_interval_sends_without_delay() {
    TestSubscriber<Integer> none = TestSubscriber.create(vigil);
    TestSubscriber<Integer> quick = TestSubscriber.create(vigil, 2);
    PacedPublisher.<Integer>of(vigil, INTERVAL, List.of()).subscribe(none);
    PacedPublisher.of(vigil, Duration.ZERO, List.of(1, 2)).subscribe(quick);

    none.assertCompleted();
    quick.awaitCompletion();
    assertThat(vigil.virtualTime().nanoTime()).isZero();
  }

  @Test
  void a_non_positive_request_is_answered_with_onError() {
    List<Throwable> errors = new ArrayList<>();
    letters.subscribe(
        new Flow.Subscriber<String>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(-1);
          }

          @Override
          public void onNext(String item) {}

          @Override
          public void onError(Throwable throwable) {
            errors.add(throwable);
          }

          @Override
          public void onComplete() {}
        });

    assertThat(errors)
        .singleElement()
        .isInstanceOf(IllegalArgumentException.class)
        .hasFieldOrPropertyWithValue("message", "n must be positive, was -1");
    assertThat(vigil.virtualTime().pending()).isEmpty();
  }

  @Test
  void bad_arguments_are_named() {
    assertThatThrownBy(() -> PacedPublisher.of(vigil, Duration.ofMillis(-1), List.of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interval must not be negative, was PT-0.001S");
    assertThatThrownBy(() -> letters.named(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank, was \" \"");
  }

  private List<Long> millisOf(String type) {
    return vigil.timeline().byType(type).stream()
        .map(TimelineEntry::nanos)
        .map(nanos -> Duration.ofNanos(nanos).toMillis())
        .toList();
  }
}
