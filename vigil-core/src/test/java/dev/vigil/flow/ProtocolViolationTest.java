package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The protocol rules a test subscriber checks, each broken on purpose. */
class ProtocolViolationTest {
  private final Vigil vigil = Vigil.create();
  private final TestPublisher<Integer> rogue = TestPublisher.misbehaving(vigil);
  private final TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil);

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void an_item_beyond_demand_names_its_index_and_the_demand_at_that_moment() {
    rogue.subscribe(subscriber);
    subscriber.request(2);

    rogue.emit(1, 2, 3);

    assertThat(subscriber.violations())
        .containsExactly(
            "onNext of item at index 2 (3) exceeded demand: outstanding demand was 0"
                + " (2 requested in total)");
    assertThat(subscriber.items()).containsExactly(1, 2, 3);
    assertThat(vigil.timeline().byType("violation subscriber")).hasSize(1);
    assertThatThrownBy(() -> subscriber.assertItems(1, 2, 3))
        .isInstanceOf(FlowAssertionError.class);
  }

  @Test
  void signals_after_a_terminal_one_are_violations() {
    rogue.subscribe(subscriber);
    subscriber.request(5);

    rogue.complete().emit(9).error(new IllegalStateException("late"));

    assertThat(subscriber.violations())
        .containsExactly(
            "onNext of item at index 0 (9) after onComplete",
            "onError (java.lang.IllegalStateException: late) after onComplete");
    assertThat(subscriber.isCompleted()).isTrue();
    assertThat(subscriber.error()).isEmpty();
  }

  @Test
  void a_second_subscription_is_a_violation_and_is_cancelled() {
    TestPublisher<Integer> second = TestPublisher.create(vigil, "second");
    rogue.subscribe(subscriber);

    second.subscribe(subscriber);

    assertThat(subscriber.violations())
        .containsExactly("onSubscribe called a second time; the second subscription was cancelled");
    assertThat(second.cancelled()).isTrue();
    assertThat(rogue.cancelled()).isFalse();
  }

  @Test
  void signals_before_onSubscribe_and_null_signals_are_violations() {
    subscriber.onNext(1);
    subscriber.onComplete();
    assertThatThrownBy(() -> subscriber.onNext(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> subscriber.onError(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> subscriber.onSubscribe(null)).isInstanceOf(NullPointerException.class);

    assertThat(subscriber.violations())
        .containsExactly(
            "onNext of item at index 0 (1) before onSubscribe",
            "onComplete before onSubscribe",
            "onNext with a null item",
            "onError with a null throwable",
            "onSubscribe with a null subscription");
  }

  @Test
  void overlapping_onNext_calls_from_two_threads_are_a_violation() throws Exception {
    rogue.subscribe(subscriber);
    subscriber.request(Long.MAX_VALUE);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // The subscriber renders an item for its timeline entry while inside onNext: this item's
    // rendering holds the first thread there until the second thread has come and gone.
    Object slow =
        new Object() {
          @Override
          public String toString() {
            inside.countDown();
            awaitQuietly(release);
            return "slow";
          }
        };
    TestSubscriber<Object> target = TestSubscriber.create(vigil, Long.MAX_VALUE);
    target.onSubscribe(new NoSubscription());
    Thread first = new Thread(() -> target.onNext(slow), "first");
    first.start();
    assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
    Thread second = new Thread(() -> target.onNext("fast"), "second");
    second.start();
    second.join();
    release.countDown();
    first.join();

    assertThat(target.violations())
        .containsExactly(
            "onNext on thread \"second\" overlapped onNext on thread \"first\": signals must not"
                + " be concurrent");
    assertThat(target.items()).containsExactly("fast", slow);
  }

  @Test
  void a_signal_nested_in_another_on_the_same_thread_is_not_concurrent() {
    TestSubscriber<Integer> eager = TestSubscriber.create(vigil, 3);

    new RangePublisher(5).subscribe(eager); // emits inside request, inside onSubscribe

    assertThat(eager.violations()).isEmpty();
    assertThat(eager.items()).containsExactly(0, 1, 2);
    eager.request(2);
    eager.awaitCompletion();
    eager.assertItems(0, 1, 2, 3, 4);
  }

  @Test
  void the_publisher_may_still_send_what_was_in_flight_when_the_subscriber_cancelled() {
    rogue.subscribe(subscriber);
    subscriber.request(1).cancel();

    subscriber.onNext(1); // as a publisher racing the cancel would

    assertThat(subscriber.violations()).isEmpty();
    assertThat(rogue.cancelled()).isTrue();
    assertThat(subscriber.items()).containsExactly(1);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A subscription that ignores requests. */
  private static final class NoSubscription implements Flow.Subscription {
    @Override
    public void request(long n) {}

    @Override
    public void cancel() {}
  }

  /** Emits 0 to count - 1 synchronously inside each request, as many as asked for. */
  private static final class RangePublisher implements Flow.Publisher<Integer> {
    private final int count;

    RangePublisher(int count) {
      this.count = count;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Integer> subscriber) {
      subscriber.onSubscribe(
          new Flow.Subscription() {
            private int next;

            @Override
            public void request(long n) {
              for (long i = 0; i < n && next < count; i++) {
                subscriber.onNext(next++);
              }
              if (next == count) {
                subscriber.onComplete();
              }
            }

            @Override
            public void cancel() {}
          });
    }
  }
}
