package dev.vigil.http;

import static dev.vigil.http.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Vigil;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WireProtocolTest {
  private final Vigil vigil = Vigil.create();
  private final WebhookServer server = WebhookServer.start(vigil);

  @AfterEach
  void close() {
    server.close();
    vigil.close();
  }

  @Test
  void serves_many_requests_on_one_keep_alive_connection() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      for (int i = 0; i < 50; i++) {
        assertThat(client.send(RawClient.post("/hook/" + i, "{}")).read().status()).isEqualTo(200);
      }
    }
    assertThat(server.requests()).hasSize(50);
  }

  @Test
  void reads_a_pipelined_pair_of_requests_in_order() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.send(RawClient.post("/a", "1") + RawClient.post("/b", "22"));
      assertThat(client.read().status()).isEqualTo(200);
      assertThat(client.read().status()).isEqualTo(200);
    }
    assertThat(server.requests())
        .extracting(RecordedRequest::path, RecordedRequest::bodyAsText)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("/a", "1"),
            org.assertj.core.api.Assertions.tuple("/b", "22"));
  }

  @Test
  void decodes_a_chunked_body_with_extensions_and_trailers() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.send(
          "POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "5;ext=1\r\nhello\r\n"
              + "7\r\n, world\r\n"
              + "0\r\nX-Checksum: abc\r\n\r\n");
      assertThat(client.read().status()).isEqualTo(200);
    }
    RecordedRequest request = server.awaitRequest(post("/chunked"), Duration.ofSeconds(5));
    assertThat(request.bodyAsText()).isEqualTo("hello, world");
  }

  @Test
  void answers_100_continue_before_reading_the_body() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.send(
          "POST /big HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n");
      assertThat(client.read().status()).isEqualTo(100);
      client.send("body");
      assertThat(client.read().status()).isEqualTo(200);
    }
    assertThat(server.requests())
        .singleElement()
        .extracting(RecordedRequest::bodyAsText)
        .isEqualTo("body");
  }

  @Test
  void closes_an_http_1_0_connection_after_its_response() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      RawClient.Reply reply = client.send("GET /old HTTP/1.0\r\n\r\n").read();
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.headers()).containsEntry("connection", "close");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void closes_when_the_client_asks_to() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.send(RawClient.post("/bye", "{}", "Connection: close"));
      assertThat(client.read().headers()).containsEntry("connection", "close");
      assertThat(client.closedByServer()).isTrue();
    }
  }

  @Test
  void head_gets_headers_without_a_body() throws IOException {
    server.when(RequestMatcher.path("/doc")).respond(Response.ok().withBody("0123456789"));
    try (RawClient client = new RawClient(server.port())) {
      client.send("HEAD /doc HTTP/1.1\r\nHost: x\r\n\r\n");
      // The reader trusts Content-Length, so read the head only and check no body follows.
      client.send("GET /doc HTTP/1.1\r\nHost: x\r\n\r\n");
      RawClient.Reply head = client.read();
      assertThat(head.headers()).containsEntry("content-length", "10");
      assertThat(head.body()).isEqualTo("HTTP/1.1 2");
    }
  }

  @Test
  void keeps_body_bytes_exactly_as_sent() throws IOException {
    byte[] body = {0, (byte) 0xFF, '\r', '\n', (byte) 0xC3, (byte) 0xA9};
    try (RawClient client = new RawClient(server.port())) {
      client.send(
          ("POST /bin HTTP/1.1\r\nContent-Length: " + body.length + "\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      client.send(body);
      assertThat(client.read().status()).isEqualTo(200);
    }
    assertThat(server.requests().get(0).body()).containsExactly(body);
  }

  @Test
  void the_jdk_client_gets_through_with_a_streamed_body() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<Void> response =
        client.send(
            HttpRequest.newBuilder(server.uri("/stream"))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () ->
                            new java.io.ByteArrayInputStream(
                                "streamed".getBytes(StandardCharsets.UTF_8))))
                .build(),
            HttpResponse.BodyHandlers.discarding());

    assertThat(response.statusCode()).isEqualTo(200);
    RecordedRequest request = server.awaitRequest(post("/stream"), Duration.ofSeconds(5));
    assertThat(request.header("Transfer-Encoding")).contains("chunked");
    assertThat(request.bodyAsText()).isEqualTo("streamed");
  }
}
