package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.WaitAbortedError;
import dev.vigil.WaitTimeoutError;
import dev.vigil.timeline.TimelineEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A test subscriber's demand, signals, timeline entries and waits. */
class TestSubscriberTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final TestPublisher<Integer> publisher = TestPublisher.create(vigil);

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void asks_for_nothing_until_told_and_passes_each_request_on() {
    TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil);
    publisher.subscribe(subscriber);
    assertThat(publisher.requested()).isZero();

    subscriber.request(2);
    publisher.emit(1, 2);

    assertThat(publisher.requested()).isEqualTo(2);
    assertThat(subscriber.items()).containsExactly(1, 2);
    assertThat(subscriber.requested()).isEqualTo(2);
    assertThat(subscriber.outstanding()).isZero();
    subscriber.assertNotTerminated().assertNoViolations();
  }

  @Test
  void an_initial_request_is_made_as_soon_as_the_subscription_arrives() {
    TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil, 3);

    publisher.subscribe(subscriber);

    assertThat(publisher.requested()).isEqualTo(3);
    assertThat(subscriber.outstanding()).isEqualTo(3);
  }

  @Test
  void demand_and_cancellation_from_before_the_subscription_are_passed_on_when_it_arrives() {
    TestSubscriber<Integer> requesting = TestSubscriber.create(vigil);
    TestSubscriber<Integer> cancelling = TestSubscriber.create(vigil);
    requesting.request(4);
    cancelling.cancel();

    publisher.subscribe(requesting);
    TestPublisher<Integer> other = TestPublisher.create(vigil, "other");
    other.subscribe(cancelling);

    assertThat(publisher.requested()).isEqualTo(4);
    assertThat(other.cancelled()).isTrue();
  }

  @Test
  void unbounded_demand_never_runs_out() {
    TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil, Long.MAX_VALUE);
    publisher.subscribe(subscriber);

    publisher.emit(1, 2, 3).complete();

    assertThat(subscriber.outstanding()).isEqualTo(Long.MAX_VALUE);
    subscriber.assertItems(1, 2, 3).assertCompleted();
  }

  @Test
  void records_every_signal_request_and_cancel_in_order_with_the_correlation_id() {
    TestSubscriber<String> subscriber =
        TestSubscriber.builder(vigil).name("words").correlationId("c-1").build();
    TestPublisher<String> words = TestPublisher.create(vigil, "source");
    words.subscribe(subscriber);
    subscriber.request(1);
    words.emit("a");
    subscriber.cancel();

    List<TimelineEntry> entries = vigil.timeline().entries();
    assertThat(entries)
        .extracting(TimelineEntry::type)
        .containsExactly(
            "subscribed source",
            "onSubscribe words",
            "request words",
            "requested source",
            "emit source",
            "onNext words",
            "cancel words",
            "cancelled source");
    assertThat(entries).allMatch(entry -> entry.source().equals(FlowEntries.SOURCE));
    assertThat(vigil.timeline().byCorrelationId("c-1")).hasSize(4);
    TimelineEntry next = entries.get(5);
    assertThat(next.summary()).isEqualTo("\"a\"");
    assertThat(next.attributes()).containsEntry("index", "0").containsEntry("outstanding", "0");
  }

  @Test
  void awaiting_items_runs_virtual_time_until_they_arrive() {
    TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil, 5);
    publisher.subscribe(subscriber);
    var unused = vigil.scheduler().schedule(() -> publisher.emit(7, 8), 5, TimeUnit.SECONDS);

    List<Integer> items = subscriber.awaitItems(2);

    assertThat(items).containsExactly(7, 8);
    assertThat(vigil.virtualTime().nanoTime()).isEqualTo(Duration.ofSeconds(5).toNanos());
  }

  @Test
  void awaiting_items_gives_up_at_once_when_the_stream_completes_short() {
    TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil, 5);
    publisher.subscribe(subscriber);
    publisher.emit(1).complete();

    assertThatThrownBy(() -> subscriber.awaitItems(3))
        .isInstanceOf(WaitAbortedError.class)
        .hasMessageContaining("subscriber terminated before receiving 3 items")
        .hasMessageContaining("received [1] of 5 requested; completed");
  }

  @Test
  void awaiting_completion_and_errors_end_as_soon_as_the_other_terminal_arrives() {
    TestSubscriber<Integer> failed = TestSubscriber.create(vigil);
    TestSubscriber<Integer> completed = TestSubscriber.create(vigil);
    TestPublisher.<Integer>create(vigil, "bad").error(new IOException("gone")).subscribe(failed);
    TestPublisher.<Integer>create(vigil, "good").complete().subscribe(completed);

    assertThatThrownBy(failed::awaitCompletion)
        .isInstanceOf(WaitAbortedError.class)
        .hasMessageContaining("subscriber failed instead");
    assertThatThrownBy(completed::awaitError)
        .isInstanceOf(WaitAbortedError.class)
        .hasMessageContaining("subscriber completed instead");
    assertThat(failed.awaitError()).isInstanceOf(IOException.class).hasMessage("gone");
    assertThat(completed.awaitCompletion()).isEmpty();
  }

  @Test
  void a_wait_times_out_at_the_subscribers_own_timeout_in_virtual_time() {
    TestSubscriber<Integer> subscriber =
        TestSubscriber.builder(vigil).timeout(Duration.ofSeconds(2)).build();
    publisher.subscribe(subscriber);

    assertThatThrownBy(subscriber::awaitCompletion)
        .isInstanceOf(WaitTimeoutError.class)
        .hasMessageStartingWith("Timed out after 2s waiting for subscriber to complete.");
    assertThat(vigil.virtualTime().nanoTime()).isEqualTo(Duration.ofSeconds(2).toNanos());
  }

  @Test
  void a_wait_fails_when_the_publisher_broke_the_protocol_on_the_way() {
    TestPublisher<Integer> rogue = TestPublisher.misbehaving(vigil);
    TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil, 1);
    rogue.subscribe(subscriber);
    rogue.emit(1, 2);

    assertThatThrownBy(() -> subscriber.awaitItems(2))
        .isInstanceOf(FlowAssertionError.class)
        .hasMessageContaining("onNext of item at index 1 (2) exceeded demand");
  }

  @Test
  void errors_are_asserted_by_type_and_subtypes_count() {
    TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil);
    publisher.subscribe(subscriber);
    publisher.error(new java.io.FileNotFoundException("x"));

    subscriber.assertError(IOException.class).assertItems();
    assertThat(subscriber.error()).containsInstanceOf(java.io.FileNotFoundException.class);
    assertThat(subscriber.isCompleted()).isFalse();
  }
}
