package dev.vigil.http;

import static dev.vigil.http.RequestMatcher.get;
import static dev.vigil.http.RequestMatcher.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScriptedResponsesTest {
  private final Vigil vigil = Vigil.create();
  private final WebhookServer server = WebhookServer.start(vigil);

  @AfterEach
  void close() {
    server.close();
    vigil.close();
  }

  private List<Integer> statuses(String path, int times) throws IOException {
    List<Integer> statuses = new ArrayList<>();
    try (RawClient client = new RawClient(server.port())) {
      for (int i = 0; i < times; i++) {
        statuses.add(client.send(RawClient.post(path, "{}")).read().status());
      }
    }
    return statuses;
  }

  @Test
  void answers_200_with_an_empty_body_when_no_route_matches() throws IOException {
    try (RawClient client = new RawClient(server.port())) {
      RawClient.Reply reply = client.send(RawClient.post("/anything", "{}")).read();
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).isEmpty();
      assertThat(reply.headers()).containsEntry("content-length", "0");
    }
  }

  @Test
  void plays_a_sequence_and_repeats_its_last_response() throws IOException {
    server
        .when(post("/hook"))
        .respond(Response.status(503), Response.status(503), Response.status(201));

    assertThat(statuses("/hook", 5)).containsExactly(503, 503, 201, 201, 201);
  }

  @Test
  void fails_the_first_n_requests_then_answers_as_scripted() throws IOException {
    Route route =
        server
            .when(post("/hook"))
            .failFirst(2, Response.status(500))
            .respond(Response.json(200, "{\"ok\":true}"));

    assertThat(statuses("/hook", 4)).containsExactly(500, 500, 200, 200);
    assertThat(route.hits()).isEqualTo(4);
  }

  @Test
  void later_routes_take_precedence_and_removing_one_falls_back() throws IOException {
    server.when(post("/hook")).respond(Response.status(202));
    Route override = server.when(post("/hook")).respond(Response.status(409));

    assertThat(statuses("/hook", 1)).containsExactly(409);
    override.remove();
    assertThat(statuses("/hook", 1)).containsExactly(202);
  }

  @Test
  void sends_scripted_headers_and_body() throws IOException {
    server
        .when(get("/orders/{id}"))
        .respond(Response.json(200, "{\"id\":\"o-1\"}").withHeader("X-Trace", "t-1"));
    try (RawClient client = new RawClient(server.port())) {
      RawClient.Reply reply = client.send("GET /orders/o-1 HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).isEqualTo("{\"id\":\"o-1\"}");
      assertThat(reply.headers())
          .containsEntry("content-type", "application/json")
          .containsEntry("x-trace", "t-1");
    }
  }

  @Test
  void a_handler_answers_from_the_request_and_its_path_variables() throws IOException {
    server
        .when(get("/orders/{id}/lines/{line}"))
        .answer(
            request ->
                Response.json(
                    200,
                    "[\""
                        + request.pathVariable("id")
                        + "\",\""
                        + request.pathVariable("line")
                        + "\"]"));
    try (RawClient client = new RawClient(server.port())) {
      RawClient.Reply reply =
          client.send("GET /orders/o%201/lines/3 HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(reply.body()).isEqualTo("[\"o 1\",\"3\"]");
    }
  }

  @Test
  void a_failing_handler_gives_500_and_a_timeline_entry() throws IOException {
    server
        .when(post("/hook"))
        .answer(
            request -> {
              throw new IllegalStateException("boom");
            });

    try (RawClient client = new RawClient(server.port())) {
      RawClient.Reply reply = client.send(RawClient.post("/hook", "{}")).read();
      assertThat(reply.status()).isEqualTo(500);
      assertThat(reply.body()).contains("IllegalStateException: boom");
    }
    assertThat(vigil.timeline().byType(HttpEntries.handlerFailed("POST", "/hook")))
        .singleElement()
        .satisfies(entry -> assertThat(entry.summary()).contains("boom"));
  }

  @Test
  void drops_the_connection_without_answering() throws IOException {
    server.when(post("/hook")).failFirst(1, Response.dropConnection()).respond(Response.ok());

    try (RawClient client = new RawClient(server.port())) {
      client.send(RawClient.post("/hook", "{}"));
      assertThat(client.closedByServer()).isTrue();
    }
    assertThat(statuses("/hook", 1)).containsExactly(200);
    assertThat(vigil.timeline().byType(HttpEntries.drop("POST", "/hook"))).hasSize(1);
  }

  @Test
  void a_delayed_response_waits_for_virtual_time() throws Exception {
    try (Vigil virtual = Vigil.withVirtualTime();
        WebhookServer delayed = WebhookServer.start(virtual)) {
      delayed.when(post("/slow")).respond(Response.status(202).withDelay(Duration.ofSeconds(30)));
      CompletableFuture<Integer> status =
          CompletableFuture.supplyAsync(
              () -> {
                try (RawClient client = new RawClient(delayed.port())) {
                  return client.send(RawClient.post("/slow", "{}")).read().status();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      delayed.awaitRequest(post("/slow"), Duration.ofSeconds(1));
      // The server's thread puts the hold on the virtual clock: watch for it in real time.
      vigil
          .eventually(() -> !virtual.virtualTime().pending().isEmpty())
          .within(Duration.ofSeconds(5));
      assertThat(status).isNotDone();

      virtual.virtualTime().advanceBy(Duration.ofSeconds(30));

      assertThat(status.get(5, TimeUnit.SECONDS)).isEqualTo(202);
      assertThat(virtual.timeline().byType(HttpEntries.response(202, "POST", "/slow")))
          .singleElement()
          .satisfies(
              entry ->
                  assertThat(entry.at())
                      .isEqualTo(
                          delayed.requests().get(0).receivedAt().plus(Duration.ofSeconds(30))));
    }
  }

  @Test
  void closing_the_server_releases_a_response_held_by_a_delay() throws Exception {
    server.when(post("/slow")).respond(Response.ok().withDelay(Duration.ofHours(1)));
    RawClient client = new RawClient(server.port());
    client.send(RawClient.post("/slow", "{}"));
    server.awaitRequest(post("/slow"), Duration.ofSeconds(5));

    server.close();

    assertThat(client.closedByServer()).isTrue();
    client.close();
  }

  @Test
  void rejects_bad_scripts_with_the_parameter_and_value() {
    assertThatThrownBy(() -> Response.status(99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status must be between 200 and 599, was 99");
    assertThatThrownBy(() -> Response.ok().withDelay(Duration.ofSeconds(-1)))
        .hasMessage("delay must not be negative, was PT-1S");
    assertThatThrownBy(() -> Response.ok().withHeader("X-A", "a\r\nX-B: b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without line breaks");
    assertThatThrownBy(() -> server.when(post("/x")).failFirst(0, Response.status(503)))
        .hasMessage("times must be at least 1, was 0");
  }
}
