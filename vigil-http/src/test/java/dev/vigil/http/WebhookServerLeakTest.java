package dev.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.OpenResource;
import dev.vigil.Vigil;
import dev.vigil.leak.LeakCheck;
import dev.vigil.leak.LeakReport;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Leak checks around the capture server: servers left open, and its own threads. */
class WebhookServerLeakTest {
  private final Vigil vigil = Vigil.create();

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void a_server_left_open_is_a_resource_leak_and_its_threads_are_not_reported() throws Exception {
    LeakCheck.Session session = LeakCheck.defaults().watching(vigil).start();
    WebhookServer server = WebhookServer.start(vigil);
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(server.uri("/hook"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);

    LeakReport report = session.finish();

    assertThat(report.threadLeaks()).isEmpty();
    assertThat(report.resourceLeaks())
        .singleElement()
        .satisfies(
            leak -> {
              assertThat(leak.resource().resource()).isSameAs(server);
              assertThat(leak.toString())
                  .startsWith(
                      "WebhookServer on http://127.0.0.1:"
                          + server.port()
                          + " opened at dev.vigil.http.WebhookServerLeakTest."
                          + "a_server_left_open_is_a_resource_leak_and_its_threads_are_not_reported("
                          + "WebhookServerLeakTest.java:")
                  .endsWith(") was not closed");
            });
  }

  @Test
  void a_closed_server_is_not_reported_and_a_views_close_leaves_the_server_open() throws Exception {
    LeakCheck.defaults()
        .watching(vigil)
        .run(
            () -> {
              WebhookServer server = WebhookServer.builder(vigil).https().start();
              assertThat(vigil.openResources())
                  .extracting(OpenResource::description)
                  .containsExactly("WebhookServer on https://localhost:" + server.port());
              server.namespace("/test-1").close();
              assertThat(vigil.openResources()).hasSize(1);
              server.close();
              server.close();
            });
  }

  @Test
  void closing_the_context_closes_a_server_left_open() throws IOException {
    WebhookServer server = WebhookServer.start(vigil);
    int port = server.port();

    vigil.close();

    assertThat(vigil.openResources()).isEmpty();
    assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
        .isInstanceOf(ConnectException.class);
  }
}
