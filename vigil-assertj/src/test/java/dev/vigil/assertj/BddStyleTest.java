package dev.vigil.assertj;

import static dev.vigil.assertj.VigilAssertions.then;
import static dev.vigil.assertj.VigilAssertions.thenQueue;
import static dev.vigil.assertj.VigilAssertions.thenTimeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.bus.BusTestClient;
import dev.vigil.bus.EmbeddedBus;
import dev.vigil.bus.Receive;
import dev.vigil.http.RequestMatcher;
import dev.vigil.http.WebhookServer;
import dev.vigil.snapshot.Snapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The BDD twins start the same assertions as their {@code assertThat} counterparts. */
class BddStyleTest {
  private static final String NL = System.lineSeparator();

  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final EmbeddedBus bus = EmbeddedBus.create(vigil);
  @AutoClose private final WebhookServer server = WebhookServer.start(vigil);
  private final BusTestClient client = BusTestClient.of(vigil, bus);

  @Test
  void then_starts_the_same_assertions() {
    bus.createQueue("billing");
    client.send("billing", Map.of("orderId", "o-1"), "o-1");
    RawHttp.send(server.port(), "POST /hook HTTP/1.1", List.of(), "{}");
    Snapshot stock = Snapshot.of("stock", Map.of("sku-1", 1));

    then(vigil.timeline()).containsExactlyOnce("send billing");
    thenTimeline(vigil).eventually().fromSource("http").containsInOrder("request POST /hook");
    then(vigil.timeline().trace("o-1")).containsInOrder("send billing");
    then(bus.peek("billing").get(0)).hasJsonField("orderId", "o-1");
    thenQueue(client, "billing").hasSize(1);
    then(bus.receive("billing", Receive.one()).get(0)).hasCorrelationId("o-1");
    then(server.requests().get(0)).hasMethod("POST");
    then(server).hasReceived(RequestMatcher.post("/hook"));
    then(stock.diffTo(stock)).isEmpty();
    assertThat(then(stock.diffTo(stock))).isInstanceOf(DiffAssert.class);
  }

  @Test
  void then_fails_as_assert_that_does() {
    bus.createQueue("billing");

    assertThatThrownBy(() -> thenQueue(client, "billing").hasSize(1))
        .hasMessage(
            NL
                + "Expecting queue billing:"
                + NL
                + "  (no messages)"
                + NL
                + "to hold 1 message, but it held 0.");
  }
}
