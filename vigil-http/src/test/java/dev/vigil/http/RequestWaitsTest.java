package dev.vigil.http;

import static dev.vigil.http.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.ConditionViolatedError;
import dev.vigil.Vigil;
import dev.vigil.WaitTimeoutError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestWaitsTest {

  private static int send(WebhookServer server, String path) {
    try (RawClient client = new RawClient(server.port())) {
      return client.send(RawClient.post(path, "{}")).read().status();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void waits_for_n_matching_requests_and_returns_the_first_n_in_order() {
    try (Vigil vigil = Vigil.create();
        WebhookServer server = WebhookServer.start(vigil)) {
      CompletableFuture<Void> sender =
          CompletableFuture.runAsync(
              () -> {
                for (int i = 1; i <= 4; i++) {
                  send(server, "/hook/" + i);
                }
              });

      assertThat(server.awaitRequests(RequestMatcher.path("/hook/{n}"), 3, Duration.ofSeconds(5)))
          .extracting(r -> r.pathVariable("n"))
          .containsExactly("1", "2", "3");
      sender.join();
    }
  }

  @Test
  void a_timeout_for_n_requests_says_how_many_came() {
    try (Vigil vigil = Vigil.create();
        WebhookServer server = WebhookServer.start(vigil)) {
      send(server, "/hook");

      assertThatThrownBy(() -> server.awaitRequests(post("/hook"), 2, Duration.ofMillis(100)))
          .isInstanceOf(WaitTimeoutError.class)
          .hasMessageContaining("2 requests POST /hook")
          .hasMessageContaining("1 matched so far; requests received (1):");
    }
  }

  @Test
  void expect_no_request_fails_naming_the_request_that_came() {
    try (Vigil vigil = Vigil.create();
        WebhookServer server = WebhookServer.start(vigil)) {
      send(server, "/refund");

      assertThatThrownBy(() -> server.expectNoRequest(post("/refund"), Duration.ofSeconds(5)))
          .isInstanceOf(ConditionViolatedError.class)
          .hasMessageContaining("Expected a request POST /refund never to happen")
          .hasMessageContaining("#1 POST /refund (2 bytes)");
    }
  }

  @Test
  void expect_no_request_passes_when_only_other_requests_come() {
    try (Vigil vigil = Vigil.create();
        WebhookServer server = WebhookServer.start(vigil)) {
      send(server, "/payment");
      server.expectNoRequest(post("/refund"), Duration.ofMillis(50));
      assertThat(server.requests()).hasSize(1);
    }
  }

  @Test
  void under_virtual_time_a_sender_on_a_real_thread_is_given_real_time() throws Exception {
    try (Vigil vigil = Vigil.withVirtualTime();
        WebhookServer server =
            WebhookServer.builder(vigil).senderGrace(Duration.ofSeconds(5)).start()) {
      CompletableFuture<Integer> sender =
          CompletableFuture.supplyAsync(() -> send(server, "/hook"));

      RecordedRequest request = server.awaitRequest(post("/hook"), Duration.ofSeconds(1));

      assertThat(request.receivedAt()).isEqualTo(vigil.time().instant());
      assertThat(sender.get(5, TimeUnit.SECONDS)).isEqualTo(200);
    }
  }

  @Test
  void under_virtual_time_a_retry_scheduled_on_the_context_runs_by_jumping_the_clock() {
    try (Vigil vigil = Vigil.withVirtualTime();
        WebhookServer server =
            WebhookServer.builder(vigil).senderGrace(Duration.ofMillis(20)).start()) {
      server.when(post("/hook")).failFirst(1, Response.status(503)).respond(Response.ok());
      // A sender that retries after 30 s on the context's scheduler, as the code under test would.
      Runnable attempt =
          new Runnable() {
            @Override
            public void run() {
              if (send(server, "/hook") == 503) {
                vigil.scheduler().schedule(this, 30, TimeUnit.SECONDS);
              }
            }
          };
      vigil.scheduler().execute(attempt);

      server.awaitRequests(post("/hook"), 2, Duration.ofMinutes(1));

      java.util.List<RecordedRequest> attempts = server.requests();
      assertThat(attempts.get(1).receivedAt())
          .isEqualTo(attempts.get(0).receivedAt().plusSeconds(30));
      assertThat(vigil.timeline().byType(HttpEntries.response(503, "POST", "/hook"))).hasSize(1);
    }
  }

  @Test
  void under_virtual_time_expect_no_request_still_catches_a_late_real_sender() {
    try (Vigil vigil = Vigil.withVirtualTime();
        WebhookServer server =
            WebhookServer.builder(vigil).senderGrace(Duration.ofSeconds(5)).start()) {
      CompletableFuture.runAsync(() -> send(server, "/refund"));

      assertThatThrownBy(() -> server.expectNoRequest(post("/refund"), Duration.ofHours(1)))
          .isInstanceOf(ConditionViolatedError.class);
    }
  }

  @Test
  void a_returned_request_already_has_its_timeline_entry() {
    try (Vigil vigil = Vigil.create();
        WebhookServer server = WebhookServer.start(vigil)) {
      for (int i = 0; i < 300; i++) {
        String path = "/race/" + i;
        CompletableFuture<Integer> sender = CompletableFuture.supplyAsync(() -> send(server, path));

        RecordedRequest request = server.awaitRequest(post(path), Duration.ofSeconds(5));

        assertThat(vigil.timeline().byType(HttpEntries.request("POST", path)))
            .as("entry of request %d when its wait returned", i)
            .singleElement()
            .satisfies(
                entry ->
                    assertThat(entry.causationId()).isEqualTo("request-" + request.sequence()));
        sender.join();
      }
    }
  }
}
