package dev.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookServerBuilderTest {
  private final Vigil vigil = Vigil.create();

  @AfterEach
  void close() {
    vigil.close();
  }

  private static long liveThreadsOf(int port) {
    String prefix = "vigil-http-" + port + "-";
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith(prefix) && thread.isAlive())
        .count();
  }

  @Test
  void close_ends_every_thread_of_the_server() throws IOException {
    WebhookServer server = WebhookServer.start(vigil);
    int port = server.port();
    try (RawClient idle = new RawClient(port)) {
      idle.send(RawClient.post("/hook", "{}")).read();
      assertThat(liveThreadsOf(port)).isEqualTo(3); // acceptor, sweeper, one connection

      server.close();

      assertThat(liveThreadsOf(port)).isZero();
      assertThat(idle.closedByServer()).isTrue();
    }
  }

  @Test
  void binds_to_the_address_and_port_asked_for() throws IOException {
    int port;
    try (WebhookServer first = WebhookServer.start(vigil)) {
      port = first.port();
    }
    try (WebhookServer server =
        WebhookServer.builder(vigil).bindTo(InetAddress.getByName("0.0.0.0")).port(port).start()) {
      assertThat(server.port()).isEqualTo(port);
      assertThat(server.uri("/x").toString()).isEqualTo("http://127.0.0.1:" + port + "/x");
    }
  }

  @Test
  void a_port_in_use_fails_naming_address_and_port() {
    try (WebhookServer first = WebhookServer.start(vigil)) {
      assertThatThrownBy(() -> WebhookServer.builder(vigil).port(first.port()).start())
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("cannot listen on 127.0.0.1 port " + first.port());
    }
  }

  @Test
  void rejects_bad_settings_naming_them() {
    WebhookServerBuilder builder = WebhookServer.builder(vigil);
    assertThatThrownBy(() -> builder.port(70_000))
        .hasMessage("port must be between 0 and 65535, was 70000");
    assertThatThrownBy(() -> builder.bodyLimit(-1))
        .hasMessage("bytes must be between 0 and 2147483639, was -1");
    assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO))
        .hasMessage("timeout must be at least 1 ms, was PT0S");
    assertThatThrownBy(() -> builder.senderGrace(Duration.ofMillis(-5)))
        .hasMessage("grace must not be negative, was PT-0.005S");
    assertThatThrownBy(() -> WebhookServer.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("vigil must not be null");
  }

  @Test
  void uri_refuses_a_relative_path() {
    try (WebhookServer server = WebhookServer.start(vigil)) {
      assertThatThrownBy(() -> server.uri("hook"))
          .hasMessage("path must start with '/', was 'hook'");
      assertThat(server.namespace("/t1").uri("/hook?x=1").toString())
          .endsWith(":" + server.port() + "/t1/hook?x=1");
    }
  }
}
