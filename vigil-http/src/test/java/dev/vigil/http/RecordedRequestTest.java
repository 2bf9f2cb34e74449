package dev.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedRequestTest {

  record Payment(String order_id, double amount) {}

  @Test
  void binds_a_json_body_to_a_record() {
    RecordedRequest request =
        Requests.of("POST", "/hook", "{\"order_id\":\"ord-1\",\"amount\":99.99}");
    assertThat(request.bodyAs(Payment.class)).isEqualTo(new Payment("ord-1", 99.99));
  }

  @Test
  void a_body_that_does_not_fit_the_type_fails_naming_type_and_body() {
    RecordedRequest request = Requests.of("POST", "/hook", "{\"order_id\":[1]}");
    assertThatThrownBy(() -> request.bodyAs(Payment.class))
        .isInstanceOf(BodyDecodingException.class)
        .hasMessageContaining("body is not JSON as " + Payment.class.getName())
        .hasMessageEndingWith("raw body (16 bytes): \"{\\\"order_id\\\":[1]}\"");
  }

  @Test
  void decodes_a_form_body_and_the_query() {
    RecordedRequest request =
        Requests.of(
            "POST",
            "/form?tag=a&tag=b%20c",
            "name=J%C3%BCrgen&empty=&flag",
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertThat(request.form())
        .containsEntry("name", List.of("Jürgen"))
        .containsEntry("empty", List.of(""))
        .containsEntry("flag", List.of(""));
    assertThat(request.queryParameters()).containsEntry("tag", List.of("a", "b c"));
  }

  @Test
  void text_in_the_declared_charset_and_a_clear_failure_for_bytes_it_cannot_hold() {
    RecordedRequest latin =
        new RecordedRequest(
            1,
            "POST",
            "/t",
            "",
            Requests.of("POST", "/t", "", "Content-Type", "text/plain; charset=ISO-8859-1")
                .headers(),
            "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1),
            java.time.Instant.EPOCH,
            null,
            false);
    assertThat(latin.bodyAsText()).isEqualTo("café");

    RecordedRequest broken = Requests.of("POST", "/t", "");
    RecordedRequest invalidUtf8 =
        new RecordedRequest(
            2,
            "POST",
            "/t",
            "",
            broken.headers(),
            new byte[] {(byte) 0xC3},
            java.time.Instant.EPOCH,
            null,
            false);
    assertThatThrownBy(invalidUtf8::bodyAsText)
        .isInstanceOf(BodyDecodingException.class)
        .hasMessageContaining("body is not text in UTF-8")
        .hasMessageEndingWith("raw body (1 bytes): \"\\xc3\"");
  }

  @Test
  void a_signature_condition_explains_a_mismatch_in_one_line() {
    WebhookSignature signature =
        WebhookSignature.hmacSha256Hex("X-Signature", "sha256=", "secret-1");
    String body = "{\"a\":1}";
    RecordedRequest good =
        Requests.of(
            "POST",
            "/hook",
            body,
            "X-Signature",
            signature.sign(body.getBytes(StandardCharsets.UTF_8)));
    RecordedRequest bad = Requests.of("POST", "/hook", body, "X-Signature", "sha256=00");
    RequestMatcher matcher = RequestMatcher.post("/hook").signedWith(signature);

    assertThat(matcher.match(good)).isNotNull();
    assertThat(matcher.match(bad)).isNull();
    assertThat(matcher.mismatches(bad)).singleElement().asString().contains("X-Signature");
  }
}
