package dev.vigil.assertj;

import static dev.vigil.assertj.VigilAssertions.assertThat;
import static dev.vigil.assertj.VigilAssertions.assertThatQueue;
import static dev.vigil.assertj.VigilAssertions.assertThatTimeline;
import static dev.vigil.http.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.WaitTimeoutError;
import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.BusException;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.QueueSpec;
import dev.vigil.http.WebhookServer;
import dev.vigil.time.VirtualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Waiting assertions: each runs as a wait on the live object's context, on virtual time here. */
class EventuallyTest {
  private static final String NL = System.lineSeparator();
  private static final Instant START = VirtualTimeSource.DEFAULT_ORIGIN;

  record Order(String orderId) {}

  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);
  private final BusTestClient client = BusTestClient.of(vigil, bus);

  @BeforeEach
  void queue() {
    bus.createQueue(
        QueueSpec.named("billing")
            .withVisibilityTimeout(Duration.ofSeconds(30))
            .withDeadLetterQueue("billing--dlq", 1));
  }

  private void sendAt(int second, String orderId) {
    vigil
        .scheduler()
        .schedule(() -> client.send("billing", new Order(orderId)), second, TimeUnit.SECONDS);
  }

  private Instant now() {
    return vigil.clock().instant();
  }

  @Test
  void a_queue_assertion_returns_the_moment_it_passes() {
    sendAt(1, "o-1");
    sendAt(2, "o-2");
    sendAt(3, "o-3");

    assertThatQueue(client, "billing")
        .eventually()
        .hasSize(3)
        .containsMessageWith("orderId", "o-3");

    org.assertj.core.api.Assertions.assertThat(now()).isEqualTo(START.plusSeconds(3));
    assertThatQueue(client, "billing").hasSize(3); // peeking consumed nothing
  }

  @Test
  void a_timeline_assertion_waits_for_the_chain() {
    vigil
        .scheduler()
        .schedule(
            () -> vigil.timeline().record("order.created", "o-1", Map.of()), 1, TimeUnit.SECONDS);
    vigil
        .scheduler()
        .schedule(
            () -> vigil.timeline().record("payment.completed", "o-1", Map.of()),
            4,
            TimeUnit.SECONDS);

    assertThatTimeline(vigil)
        .eventually()
        .forCorrelationId("o-1")
        .containsInOrder("order.created", "payment.completed")
        .containsExactlyOnce("payment.completed");

    org.assertj.core.api.Assertions.assertThat(now()).isEqualTo(START.plusSeconds(4));
  }

  @Test
  void dead_letters_are_waited_for_across_visibility_timeouts() {
    try (BusConsumer failing =
        bus.consume(
            "billing",
            message -> {
              throw new IllegalStateException("customer unknown");
            })) {
      client.send("billing", new Order("o-1"));

      assertThatQueue(client, "billing")
          .eventually()
          .within(Duration.ofMinutes(2))
          .hasDeadLetters(1)
          .isEmpty();
    }
    org.assertj.core.api.Assertions.assertThat(now())
        .isBetween(START.plusSeconds(30), START.plusSeconds(31));
  }

  @Test
  void a_server_assertion_waits_for_the_request() {
    try (WebhookServer server = WebhookServer.start(vigil)) {
      // A sender driven by the context's scheduler runs inside the wait, on virtual time.
      vigil
          .scheduler()
          .schedule(
              () -> RawHttp.send(server.port(), "POST /hook HTTP/1.1", List.of(), "{}"),
              2,
              TimeUnit.SECONDS);

      assertThat(server).eventually().within(Duration.ofSeconds(5)).hasReceived(post("/hook"), 1);

      org.assertj.core.api.Assertions.assertThat(now()).isEqualTo(START.plusSeconds(2));
    }
  }

  @Test
  void a_timeout_is_the_contexts_wait_failure_with_the_last_assertion_failure_as_cause() {
    sendAt(1, "o-1");

    assertThatThrownBy(
            () ->
                assertThatQueue(client, "billing")
                    .eventually()
                    .within(Duration.ofSeconds(5))
                    .hasSize(3))
        .isInstanceOf(WaitTimeoutError.class)
        .hasMessage(
            String.join(
                NL,
                "Timed out after 5s waiting for queue billing to hold 3 messages.",
                "  attempts:     3 in 5s (virtual time: at the start, at the deadline, and 1 after"
                    + " tasks ran or the signal pulsed)",
                "  last failure: java.lang.AssertionError: Expecting queue billing:",
                "      [0] {\"orderId\":\"o-1\"} (visible)",
                "    to hold 3 messages, but it held 1.",
                "  virtual time: 1 task ran during this wait",
                "  virtual time without a seed: same-instant tasks ran in submission order",
                "Timeline (last 1 of 1 entry):",
                "  #1    +0ns      bus: send billing {\"orderId\":\"o-1\"}"))
        .cause()
        .hasMessage(
            NL
                + "Expecting queue billing:"
                + NL
                + "  [0] {\"orderId\":\"o-1\"} (visible)"
                + NL
                + "to hold 3 messages, but it held 1.");
  }

  @Test
  void the_default_timeout_is_the_contexts_and_the_description_names_the_wait() {
    try (Vigil patient = Vigil.builder().virtualTime().timeout(Duration.ofSeconds(2)).build()) {
      assertThatThrownBy(
              () ->
                  assertThatTimeline(patient)
                      .eventually()
                      .as("checkout")
                      .fromSource("bus")
                      .containsExactlyOnce("send billing"))
          .isInstanceOf(WaitTimeoutError.class)
          .hasMessageStartingWith(
              "Timed out after 2s waiting for [checkout] the timeline's bus entries to contain"
                  + " send billing exactly once."
                  + NL)
          .hasMessageContaining(
              "  last failure: java.lang.AssertionError: [checkout] "
                  + NL
                  + "    Expecting the timeline's bus entries to contain send billing exactly once,"
                  + " but it occurred 0 times.");
    }
  }

  @Test
  void an_assertion_that_already_holds_returns_at_once() {
    client.send("billing", new Order("o-1"));

    assertThatQueue(client, "billing").eventually().hasSize(1);

    org.assertj.core.api.Assertions.assertThat(now()).isEqualTo(START);
  }

  @Test
  void an_exception_ends_the_wait_at_once() {
    assertThatThrownBy(() -> assertThatQueue(client, "nowhere").eventually().isEmpty())
        .isInstanceOf(BusException.class);

    org.assertj.core.api.Assertions.assertThat(now()).isEqualTo(START);
  }

  @Test
  void within_comes_after_eventually_and_must_be_positive() {
    assertThatThrownBy(() -> assertThatQueue(client, "billing").within(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("within(PT1S) sets how long eventually() waits: call eventually() first");
    assertThatThrownBy(
            () -> assertThatQueue(client, "billing").eventually().within(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be positive, was PT-1S");
  }
}
