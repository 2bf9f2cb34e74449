package dev.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.WaitTimeoutError;
import dev.vigil.timeline.TimelineEntry;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookServerTest {
  private final Vigil vigil = Vigil.create();
  private final WebhookServer server = WebhookServer.start(vigil);
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    server.close();
    vigil.close();
  }

  private HttpResponse<String> post(String path, String json, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void binds_to_loopback_on_a_free_port() {
    URI uri = server.uri("/hook");
    assertThat(uri.getHost()).isEqualTo("127.0.0.1");
    assertThat(uri.getPort()).isEqualTo(server.port()).isPositive();
    assertThat(InetAddress.getLoopbackAddress().getHostAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void returns_the_request_that_arrived_with_its_body_headers_and_arrival_time() throws Exception {
    HttpResponse<String> response =
        post(
            "/payment-complete?attempt=1",
            "{\"order_id\":\"ord-1\",\"amount\":99.99,\"status\":\"completed\"}",
            "correlation-id",
            "flow-7");

    RecordedRequest call =
        server.awaitRequest(
            RequestMatcher.post("/payment-complete").withJsonField("order_id", "ord-1"),
            Duration.ofSeconds(5));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/payment-complete");
    assertThat(call.queryParameter("attempt")).contains("1");
    assertThat(call.header("content-type")).contains("application/json");
    assertThat(call.bodyAsJson().path("amount").asDouble()).isEqualTo(99.99);
    assertThat(call.correlationId()).contains("flow-7");
    assertThat(call.receivedAt()).isBeforeOrEqualTo(vigil.time().instant());
    assertThat(call.sequence()).isEqualTo(1);
  }

  @Test
  void records_request_and_response_on_the_timeline_with_the_correlation_id() throws Exception {
    post("/hook", "{}", "correlation-id", "flow-1");
    server.awaitRequest(RequestMatcher.post("/hook"), Duration.ofSeconds(5));
    vigil
        .eventually(() -> vigil.timeline().trace("flow-1").count() == 2)
        .within(Duration.ofSeconds(5));

    List<TimelineEntry> entries = vigil.timeline().trace("flow-1").entries();
    assertThat(entries)
        .extracting(TimelineEntry::source, TimelineEntry::type)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("http", HttpEntries.request("POST", "/hook")),
            org.assertj.core.api.Assertions.tuple(
                "http", HttpEntries.response(200, "POST", "/hook")));
    assertThat(entries.get(0).summary()).isEqualTo("\"{}\"");
    assertThat(entries.get(0).causationId()).isEqualTo("request-1");
  }

  @Test
  void timeout_lists_what_arrived_and_why_the_closest_request_did_not_match() throws Exception {
    post("/payment-complete", "{\"order_id\":\"ord-2\"}");
    client.send(
        HttpRequest.newBuilder(server.uri("/health")).GET().build(),
        HttpResponse.BodyHandlers.discarding());

    assertThatThrownBy(
            () ->
                server.awaitRequest(
                    RequestMatcher.post("/payment-complete").withJsonField("order_id", "ord-1"),
                    Duration.ofMillis(200)))
        .isInstanceOf(WaitTimeoutError.class)
        .hasMessageContaining("a request POST /payment-complete, json order_id = \"ord-1\"")
        .hasMessageContaining("requests received (2):")
        .hasMessageContaining("#1 POST /payment-complete (20 bytes)")
        .hasMessageContaining("#2 GET /health (0 bytes)")
        .hasMessageContaining("#1: json order_id was \"ord-2\", expected \"ord-1\"")
        .hasMessageContaining(
            "#2: method was GET, expected POST; path was /health, expected /payment-complete");
  }

  @Test
  void takes_the_correlation_id_from_a_traceparent_and_ignores_a_malformed_one() throws Exception {
    post("/traced", "{}", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    post("/traced", "{}", "traceparent", "not-a-traceparent");

    List<RecordedRequest> requests =
        server.awaitRequests(RequestMatcher.post("/traced"), 2, Duration.ofSeconds(5));

    assertThat(requests.get(0).correlationId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(requests.get(1).correlationId()).isEmpty();
  }
}
