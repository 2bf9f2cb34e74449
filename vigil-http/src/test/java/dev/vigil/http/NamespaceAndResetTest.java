package dev.vigil.http;

import static dev.vigil.http.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NamespaceAndResetTest {
  private final Vigil vigil = Vigil.create();
  private final WebhookServer server = WebhookServer.start(vigil);

  @AfterEach
  void close() {
    server.close();
    vigil.close();
  }

  private int send(String path) throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      return client.send(RawClient.post(path, "{}")).read().status();
    }
  }

  @Test
  void a_server_and_its_namespaces_name_the_context_they_record_into() {
    assertThat(server.vigil()).isSameAs(vigil);
    assertThat(server.namespace("/test-a").vigil()).isSameAs(vigil);
  }

  @Test
  void reset_forgets_requests_and_routes_but_keeps_the_port_and_the_numbering() throws IOException {
    int port = server.port();
    server.when(post("/hook")).respond(Response.status(503));
    assertThat(send("/hook")).isEqualTo(503);

    server.reset();

    assertThat(server.requests()).isEmpty();
    assertThat(server.port()).isEqualTo(port);
    assertThat(send("/hook")).isEqualTo(200);
    assertThat(server.requests())
        .singleElement()
        .extracting(RecordedRequest::sequence)
        .isEqualTo(2L);
  }

  @Test
  void a_namespace_sees_only_its_own_paths_relative_to_its_prefix() throws IOException {
    WebhookServer a = server.namespace("/test-a");
    WebhookServer b = server.namespace("/test-b");
    a.when(post("/hook")).respond(Response.status(201));

    assertThat(a.uri("/hook").getPath()).isEqualTo("/test-a/hook");
    assertThat(send("/test-a/hook")).isEqualTo(201);
    assertThat(send("/test-b/hook")).isEqualTo(200);

    assertThat(a.awaitRequest(post("/hook"), Duration.ofSeconds(5)).path()).isEqualTo("/hook");
    assertThat(a.requests()).hasSize(1);
    assertThat(b.requests()).hasSize(1);
    assertThat(server.requests())
        .extracting(RecordedRequest::path)
        .containsExactly("/test-a/hook", "/test-b/hook");
  }

  @Test
  void closing_a_namespace_resets_only_it_and_leaves_the_server_running() throws IOException {
    WebhookServer a = server.namespace("/test-a");
    send("/test-a/hook");
    send("/other");

    a.close();

    assertThat(a.requests()).isEmpty();
    assertThat(server.requests()).extracting(RecordedRequest::path).containsExactly("/other");
    assertThat(send("/test-a/hook")).isEqualTo(200);
  }

  @Test
  void a_namespace_does_not_see_a_path_that_only_starts_like_it() throws IOException {
    send("/test-ab/hook");
    assertThat(server.namespace("/test-a").requests()).isEmpty();
  }

  @Test
  void rejects_prefixes_that_are_not_a_plain_path() {
    assertThatThrownBy(() -> server.namespace("test"))
        .hasMessage(
            "prefix must look like '/name' (no trailing '/', query or variable), was 'test'");
    assertThatThrownBy(() -> server.namespace("/test/"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
