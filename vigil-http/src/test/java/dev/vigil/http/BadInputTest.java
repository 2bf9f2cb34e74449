package dev.vigil.http;

import static dev.vigil.http.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BadInputTest {
  private final Vigil vigil = Vigil.create();
  private final WebhookServer server =
      WebhookServer.builder(vigil).bodyLimit(1024).readTimeout(Duration.ofMillis(300)).start();

  @AfterEach
  void close() {
    server.close();
    vigil.close();
  }

  private RawClient.Reply exchange(String raw) throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      RawClient.Reply reply = client.send(raw).read();
      assertThat(client.closedByServer()).as("connection closed after a rejection").isTrue();
      return reply;
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no version|GET /x\\r\\n\\r\\n|400|malformed request line",
        "space in method|G ET /x HTTP/1.1\\r\\n\\r\\n|400|malformed request line",
        "target not a path|GET x HTTP/1.1\\r\\n\\r\\n|400|request target is not a path",
        "version 2|GET /x HTTP/2.0\\r\\n\\r\\n|505|unsupported version",
        "no colon|GET /x HTTP/1.1\\r\\nHost x\\r\\n\\r\\n|400|header field without a name",
        "space before colon|GET /x HTTP/1.1\\r\\nHost : x\\r\\n\\r\\n|400|invalid header name",
        "folded header|GET /x HTTP/1.1\\r\\nA: 1\\r\\n  2\\r\\n\\r\\n|400|folded header line",
        "bad length|POST /x HTTP/1.1\\r\\nContent-Length: -1\\r\\n\\r\\n|400|invalid Content-Length",
        "two lengths|POST /x HTTP/1.1\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\nab|400|conflicting Content-Length",
        "smuggling|POST /x HTTP/1.1\\r\\nContent-Length: 1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n|400|both Content-Length and Transfer-Encoding",
        "gzip coding|POST /x HTTP/1.1\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n|501|unsupported Transfer-Encoding",
        "bad chunk size|POST /x HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n|400|invalid chunk size",
        "chunk without CRLF|POST /x HTTP/1.1\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n1\\r\\nab\\r\\n|400|not followed by CRLF",
        "too large|POST /x HTTP/1.1\\r\\nContent-Length: 1025\\r\\n\\r\\n|413|exceeds the limit of 1024 bytes",
      })
  void rejects_malformed_requests_with_a_status_and_records_why(
      String name, String raw, int status, String reason) throws IOException {
    RawClient.Reply reply = exchange(raw.replace("\\r\\n", "\r\n"));

    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.body()).contains(reason);
    assertThat(server.rejections())
        .singleElement()
        .satisfies(
            rejection -> {
              assertThat(rejection.status()).isEqualTo(status);
              assertThat(rejection.reason()).contains(reason);
            });
    assertThat(vigil.timeline().byType(HttpEntries.rejected(status))).hasSize(1);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void a_chunked_body_over_the_limit_gets_413() throws IOException {
    String chunk = "a".repeat(600);
    RawClient.Reply reply =
        exchange(
            "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n"
                + chunk
                + "\r\n258\r\n"
                + chunk
                + "\r\n0\r\n\r\n");
    assertThat(reply.status()).isEqualTo(413);
    assertThat(server.rejections().get(0).path()).isEqualTo("/x");
  }

  @Test
  void a_request_line_over_8_kib_gets_414_and_too_many_header_bytes_431() throws IOException {
    assertThat(exchange("GET /" + "a".repeat(9000) + " HTTP/1.1\r\n\r\n").status()).isEqualTo(414);
    StringBuilder headers = new StringBuilder("GET /x HTTP/1.1\r\n");
    for (int i = 0; i < 300; i++) {
      headers.append("X-").append(i).append(": v\r\n");
    }
    assertThat(exchange(headers + "\r\n").status()).isEqualTo(431);
  }

  @Test
  void a_stalled_client_does_not_hold_up_others_and_times_out_with_408() throws IOException {
    try (RawClient stalled = new RawClient(server.port())) {
      stalled.send("POST /slow HTTP/1.1\r\nContent-Len");

      try (RawClient other = new RawClient(server.port())) {
        assertThat(other.send(RawClient.post("/fast", "{}")).read().status()).isEqualTo(200);
      }
      assertThat(stalled.read().status()).isEqualTo(408);
    }
    assertThat(server.rejections())
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("read timeout"));
    assertThat(server.requests()).extracting(RecordedRequest::path).containsExactly("/fast");
  }

  @Test
  void an_idle_keep_alive_connection_is_closed_after_the_read_timeout_without_a_rejection()
      throws IOException {
    try (RawClient idle = new RawClient(server.port())) {
      assertThat(idle.send(RawClient.post("/once", "{}")).read().status()).isEqualTo(200);

      assertThat(idle.closedByServer()).isTrue();
    }
    assertThat(server.rejections()).isEmpty();
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void a_slow_client_that_finishes_in_time_is_served() throws IOException {
    try (RawClient slow = new RawClient(server.port())) {
      String request = RawClient.post("/slow", "{\"a\":1}");
      for (char c : request.toCharArray()) {
        slow.send(String.valueOf(c));
      }
      assertThat(slow.read().status()).isEqualTo(200);
    }
    assertThat(server.requests())
        .singleElement()
        .extracting(RecordedRequest::bodyAsText)
        .isEqualTo("{\"a\":1}");
  }

  @Test
  void an_abrupt_disconnect_mid_body_is_recorded_and_loses_nothing_else() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.send(RawClient.post("/first", "{}"));
      assertThat(client.read().status()).isEqualTo(200);
      client.send("POST /second HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"cut");
    }
    vigil.eventually(() -> !server.rejections().isEmpty()).within(Duration.ofSeconds(5));

    assertThat(server.rejections().get(0).reason()).contains("connection lost");
    assertThat(server.requests()).extracting(RecordedRequest::path).containsExactly("/first");
  }

  @Test
  void invalid_json_is_kept_raw_and_its_decoding_fails_clearly() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      client.send(RawClient.post("/hook", "{\"order\": ")).read();
    }
    RecordedRequest request = server.awaitRequest(post("/hook"), Duration.ofSeconds(5));

    assertThat(request.bodyAsText()).isEqualTo("{\"order\": ");
    assertThatThrownBy(request::bodyAsJson)
        .isInstanceOf(BodyDecodingException.class)
        .hasMessageStartingWith("request #1 POST /hook (10 bytes) at ")
        .hasMessageContaining("body is not JSON (Unexpected end-of-input")
        .hasMessageEndingWith("raw body (10 bytes): \"{\\\"order\\\": \"");
    assertThat(post("/hook").withJsonField("order", "o-1").mismatches(request))
        .containsExactly("body is not JSON");
  }

  @Test
  void survives_thousands_of_malformed_requests_with_its_journal_intact() throws IOException {
    SplittableRandom random = new SplittableRandom(20261130L);
    int valid = 0;
    for (int i = 0; i < 3000; i++) {
      if (i % 100 == 0) {
        try (RawClient client = new RawClient(server.port())) {
          assertThat(client.send(RawClient.post("/valid/" + i, "{}")).read().status())
              .isEqualTo(200);
        }
        valid++;
      }
      sendAndDrain(Garbage.next(random));
    }

    try (RawClient client = new RawClient(server.port())) {
      assertThat(client.send(RawClient.post("/after", "{}")).read().status()).isEqualTo(200);
    }
    assertThat(server.requests(RequestMatcher.path("/valid/{n}"))).hasSize(valid);
    assertThat(server.requests(RequestMatcher.path("/after"))).hasSize(1);
    assertThat(server.rejections()).hasSizeGreaterThan(2000);
  }

  /** Sends bytes, half-closes, and reads until the server has closed: no sleep needed. */
  private void sendAndDrain(byte[] garbage) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(garbage);
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      while (in.read() >= 0) {
        // drain the server's answer, if any
      }
    } catch (java.net.SocketException e) {
      // the server reset the connection: also an answer
    }
  }

  /** Malformed requests: random bytes, cut requests, and valid ones with one part broken. */
  private static final class Garbage {
    private static final String[] BROKEN = {
      "GET\r\n\r\n",
      "POST /x HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n",
      "POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n",
      "GET /x HTTP/1.1\r\n\0: x\r\n\r\n",
      "GET /x HTTP/1.1\r\nA: \u0001\r\n\r\n",
      "\r\n\r\n\r\n",
      "GET /x\u0000 HTTP/1.1\r\n\r\n",
      "POST /x HTTP/1.1\r\nContent-Length: 5\r\n\r\nab",
    };

    static byte[] next(SplittableRandom random) {
      return switch (random.nextInt(3)) {
        case 0 -> {
          byte[] bytes = new byte[random.nextInt(1, 200)];
          random.nextBytes(bytes);
          yield bytes;
        }
        case 1 -> BROKEN[random.nextInt(BROKEN.length)].getBytes(StandardCharsets.ISO_8859_1);
        default -> {
          byte[] valid = RawClient.post("/x", "{\"a\":1}").getBytes(StandardCharsets.ISO_8859_1);
          byte[] cut = java.util.Arrays.copyOf(valid, random.nextInt(1, valid.length));
          cut[random.nextInt(cut.length)] = (byte) random.nextInt(256);
          yield cut;
        }
      };
    }
  }
}
