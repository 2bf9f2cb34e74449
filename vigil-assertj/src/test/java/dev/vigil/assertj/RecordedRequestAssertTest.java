package dev.vigil.assertj;

import static dev.vigil.assertj.VigilAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Vigil;
import dev.vigil.http.RecordedRequest;
import dev.vigil.http.SignatureMismatchError;
import dev.vigil.http.WebhookServer;
import dev.vigil.http.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Assertions on one captured request, message by message. */
class RecordedRequestAssertTest {
  private static final String NL = System.lineSeparator();
  private static final String SECRET = "It's a Secret to Everybody";
  private static final WebhookSignature GITHUB =
      WebhookSignature.hmacSha256Hex("X-Hub-Signature-256", "sha256=", SECRET);
  private static final String ORDER = "{\"order_id\":\"ord-1\",\"amount\":99.99}";

  @AutoClose private final Vigil vigil = Vigil.withVirtualTime();
  @AutoClose private final WebhookServer server = WebhookServer.start(vigil);

  private RecordedRequest receive(String requestLine, List<String> headers, String body) {
    RawHttp.send(server.port(), requestLine, headers, body);
    List<RecordedRequest> requests = server.requests();
    return requests.get(requests.size() - 1);
  }

  private RecordedRequest order() {
    return receive(
        "POST /payment-complete?attempt=2 HTTP/1.1",
        List.of("Content-Type: application/json", "X-Event: paid", "correlation-id: ord-1"),
        ORDER);
  }

  private static String expecting(RecordedRequest request) {
    return NL + "Expecting request:" + NL + "  " + request + NL;
  }

  @Test
  void every_part_of_a_matching_request_passes() {
    assertThat(order())
        .hasMethod("post")
        .hasPath("/payment-complete")
        .hasHeader("x-event", "paid")
        .hasHeader("CONTENT-TYPE")
        .hasQueryParameter("attempt", "2")
        .hasJsonField("order_id", "ord-1")
        .hasJsonField("/amount", 99.990)
        .hasBody(ORDER)
        .hasBodyContaining("\"ord-1\"")
        .hasCorrelationId("ord-1");
  }

  @Test
  void another_method_or_path_fails_with_both_for_an_ide_diff() {
    RecordedRequest call = order();

    assertThatThrownBy(() -> assertThat(call).hasMethod("put"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            NL
                + "Expecting request:"
                + NL
                + "  #1 POST /payment-complete?attempt=2 (35 bytes) at 2026-01-01T00:00:00Z"
                + NL
                + "to have method PUT, but it was POST.");
    assertThatThrownBy(() -> assertThat(call).hasPath("/payment"))
        .hasMessage(expecting(call) + "to have path /payment, but it was /payment-complete.");
  }

  @Test
  void a_header_with_another_value_or_none_fails_listing_the_header_names_sorted() {
    RecordedRequest call = order();
    String headers =
        "  headers: Connection, Content-Length, Content-Type, correlation-id, Host, X-Event" + NL;

    assertThatThrownBy(() -> assertThat(call).hasHeader("X-Event", "refunded"))
        .hasMessage(
            expecting(call)
                + headers
                + "to have header X-Event = \"refunded\", but it was \"paid\".");
    assertThatThrownBy(() -> assertThat(call).hasHeader("X-Signature", "s"))
        .hasMessage(
            expecting(call)
                + headers
                + "to have header X-Signature = \"s\", but it had no X-Signature header.");
    assertThatThrownBy(() -> assertThat(call).hasHeader("X-Signature"))
        .hasMessage(
            expecting(call)
                + headers
                + "to have header X-Signature, but it had no X-Signature"
                + " header.");
  }

  @Test
  void a_header_sent_twice_lists_both_values() {
    RecordedRequest call = receive("POST /hook HTTP/1.1", List.of("X-Tag: a", "X-Tag: b"), "");

    assertThat(call).hasHeader("x-tag", "b");
    assertThatThrownBy(() -> assertThat(call).hasHeader("X-Tag", "c"))
        .hasMessage(
            expecting(call)
                + "  headers: Connection, Content-Length, Host, X-Tag"
                + NL
                + "to have header X-Tag = \"c\", but its values were [\"a\", \"b\"].");
  }

  @Test
  void a_query_parameter_with_another_value_or_none_fails() {
    RecordedRequest call = order();

    assertThatThrownBy(() -> assertThat(call).hasQueryParameter("attempt", "3"))
        .hasMessage(
            expecting(call) + "to have query parameter attempt = \"3\", but it had [\"2\"].");
    assertThatThrownBy(() -> assertThat(call).hasQueryParameter("page", "1"))
        .hasMessage(
            expecting(call)
                + "to have query parameter page = \"1\", but it had no query parameter page.");
  }

  @Test
  void a_json_field_that_differs_is_missing_or_in_no_json_fails_showing_the_body() {
    RecordedRequest call = order();
    String body = "  body:    " + ORDER + NL;

    assertThatThrownBy(() -> assertThat(call).hasJsonField("order_id", "ord-2"))
        .hasMessage(
            expecting(call)
                + body
                + "to have json order_id = \"ord-2\", but json order_id was \"ord-1\".");
    assertThatThrownBy(() -> assertThat(call).hasJsonField("customer.id", "c-1"))
        .hasMessage(
            expecting(call)
                + body
                + "to have json customer.id = \"c-1\", but json customer.id is missing.");
    RecordedRequest text = receive("POST /hook HTTP/1.1", List.of(), "status=paid");
    assertThatThrownBy(() -> assertThat(text).hasJsonField("status", "paid"))
        .hasMessage(
            expecting(text)
                + "  body:    status=paid"
                + NL
                + "to have json status = \"paid\", but the body is not JSON.");
    RecordedRequest empty = receive("POST /hook HTTP/1.1", List.of(), "");
    assertThatThrownBy(() -> assertThat(empty).hasJsonField("status", "paid"))
        .hasMessage(
            expecting(empty)
                + "  body:    (empty)"
                + NL
                + "to have json status = \"paid\", but the body is empty.");
  }

  @Test
  void another_body_fails_with_both_texts() {
    RecordedRequest call = receive("POST /hook HTTP/1.1", List.of(), "line 1\nline 2");

    assertThatThrownBy(() -> assertThat(call).hasBody("line 1\nline 3"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            expecting(call) + "to have body \"line 1\\nline 3\", but it was \"line 1\\nline 2\".");
    assertThatThrownBy(() -> assertThat(call).hasBodyContaining("line 3"))
        .hasMessage(
            expecting(call)
                + "  body:    line 1\\nline 2"
                + NL
                + "to have a body containing \"line 3\", but it did not.");
  }

  @Test
  void another_correlation_id_or_none_fails() {
    RecordedRequest call = order();
    RecordedRequest anonymous = receive("POST /hook HTTP/1.1", List.of(), "");

    assertThatThrownBy(() -> assertThat(call).hasCorrelationId("ord-2"))
        .hasMessage(expecting(call) + "to have correlation id ord-2, but it had ord-1.");
    assertThatThrownBy(() -> assertThat(anonymous).hasCorrelationId("ord-2"))
        .hasMessage(expecting(anonymous) + "to have correlation id ord-2, but it had none.");
  }

  @Test
  void a_valid_signature_passes() {
    byte[] body = ORDER.getBytes(StandardCharsets.UTF_8);

    RecordedRequest call =
        receive(
            "POST /hooks/github HTTP/1.1",
            List.of("X-Hub-Signature-256: " + GITHUB.sign(body)),
            ORDER);

    assertThat(call).hasValidSignature(GITHUB);
  }

  @Test
  void an_invalid_signature_fails_with_the_signature_diagnosis_and_its_error_as_cause() {
    String sent = "{\"action\": \"opened\", \"number\": 1}";
    String signedInstead = "{\"action\":\"opened\",\"number\":1}";
    RecordedRequest call =
        receive(
            "POST /hooks/github HTTP/1.1",
            List.of(
                "X-Hub-Signature-256: "
                    + GITHUB.sign(signedInstead.getBytes(StandardCharsets.UTF_8))),
            sent);

    assertThatThrownBy(() -> assertThat(call).hasValidSignature(GITHUB))
        .hasCauseInstanceOf(SignatureMismatchError.class)
        .hasMessage(
            String.join(
                NL,
                "",
                "Expecting request:",
                "  #1 POST /hooks/github (33 bytes) at 2026-01-01T00:00:00Z",
                "to carry a valid signature, but:",
                "  Webhook signature does not match.",
                "    request:    #1 POST /hooks/github (33 bytes) at 2026-01-01T00:00:00Z",
                "    scheme:     HMAC-SHA256 (hex) in header X-Hub-Signature-256 with prefix"
                    + " 'sha256='",
                "    secret:     \"It's…\" (26 chars, SHA-256 fingerprint 2f8894d9)",
                "    header:     X-Hub-Signature-256",
                "    signed:     \"{\\\"action\\\": \\\"opened\\\", \\\"number\\\": 1}\" (33 bytes)",
                "    expected:  "
                    + " sha256=71e48d94c6a378955aebd05092afd9720410716a8126b44216591bf525944872",
                "    received:  "
                    + " sha256=1a763b1f352d220a314db46b42b1cbc50b0032b00015fd3d038d42c3666b7217",
                "  Would the received signature match had the sender signed…",
                "    - the body with a trailing newline: no",
                "    - the JSON re-serialised compactly (Jackson): YES",
                "    - the JSON pretty-printed (Jackson): no",
                "  → the sender signed the JSON re-serialised compactly (Jackson) — it signs"
                    + " something other than what it sends."));
  }

  @Test
  void with_fail_message_replaces_and_as_prefixes_the_text() {
    RecordedRequest call = order();

    assertThatThrownBy(() -> assertThat(call).withFailMessage("wrong hook").hasPath("/x"))
        .hasMessage("wrong hook");
    assertThatThrownBy(() -> assertThat(call).as("payment hook").hasPath("/x"))
        .hasMessageStartingWith("[payment hook] " + NL + "Expecting request:");
    assertThatThrownBy(() -> assertThat((RecordedRequest) null).hasPath("/x"))
        .hasMessage(NL + "Expecting actual not to be null");
  }
}
