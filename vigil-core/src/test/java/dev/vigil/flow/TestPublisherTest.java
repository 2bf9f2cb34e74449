package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.timeline.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A publisher the test drives: what it sends, when a compliant one refuses, what it sees. */
class TestPublisherTest {
  private final Vigil vigil = Vigil.withVirtualTime();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void sends_each_item_to_every_subscriber_that_asked_for_it() {
    TestPublisher<String> publisher = TestPublisher.create(vigil);
    TestSubscriber<String> first = TestSubscriber.create(vigil, 2);
    TestSubscriber<String> second = TestSubscriber.builder(vigil).name("second").build();
    publisher.subscribe(first);
    publisher.subscribe(second);
    second.request(5);

    publisher.emit("a", "b").complete();

    first.assertItems("a", "b").assertCompleted();
    second.assertItems("a", "b").assertCompleted();
    assertThat(publisher.requested()).isEqualTo(7);
    assertThat(publisher.subscriberCount()).isEqualTo(2);
  }

  @Test
  void a_compliant_publisher_refuses_an_item_beyond_demand_and_sends_none_of_it() {
    TestPublisher<Integer> publisher = TestPublisher.create(vigil);
    TestSubscriber<Integer> eager = TestSubscriber.create(vigil, 5);
    TestSubscriber<Integer> slow = TestSubscriber.create(vigil, 1);
    publisher.subscribe(eager);
    publisher.subscribe(slow);

    assertThatThrownBy(() -> publisher.emit(1, 2))
        .isInstanceOf(FlowAssertionError.class)
        .hasMessageContaining("but subscriber 2 has no outstanding demand");

    eager.assertItems(1);
    slow.assertItems(1);
  }

  @Test
  void a_compliant_publisher_refuses_signals_after_its_terminal_one() {
    TestPublisher<Integer> publisher = TestPublisher.create(vigil);
    publisher.subscribe(TestSubscriber.create(vigil, 5));
    publisher.complete();

    assertThatThrownBy(() -> publisher.emit(1)).isInstanceOf(FlowAssertionError.class);
    assertThatThrownBy(publisher::complete).isInstanceOf(FlowAssertionError.class);
    assertThatThrownBy(() -> publisher.error(new IllegalStateException()))
        .isInstanceOf(FlowAssertionError.class);
  }

  @Test
  void a_misbehaving_publisher_sends_beyond_demand_and_after_completion() {
    TestPublisher<Integer> rogue = TestPublisher.misbehaving(vigil, "rogue");
    TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil, 1);
    rogue.subscribe(subscriber);

    rogue.emit(1, 2).complete().emit(3);

    assertThat(subscriber.items()).containsExactly(1, 2, 3);
    assertThat(subscriber.violations()).hasSize(2);
  }

  @Test
  void nothing_more_reaches_a_subscriber_that_cancelled() {
    TestPublisher<Integer> rogue = TestPublisher.misbehaving(vigil);
    TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil, 1);
    rogue.subscribe(subscriber);
    subscriber.cancel();

    rogue.emit(1).complete();

    assertThat(rogue.cancelled()).isTrue();
    subscriber.assertItems().assertNotTerminated();
  }

  @Test
  void a_late_subscriber_gets_the_terminal_signal_at_once() {
    TestPublisher<Integer> publisher = TestPublisher.create(vigil);
    publisher.error(new IllegalStateException("over"));
    TestSubscriber<Integer> late = TestSubscriber.create(vigil);

    publisher.subscribe(late);

    late.assertError(IllegalStateException.class);
  }

  @Test
  void a_non_positive_request_is_answered_with_onError() {
    TestPublisher<Integer> publisher = TestPublisher.create(vigil);
    List<Throwable> errors = new ArrayList<>();
    publisher.subscribe(
        new Flow.Subscriber<Integer>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(0);
          }

          @Override
          public void onNext(Integer item) {}

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
        .hasFieldOrPropertyWithValue("message", "n must be positive, was 0 (rule 3.9)");
  }

  @Test
  void records_what_it_sends_and_what_it_is_asked_for() {
    TestPublisher<Integer> publisher = TestPublisher.create(vigil, "numbers");
    TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil);
    publisher.subscribe(subscriber);
    subscriber.request(Long.MAX_VALUE);
    publisher.emit(4).error(new IllegalStateException("boom"));

    List<TimelineEntry> own = vigil.timeline().select(e -> e.type().endsWith(" numbers"));
    assertThat(own)
        .extracting(TimelineEntry::type, TimelineEntry::summary)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("subscribed numbers", ""),
            org.assertj.core.groups.Tuple.tuple("requested numbers", ""),
            org.assertj.core.groups.Tuple.tuple("emit numbers", "4"),
            org.assertj.core.groups.Tuple.tuple(
                "error numbers", "java.lang.IllegalStateException: boom"));
    assertThat(own.get(1).attributes())
        .containsEntry("subscriber", "1")
        .containsEntry("n", "unbounded");
  }
}
