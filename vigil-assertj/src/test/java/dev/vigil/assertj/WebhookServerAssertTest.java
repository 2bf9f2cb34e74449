package dev.vigil.assertj;

import static dev.vigil.assertj.VigilAssertions.assertThat;
import static dev.vigil.http.RequestMatcher.anyRequest;
import static dev.vigil.http.RequestMatcher.get;
import static dev.vigil.http.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.http.WebhookServer;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Assertions on the requests a server received, message by message. */
class WebhookServerAssertTest {
  private static final String NL = System.lineSeparator();

  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final WebhookServer server = WebhookServer.start(vigil);

  private void postOrder(String orderId) {
    RawHttp.send(
        server.port(),
        "POST /payment-complete HTTP/1.1",
        List.of(),
        "{\"order_id\":\"" + orderId + "\"}");
  }

  private String received() {
    return NL
        + "Expecting the requests received by "
        + server
        + ":"
        + NL
        + "  #1 POST /payment-complete (20 bytes) at 2026-01-01T00:00:00Z"
        + NL
        + "  #2 GET /health (0 bytes) at 2026-01-01T00:00:00Z"
        + NL;
  }

  private void twoRequests() {
    postOrder("ord-1");
    RawHttp.send(server.port(), "GET /health HTTP/1.1", List.of(), "");
  }

  @Test
  void requests_received_pass_by_matcher_and_count() {
    twoRequests();
    postOrder("ord-1");

    assertThat(server)
        .hasReceived(post("/payment-complete").withJsonField("order_id", "ord-1"))
        .hasReceived(post("/payment-complete"), 2)
        .hasReceived(anyRequest(), 3)
        .hasReceived(post("/refund"), 0)
        .hasNotReceived(post("/refund"));
  }

  @Test
  void has_received_fails_listing_every_request() {
    twoRequests();

    assertThatThrownBy(
            () ->
                assertThat(server)
                    .hasReceived(post("/payment-complete").withJsonField("order_id", "ord-2")))
        .hasMessage(
            received()
                + "to include a request POST /payment-complete, json order_id = \"ord-2\", but"
                + " none matched.");
  }

  @Test
  void an_empty_journal_says_none() {
    assertThatThrownBy(() -> assertThat(server).hasReceived(get("/health")))
        .hasMessage(
            NL
                + "Expecting the requests received by "
                + server
                + ":"
                + NL
                + "  (none)"
                + NL
                + "to include a request GET /health, but none matched.");
  }

  @Test
  void has_received_a_count_fails_naming_those_that_matched() {
    twoRequests();

    assertThatThrownBy(() -> assertThat(server).hasReceived(post("/payment-complete"), 2))
        .hasMessage(
            received() + "to include 2 requests POST /payment-complete, but 1 matched: #1.");
    assertThatThrownBy(() -> assertThat(server).hasReceived(post("/refund"), 1))
        .hasMessage(received() + "to include 1 request POST /refund, but none matched.");
  }

  @Test
  void has_not_received_fails_naming_those_that_came() {
    twoRequests();

    assertThatThrownBy(() -> assertThat(server).hasNotReceived(anyRequest()))
        .hasMessage(received() + "to include no request any path, but #1, #2 matched.");
  }

  @Test
  void a_namespace_sees_its_own_requests_relative_to_its_prefix() {
    WebhookServer tenant = server.namespace("/tenant-a");
    RawHttp.send(server.port(), "POST /tenant-a/hook HTTP/1.1", List.of(), "");
    postOrder("ord-1");

    assertThat(tenant).hasReceived(anyRequest(), 1).hasReceived(post("/hook"));
  }

  @Test
  void bad_arguments_are_errors() {
    assertThatThrownBy(() -> assertThat(server).hasReceived(anyRequest(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("times must not be negative, was -1");
  }
}
