package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.SubmissionPublisher;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDK's {@link SubmissionPublisher} on real threads, checked with Vigil's waits: {@code submit}
 * blocks on a full buffer ({@link OverflowPolicy#BLOCK}), {@code offer} drops the item offered
 * ({@link OverflowPolicy#DROP_LATEST}).
 */
class SubmissionPublisherTest {
  private static final List<Integer> ITEMS = IntStream.range(0, 10).boxed().toList();
  private static final int CAPACITY = 2;
  private final Vigil vigil = Vigil.create();
  private final ExecutorService delivery = started("delivery");
  private final ExecutorService producer = started("producer");
  private final SubmissionPublisher<Integer> publisher =
      new SubmissionPublisher<>(delivery, CAPACITY);
  private final OfferLog<Integer> offers = OfferLog.create(vigil);
  private final TestSubscriber<Integer> subscriber = TestSubscriber.create(vigil);

  @AfterEach
  void close() {
    publisher.close();
    vigil.close();
  }

  @Test
  void submit_blocks_on_a_full_buffer_and_delivers_everything() {
    publisher.subscribe(subscriber);
    Future<?> producing =
        producer.submit(
            () -> {
              for (Integer item : ITEMS) {
                offers.submit(item, () -> publisher.submit(item));
              }
              publisher.close();
              return null;
            });

    assertThat(offers.awaitBlocked()).isEqualTo(CAPACITY + 1);
    subscriber.assertItems();

    subscriber.request(Long.MAX_VALUE).awaitCompletion();
    vigil.eventually(() -> producing).within(Duration.ofSeconds(5));
    OverflowOutcome<Integer> outcome =
        OverflowCheck.of(OverflowPolicy.BLOCK).verify(offers, subscriber);
    assertThat(outcome.received()).isEqualTo(ITEMS);
  }

  @Test
  void offer_drops_what_finds_the_buffer_full_and_keeps_the_first_items() {
    publisher.subscribe(subscriber);
    for (Integer item : ITEMS) {
      offers.offer(item, () -> publisher.offer(item, null) >= 0);
    }
    publisher.close();

    subscriber.request(Long.MAX_VALUE).awaitCompletion();

    OverflowOutcome<Integer> outcome =
        OverflowCheck.of(OverflowPolicy.DROP_LATEST)
            .withCapacity(CAPACITY)
            .verify(offers, subscriber);
    assertThat(outcome.received()).containsExactly(0, 1);
    assertThat(outcome.dropped()).isEqualTo(ITEMS.subList(CAPACITY, ITEMS.size()));
    assertThat(vigil.timeline().byType("refused producer")).hasSize(ITEMS.size() - CAPACITY);
    assertThat(offers.wasSeenBlocked()).isFalse();
  }

  @Test
  void the_subscriber_keeps_the_protocol_of_a_real_publisher_across_threads() {
    publisher.subscribe(subscriber);
    subscriber.request(3);
    ITEMS.subList(0, 3).forEach(publisher::submit);

    assertThat(subscriber.awaitItems(3)).containsExactly(0, 1, 2);
    subscriber.request(Long.MAX_VALUE);
    ITEMS.subList(3, ITEMS.size()).forEach(publisher::submit);
    publisher.close();
    subscriber.awaitCompletion();
    subscriber.assertItems(ITEMS.toArray(Integer[]::new)).assertCompleted();
  }

  private ExecutorService started(String name) {
    ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, name));
    vigil.track(executor::shutdownNow, name + " executor");
    return executor;
  }
}
