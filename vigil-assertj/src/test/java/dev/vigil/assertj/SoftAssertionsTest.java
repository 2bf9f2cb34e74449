package dev.vigil.assertj;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.WaitTimeoutError;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.Message;
import dev.vigil.http.RecordedRequest;
import dev.vigil.http.WebhookServer;
import dev.vigil.snapshot.Snapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertionsProvider;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Vigil's assertions inside AssertJ's soft assertions: every failure is collected. */
class SoftAssertionsTest {
  private static final String NL = System.lineSeparator();

  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);
  @AutoClose private final WebhookServer server = WebhookServer.start(vigil);
  private final BusTestClient client = BusTestClient.of(vigil, bus);

  @Test
  void failures_of_every_kind_are_collected_and_reported_together() {
    bus.createQueue("billing");
    client.send("billing", Message.of("{\"orderId\":\"o-1\"}"));
    RawHttp.send(server.port(), "POST /hook HTTP/1.1", List.of(), "{}");
    RecordedRequest call = server.requests().get(0);
    Snapshot snapshot = Snapshot.of("stock", Map.of("sku-1", 1));

    VigilSoftAssertions softly = new VigilSoftAssertions();
    softly.assertThatQueue(client, "billing").isEmpty().hasSize(1);
    softly.assertThat(bus.peek("billing").get(0)).hasJsonField("orderId", "o-2");
    softly.assertThat(call).hasPath("/other").hasMethod("POST");
    softly.assertThat(server).hasReceived(dev.vigil.http.RequestMatcher.get("/x"));
    softly.assertThat(vigil.timeline()).containsInOrder("order.created");
    softly.assertThat(vigil.timeline().trace("o-1")).containsExactlyOnce("x");
    softly.assertThat(snapshot.diffTo(snapshot)).as("stock").hasUpdated("sku-1").isEmpty();
    softly.assertThat(List.of(1)).hasSize(2); // AssertJ's own assertions are still there

    assertThatThrownBy(softly::assertAll)
        .isInstanceOf(AssertJMultipleFailuresError.class)
        .satisfies(
            e -> {
              List<Throwable> failures = ((AssertJMultipleFailuresError) e).getFailures();
              assertThat(failures).hasSize(8);
              // Soft assertions add the line of each failed assertion after its text.
              assertThat(failures.get(0))
                  .hasMessageContaining("to be empty, but it held 1 message." + NL + "at ");
              assertThat(failures.get(6))
                  .hasMessageStartingWith("[stock] " + NL + "Expecting diff:");
            });
  }

  @Test
  void a_waiting_assertion_that_times_out_is_collected() {
    bus.createQueue("billing");

    VigilSoftAssertions softly = new VigilSoftAssertions();
    softly.assertThatQueue(client, "billing").eventually().within(Duration.ofSeconds(1)).hasSize(1);
    softly
        .assertThatTimeline(vigil)
        .eventually()
        .within(Duration.ofSeconds(1))
        .containsInOrder("order.created");

    assertThat(softly.errorsCollected())
        .hasSize(2)
        .allSatisfy(error -> assertThat(error).isInstanceOf(WaitTimeoutError.class));
    assertThat(softly.errorsCollected().get(1))
        .hasMessageStartingWith(
            "Timed out after 1s waiting for the timeline to contain in order [order.created].");
  }

  @Test
  void assert_softly_runs_a_block_and_passes_when_everything_holds() {
    bus.createQueue("billing");

    SoftAssertionsProvider.assertSoftly(
        VigilSoftAssertions.class,
        softly -> {
          softly.assertThatQueue(client, "billing").isEmpty();
          softly.assertThat(vigil.timeline()).doesNotContain("order.created");
        });
  }
}
