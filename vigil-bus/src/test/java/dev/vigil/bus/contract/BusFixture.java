package dev.vigil.bus.contract;

import dev.vigil.Vigil;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.MessageBus;
import dev.vigil.bus.Receive;
import dev.vigil.bus.ReceivedMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a contract test needs from the backend's test class: the bus, its context, unique names and
 * how long to wait. The backend's test class gives a fresh or reset bus per test.
 *
 * <p>Names come from {@link #name}, unique per call, so that the suite also runs on a shared
 * broker. Waits use {@link #patience()}: real brokers run on real time.
 */
public interface BusFixture {

  /** Distinguishes this JVM's names from another run's on a shared broker. */
  String RUN = UUID.randomUUID().toString().substring(0, 6);

  /** Counts the names handed out in this JVM. */
  AtomicLong NAMES = new AtomicLong();

  /**
   * Returns the bus under test, empty of this test's queues.
   *
   * @return the bus
   */
  MessageBus bus();

  /**
   * Returns the context the bus records on.
   *
   * @return the test's context
   */
  Vigil vigil();

  /**
   * Returns a queue or topic name no other test uses: portable (letters, digits, hyphens).
   *
   * @param base what the name is for
   * @return {@code base-<run>-<n>}
   */
  default String name(String base) {
    return base + "-" + RUN + "-" + NAMES.incrementAndGet();
  }

  /**
   * Returns how long a wait on this backend may take before the test fails.
   *
   * @return 10 s unless the backend needs another
   */
  default Duration patience() {
    return Duration.ofSeconds(10);
  }

  /**
   * Returns a client on {@link #bus()} and {@link #vigil()}.
   *
   * @return the client
   */
  default BusTestClient client() {
    return BusTestClient.of(vigil(), bus());
  }

  /**
   * Receives the one message of {@code queue}, waiting for it as the backend needs.
   *
   * @param queue the queue
   * @return the message
   */
  default ReceivedMessage receiveOne(String queue) {
    List<ReceivedMessage> received =
        vigil()
            .eventually(() -> bus().receive(queue, Receive.one().waitingUpTo(bus().longPollWait())))
            .describedAs("a message on '" + queue + "'")
            .matching(list -> !list.isEmpty())
            .within(patience());
    return received.get(0);
  }

  /**
   * Waits until {@code queue} holds {@code total} messages: sends on some backends take a moment to
   * be counted.
   *
   * @param queue the queue
   * @param total how many it must hold
   */
  default void awaitStats(String queue, int total) {
    vigil()
        .eventually(() -> bus().stats(queue).total())
        .describedAs(total + " message(s) counted on '" + queue + "'")
        .matching(count -> count == total)
        .within(patience());
  }
}
