package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import org.junit.jupiter.api.Test;

/** The README's backpressure examples, as written there. */
class FlowReadmeExamplesTest {

  @Test
  void a_slow_consumer_gets_prices_only_as_it_asks() {
    try (Vigil vigil = Vigil.withVirtualTime()) {
      // Five prices, one every 100 ms of virtual time, each sent only once asked for.
      Flow.Publisher<Integer> prices =
          PacedPublisher.of(vigil, Duration.ofMillis(100), List.of(1, 2, 3, 4, 5));
      TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil);
      prices.subscribe(subscriber);

      subscriber.request(2);
      assertThat(subscriber.awaitItems(2)).containsExactly(1, 2); // 200 ms of virtual time, at once
      subscriber.request(Long.MAX_VALUE).awaitCompletion();
      subscriber.assertItems(1, 2, 3, 4, 5).assertCompleted();
    }
  }

  @Test
  void submission_publisher_offer_drops_the_newest_when_full() {
    try (Vigil vigil = Vigil.create()) {
      ExecutorService delivery = Executors.newSingleThreadExecutor();
      vigil.track(delivery::shutdownNow, "delivery");
      SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>(delivery, 2);
      TestSubscriber<Integer> slow = TestSubscriber.create(vigil); // asks for nothing yet
      publisher.subscribe(slow);
      OfferLog<Integer> offers = OfferLog.create(vigil);
      for (int i = 0; i < 10; i++) {
        int item = i;
        offers.offer(item, () -> publisher.offer(item, null) >= 0);
      }
      publisher.close();
      slow.request(Long.MAX_VALUE).awaitCompletion();

      OverflowOutcome<Integer> outcome =
          OverflowCheck.of(OverflowPolicy.DROP_LATEST).withCapacity(2).verify(offers, slow);
      assertThat(outcome.dropped()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
    }
  }
}
