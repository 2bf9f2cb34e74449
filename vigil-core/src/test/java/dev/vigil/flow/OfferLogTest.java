package dev.vigil.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.WaitTimeoutError;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What a producer offered, what was refused, and when it was seen blocked. */
class OfferLogTest {

  @Test
  void offers_are_kept_in_order_and_refusals_recorded() {
    try (Vigil vigil = Vigil.withVirtualTime()) {
      OfferLog<String> offers = OfferLog.create(vigil, "ticker");

      assertThat(offers.offer("a", () -> true)).isTrue();
      assertThat(offers.offer("b", () -> false)).isFalse();
      offers.offered("c");

      assertThat(offers.offered()).containsExactly("a", "b", "c");
      assertThat(vigil.timeline().entries())
          .extracting(entry -> entry.type() + ": " + entry.summary())
          .containsExactly(
              "offer ticker: \"a\"",
              "offer ticker: \"b\"",
              "refused ticker: \"b\"",
              "offer ticker: \"c\"");
      assertThat(offers.wasSeenBlocked()).isFalse();
    }
  }

  @Test
  void a_thread_blocked_inside_submit_is_seen_and_recorded_once() throws Exception {
    try (Vigil vigil = Vigil.create()) {
      OfferLog<Integer> offers = OfferLog.create(vigil);
      CountDownLatch room = new CountDownLatch(1);
      Thread producer =
          new Thread(
              () -> {
                try {
                  offers.submit(1, room::await);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "producer");
      producer.start();

      assertThat(offers.awaitBlocked()).isEqualTo(1);
      assertThat(offers.isBlocked()).isTrue();
      room.countDown();
      producer.join();

      assertThat(offers.isBlocked()).isFalse();
      assertThat(offers.wasSeenBlocked()).isTrue();
      assertThat(vigil.timeline().byType("blocked producer"))
          .singleElement()
          .extracting(entry -> entry.attributes().get("index"))
          .isEqualTo("0");
    }
  }

  @Test
  void a_producer_on_virtual_time_reports_its_own_blocking() {
    try (Vigil vigil = Vigil.withVirtualTime()) {
      OfferLog<Integer> offers = OfferLog.create(vigil);

      offers.blocked();

      assertThat(offers.wasSeenBlocked()).isTrue();
      assertThat(vigil.timeline().byType("blocked producer")).hasSize(1);
    }
  }

  @Test
  void awaiting_a_producer_that_never_blocks_times_out_with_what_it_offered() {
    try (Vigil vigil = Vigil.withVirtualTime()) {
      OfferLog<Integer> offers = OfferLog.create(vigil, "ticker");
      offers.offered(1);

      assertThatThrownBy(() -> offers.awaitBlocked(Duration.ofSeconds(1)))
          .isInstanceOf(WaitTimeoutError.class)
          .hasMessageStartingWith("Timed out after 1s waiting for producer \"ticker\" to block.")
          .hasMessageContaining("diagnostics:  1 item offered");
    }
  }
}
