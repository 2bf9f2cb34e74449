package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Overflow policy checks against a producer on virtual time that offers an item every 10 ms into a
 * buffer of two; the subscriber asks for nothing until all five were offered.
 */
class OverflowCheckTest {
  private static final List<Integer> ITEMS = List.of(0, 1, 2, 3, 4);
  private final Vigil vigil = Vigil.withVirtualTime();
  private final OfferLog<Integer> offers = OfferLog.create(vigil);
  private final TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil);

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void a_buffering_producer_delivers_everything_in_order() {
    burstThenDrain(OverflowPolicy.BUFFER);

    OverflowOutcome<Integer> outcome =
        OverflowCheck.of(OverflowPolicy.BUFFER).verify(offers, subscriber);

    assertThat(outcome.received()).isEqualTo(ITEMS);
    assertThat(outcome.dropped()).isEmpty();
  }

  @Test
  void dropping_the_latest_keeps_the_first_items_and_reports_the_rest_as_dropped() {
    burstThenDrain(OverflowPolicy.DROP_LATEST);

    OverflowOutcome<Integer> outcome =
        OverflowCheck.of(OverflowPolicy.DROP_LATEST).withCapacity(2).verify(offers, subscriber);

    assertThat(outcome.received()).containsExactly(0, 1);
    assertThat(outcome.dropped()).containsExactly(2, 3, 4);
  }

  @Test
  void dropping_the_oldest_keeps_the_last_items() {
    burstThenDrain(OverflowPolicy.DROP_OLDEST);

    OverflowOutcome<Integer> outcome =
        OverflowCheck.of(OverflowPolicy.DROP_OLDEST).withCapacity(2).verify(offers, subscriber);

    assertThat(outcome.received()).containsExactly(3, 4);
    assertThat(outcome.dropped()).containsExactly(0, 1, 2);
  }

  @Test
  void a_blocking_producer_delivers_everything_and_was_seen_blocked() {
    burstThenDrain(OverflowPolicy.BLOCK);

    OverflowOutcome<Integer> outcome =
        OverflowCheck.of(OverflowPolicy.BLOCK).verify(offers, subscriber);

    assertThat(outcome.received()).isEqualTo(ITEMS);
    assertThat(offers.offered()).isEqualTo(ITEMS);
    assertThat(vigil.timeline().byType("blocked producer")).hasSize(1);
  }

  @Test
  void an_erroring_producer_delivers_a_prefix_then_fails() {
    burstThenDrain(OverflowPolicy.ERROR);

    OverflowOutcome<Integer> outcome =
        OverflowCheck.of(OverflowPolicy.ERROR).verify(offers, subscriber);

    assertThat(outcome.received()).isEmpty();
    assertThat(outcome.dropped()).containsExactly(0, 1, 2);
    subscriber.assertError(IllegalStateException.class);
  }

  @Test
  void a_slow_subscriber_gets_an_in_order_subsequence_within_its_demand() {
    new OverflowingProducer<>(vigil, offers, ITEMS, 2, OverflowPolicy.DROP_LATEST)
        .subscribe(subscriber);
    var unused =
        vigil
            .scheduler()
            .scheduleAtFixedRate(() -> subscriber.request(1), 25, 25, TimeUnit.MILLISECONDS);

    subscriber.awaitCompletion();

    OverflowOutcome<Integer> outcome =
        OverflowCheck.of(OverflowPolicy.DROP_LATEST).withCapacity(2).verify(offers, subscriber);
    // Offers at 10 ms steps, one request every 25 ms: the buffer is full of [1, 2] at 40 ms and
    // again at 50 ms, when the offer runs before that instant's request.
    assertThat(outcome.received()).containsExactly(0, 1, 2);
    assertThat(outcome.dropped()).containsExactly(3, 4);
  }

  @Test
  void a_producer_that_drops_the_newest_fails_a_check_of_dropping_the_oldest() {
    burstThenDrain(OverflowPolicy.DROP_LATEST);

    assertThatThrownBy(
            () ->
                OverflowCheck.of(OverflowPolicy.DROP_OLDEST)
                    .withCapacity(2)
                    .verify(offers, subscriber))
        .isInstanceOf(FlowAssertionError.class)
        .hasMessage(
            "Expecting the items received by subscriber:"
                + FlowTexts.NL
                + "  [0, 1]"
                + FlowTexts.NL
                + "to include the last 2 items offered, which DROP_OLDEST with capacity 2 never"
                + " drops:"
                + FlowTexts.NL
                + "  [3, 4]"
                + FlowTexts.NL
                + "but it lacks [3, 4].");
  }

  @Test
  void a_producer_that_drops_fails_a_buffer_check() {
    burstThenDrain(OverflowPolicy.DROP_OLDEST);

    assertThatThrownBy(() -> OverflowCheck.of(OverflowPolicy.BUFFER).verify(offers, subscriber))
        .hasMessage(
            "Expecting the items received by subscriber:"
                + FlowTexts.NL
                + "  [3, 4]"
                + FlowTexts.NL
                + "to be every item offered, in order (BUFFER):"
                + FlowTexts.NL
                + "  [0, 1, 2, 3, 4]"
                + FlowTexts.NL
                + "but index 0 was 3 where 0 was offered.");
  }

  @Test
  void a_producer_that_never_blocked_fails_a_block_check() {
    burstThenDrain(OverflowPolicy.BUFFER);

    assertThatThrownBy(() -> OverflowCheck.of(OverflowPolicy.BLOCK).verify(offers, subscriber))
        .hasMessage(
            "Expecting producer:"
                + FlowTexts.NL
                + "  [0, 1, 2, 3, 4] offered"
                + FlowTexts.NL
                + "to have been seen blocked (BLOCK),"
                + FlowTexts.NL
                + "but it never was: run its blocking calls through OfferLog.submit and call"
                + " awaitBlocked() while the subscriber holds back demand.");
  }

  @Test
  void items_out_of_the_order_offered_or_never_offered_fail_a_drop_check() {
    TestPublisher<Integer> publisher = TestPublisher.create(vigil);
    publisher.subscribe(subscriber.request(Long.MAX_VALUE));
    publisher.emit(0, 2, 1).complete();
    OverflowCheck check = OverflowCheck.of(OverflowPolicy.DROP_LATEST);

    assertThatThrownBy(() -> check.verify(List.of(0, 1, 2, 3), subscriber))
        .hasMessage(
            "Expecting the items received by subscriber:"
                + FlowTexts.NL
                + "  [0, 2, 1]"
                + FlowTexts.NL
                + "to be an in-order subsequence of the items offered (DROP_LATEST):"
                + FlowTexts.NL
                + "  [0, 1, 2, 3]"
                + FlowTexts.NL
                + "but 1 at index 2 was not offered after 2.");
    assertThatThrownBy(() -> check.verify(List.of(0, 2), subscriber))
        .hasMessageEndingWith("but 1 at index 2 was never offered.");
  }

  @Test
  void the_check_waits_for_no_one_and_says_so_before_the_stream_ended() {
    new OverflowingProducer<>(vigil, offers, ITEMS, 2, OverflowPolicy.BUFFER).subscribe(subscriber);
    subscriber.request(1).awaitItems(1);

    assertThatThrownBy(
            () -> OverflowCheck.of(OverflowPolicy.DROP_LATEST).verify(offers, subscriber))
        .hasMessage(
            "Expecting subscriber:"
                + FlowTexts.NL
                + "  received [0] of 1 requested; not terminated"
                + FlowTexts.NL
                + "to have completed before its overflow policy (DROP_LATEST) is checked,"
                + FlowTexts.NL
                + "but it has not terminated: request what remains and awaitCompletion() first.");
  }

  @Test
  void an_error_check_of_a_stream_that_completed_fails() {
    burstThenDrain(OverflowPolicy.BUFFER);

    assertThatThrownBy(() -> OverflowCheck.of(OverflowPolicy.ERROR).verify(offers, subscriber))
        .hasMessage(
            "Expecting subscriber:"
                + FlowTexts.NL
                + "  received [0, 1, 2, 3, 4] of unbounded requested; completed"
                + FlowTexts.NL
                + "to have failed after an in-order prefix of the items offered (ERROR),"
                + FlowTexts.NL
                + "but it completed.");
  }

  @Test
  void an_item_beyond_demand_fails_the_check_as_a_protocol_violation() {
    TestPublisher<Integer> rogue = TestPublisher.misbehaving(vigil);
    rogue.subscribe(subscriber.request(1));
    rogue.emit(0, 1).complete();

    assertThatThrownBy(() -> OverflowCheck.of(OverflowPolicy.DROP_LATEST).verify(ITEMS, subscriber))
        .hasMessageContaining("onNext of item at index 1 (1) exceeded demand");
  }

  @Test
  void bad_arguments_are_named() {
    assertThatThrownBy(() -> OverflowCheck.of(OverflowPolicy.DROP_OLDEST).withCapacity(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity must be positive, was 0");
    assertThatThrownBy(() -> OverflowCheck.of(OverflowPolicy.BLOCK).verify(ITEMS, subscriber))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "policy BLOCK needs an OfferLog, which sees the producer blocked; a list cannot");
  }

  /** Runs the producer until it offered everything with no demand, then asks for all. */
  private void burstThenDrain(OverflowPolicy behaviour) {
    new OverflowingProducer<>(vigil, offers, ITEMS, 2, behaviour).subscribe(subscriber);
    vigil.virtualTime().advanceBy(Duration.ofMillis(50));
    subscriber.request(Long.MAX_VALUE);
    if (behaviour == OverflowPolicy.ERROR) {
      subscriber.awaitError();
    } else {
      subscriber.awaitCompletion();
    }
  }
}
