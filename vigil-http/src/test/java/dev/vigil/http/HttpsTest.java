package dev.vigil.http;

import static dev.vigil.http.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class HttpsTest {

  @Test
  void serves_https_to_a_client_that_trusts_the_generated_certificate() throws Exception {
    try (Vigil vigil = Vigil.create();
        WebhookServer server = WebhookServer.builder(vigil).https().start()) {
      HttpClient client = HttpClient.newBuilder().sslContext(server.clientSslContext()).build();

      HttpResponse<Void> response =
          client.send(
              HttpRequest.newBuilder(server.uri("/secure"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                  .build(),
              HttpResponse.BodyHandlers.discarding());

      assertThat(server.uri("/secure").toString()).startsWith("https://localhost:");
      assertThat(response.statusCode()).isEqualTo(200);
      RecordedRequest request = server.awaitRequest(post("/secure"), Duration.ofSeconds(5));
      assertThat(request.isSecure()).isTrue();
      assertThat(server.certificate().getSubjectX500Principal().getName())
          .isEqualTo("CN=localhost");
    }
  }

  @Test
  void a_client_that_does_not_trust_it_fails_and_the_rejection_says_why() {
    try (Vigil vigil = Vigil.create();
        WebhookServer server = WebhookServer.builder(vigil).https().start()) {
      HttpClient untrusting = HttpClient.newHttpClient();

      assertThatThrownBy(
              () ->
                  untrusting.send(
                      HttpRequest.newBuilder(server.uri("/secure")).build(),
                      HttpResponse.BodyHandlers.discarding()))
          .isInstanceOf(SSLHandshakeException.class);
      vigil.eventually(() -> !server.rejections().isEmpty()).within(Duration.ofSeconds(5));
      assertThat(server.rejections().get(0).reason())
          .startsWith("TLS failed")
          .contains("clientSslContext()");
    }
  }

  @Test
  void plain_http_to_the_https_server_is_rejected_with_a_hint() throws IOException {
    try (Vigil vigil = Vigil.create();
        WebhookServer server = WebhookServer.builder(vigil).https().start();
        RawClient client = new RawClient(server.port())) {
      client.send(RawClient.post("/x", "{}"));
      vigil.eventually(() -> !server.rejections().isEmpty()).within(Duration.ofSeconds(5));
      assertThat(server.rejections().get(0).reason()).contains("plain HTTP");
    }
  }

  @Test
  void a_plain_server_has_no_tls_material_and_says_how_to_get_it() {
    try (Vigil vigil = Vigil.create();
        WebhookServer server = WebhookServer.start(vigil)) {
      assertThatThrownBy(server::clientSslContext)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "the server speaks plain HTTP: build it with WebhookServer.builder(vigil).https()");
    }
  }
}
