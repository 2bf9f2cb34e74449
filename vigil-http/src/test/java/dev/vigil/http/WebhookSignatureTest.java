package dev.vigil.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final String NL = System.lineSeparator();
  private static final Instant ARRIVAL = Instant.parse("2026-01-01T00:00:00Z");
  private static final String GITHUB_SECRET = "It's a Secret to Everybody";
  private static final WebhookSignature GITHUB =
      WebhookSignature.hmacSha256Hex("X-Hub-Signature-256", "sha256=", GITHUB_SECRET);
  private static final WebhookSignature SENDER_WITH_OTHER_SECRET =
      WebhookSignature.hmacSha256Hex("X-Hub-Signature-256", "sha256=", "another secret");

  @Test
  void accepts_githubs_documented_example() {
    RecordedRequest request =
        post(
            "Hello, World!",
            "X-Hub-Signature-256",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");

    GITHUB.verify(request);
    assertThat(GITHUB.matches(request)).isTrue();
    assertThat(GITHUB.mismatch(request)).isEmpty();
  }

  @Test
  void hex_and_base64_signatures_round_trip_and_match_an_independent_hmac() throws Exception {
    byte[] body = "{\"id\":42}".getBytes(UTF_8);
    byte[] mac = independentHmac(GITHUB_SECRET, body);
    WebhookSignature base64 =
        WebhookSignature.hmacSha256Base64("X-Shopify-Hmac-Sha256", "", GITHUB_SECRET);

    assertThat(GITHUB.sign(body)).isEqualTo("sha256=" + HexFormat.of().formatHex(mac));
    assertThat(base64.sign(body)).isEqualTo(Base64.getEncoder().encodeToString(mac));
    GITHUB.verify(post(body, "X-Hub-Signature-256", GITHUB.sign(body)));
    base64.verify(post(body, "x-shopify-hmac-sha256", base64.sign(body)));
  }

  @Test
  void accepts_uppercase_hex() {
    String upper = "sha256=" + GITHUB.sign(bytes("Hello")).substring(7).toUpperCase(Locale.ROOT);

    assertThat(GITHUB.matches(post("Hello", "X-Hub-Signature-256", upper))).isTrue();
  }

  @Test
  void wrong_secret_fails_showing_scheme_secret_signed_bytes_and_both_signatures() {
    RecordedRequest request = signedBy(SENDER_WITH_OTHER_SECRET, "Hello, World!");

    assertVerifyFails(GITHUB, request)
        .hasMessageStartingWith("Webhook signature does not match.")
        .hasMessageContaining("  request:    #7 POST /hooks/github (13 bytes) at " + ARRIVAL)
        .hasMessageContaining("  scheme:     HMAC-SHA256 (hex) in header X-Hub-Signature-256")
        .hasMessageContaining("  secret:     \"It's…\" (26 chars, SHA-256 fingerprint 2f8894d9)")
        .hasMessageContaining("  signed:     \"Hello, World!\" (13 bytes)")
        .hasMessageContaining(
            "  expected:   sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")
        .hasMessageContaining(
            "  received:   " + SENDER_WITH_OTHER_SECRET.sign(bytes("Hello, World!")))
        .hasMessageContaining("  - the body with a trailing newline: no")
        .hasMessageEndingWith("→ none matched: the secret or the scheme probably differs.");
  }

  @Test
  void pins_the_full_text_of_a_signature_over_re_serialised_json() {
    String sent = "{\"action\": \"opened\", \"number\": 1}";
    RecordedRequest request =
        post(
            sent,
            "X-Hub-Signature-256",
            GITHUB.sign(bytes("{\"action\":\"opened\",\"number\":1}")));

    assertVerifyFails(GITHUB, request)
        .hasMessage(
            String.join(
                NL,
                "Webhook signature does not match.",
                "  request:    #7 POST /hooks/github (33 bytes) at 2026-01-01T00:00:00Z",
                "  scheme:     HMAC-SHA256 (hex) in header X-Hub-Signature-256 with prefix"
                    + " 'sha256='",
                "  secret:     \"It's…\" (26 chars, SHA-256 fingerprint 2f8894d9)",
                "  header:     X-Hub-Signature-256",
                "  signed:     \"{\\\"action\\\": \\\"opened\\\", \\\"number\\\": 1}\" (33 bytes)",
                "  expected:   sha256=71e48d94c6a378955aebd05092afd9720410716a8126b44216591bf525944872",
                "  received:   sha256=1a763b1f352d220a314db46b42b1cbc50b0032b00015fd3d038d42c3666b7217",
                "Would the received signature match had the sender signed…",
                "  - the body with a trailing newline: no",
                "  - the JSON re-serialised compactly (Jackson): YES",
                "  - the JSON pretty-printed (Jackson): no",
                "→ the sender signed the JSON re-serialised compactly (Jackson) — it signs"
                    + " something other than what it sends."));
    assertThat(GITHUB.mismatch(request))
        .hasValue(
            "X-Hub-Signature-256 does not match what the secret \"It's…\" (26 chars, SHA-256"
                + " fingerprint 2f8894d9) signs: the sender signed the JSON re-serialised compactly (Jackson) — it"
                + " signs something other than what it sends");
  }

  @Test
  void names_each_near_variant_the_sender_signed_instead() {
    assertSignedInstead("  {\"a\":1}\n", "{\"a\":1}", "the body trimmed of surrounding whitespace");
    assertSignedInstead("{\"a\":1}", "{\"a\":1}\n", "the body with a trailing newline");
    assertSignedInstead("{\"a\":1}\n", "{\"a\":1}", "the body without its trailing newline");
    assertSignedInstead("a\r\nb", "a\nb", "the body with CRLF line endings turned into LF");
    assertSignedInstead("{\"a\":1}", "{\n  \"a\" : 1\n}", "the JSON pretty-printed (Jackson)");
    assertSignedInstead(
        "café".getBytes(UTF_8),
        "café".getBytes(ISO_8859_1),
        "the body re-encoded from UTF-8 to ISO-8859-1");
    assertSignedInstead(
        "café".getBytes(ISO_8859_1),
        "café".getBytes(UTF_8),
        "the body re-encoded from ISO-8859-1 to UTF-8");
  }

  @Test
  void recognises_a_sender_that_uses_hmac_sha1() throws Exception {
    Mac sha1 = Mac.getInstance("HmacSHA1");
    sha1.init(new SecretKeySpec(bytes(GITHUB_SECRET), "HmacSHA1"));
    String value = "sha256=" + HexFormat.of().formatHex(sha1.doFinal(bytes("x")));

    assertVerifyFails(GITHUB, post("x", "X-Hub-Signature-256", value))
        .hasMessageContaining(
            "  - the same bytes with HMAC-SHA1 (the received MAC is 20 bytes): YES")
        .hasMessageEndingWith(
            "→ the sender signs with HMAC-SHA1, not HMAC-SHA256 — the scheme differs.");
  }

  @Test
  void missing_header_lists_the_headers_present_and_one_that_carries_the_signature() {
    RecordedRequest request =
        post("Hello", "X-Signature", GITHUB.sign(bytes("Hello")), "Content-Type", "text/plain");

    assertVerifyFails(GITHUB, request)
        .hasMessageStartingWith(
            "Webhook signature missing: the request has no X-Hub-Signature-256 header.")
        .hasMessageContaining("  header:     X-Hub-Signature-256 is missing")
        .hasMessageContaining("  present:    Content-Type, X-Signature")
        .hasMessageContaining("  expected:   " + GITHUB.sign(bytes("Hello")))
        .hasMessageEndingWith(
            "→ header X-Signature carries a valid signature: the sender uses that name"
                + " (withHeader(\"X-Signature\")).");
    assertThat(GITHUB.mismatch(post("Hello")))
        .hasValue("no X-Hub-Signature-256 header (headers present: none)");
  }

  @Test
  void malformed_values_say_what_is_wrong_with_them() {
    assertVerifyFails(GITHUB, post("x", "X-Hub-Signature-256", "757107ea"))
        .hasMessageStartingWith(
            "Webhook signature malformed: it does not start with the prefix 'sha256='.")
        .hasMessageContaining("  received:   757107ea");
    assertThat(GITHUB.mismatch(post("x", "X-Hub-Signature-256", "sha256=xyz")))
        .hasValue("X-Hub-Signature-256 is malformed: what follows the prefix is not hexadecimal");
  }

  @Nested
  class Stripe {
    private static final String SECRET = "whsec_test_0123456789abcdef";
    private final WebhookSignature stripe =
        WebhookSignature.stripe(SECRET, Duration.ofMinutes(5)).withSecretLabel("Stripe test key");

    @Test
    void accepts_a_timestamp_within_the_tolerance_before_or_after_arrival() {
      byte[] body = bytes("{\"type\":\"charge.succeeded\"}");
      String value = stripe.sign(body, ARRIVAL.minusSeconds(300));

      assertThat(value).startsWith("t=1767225300,v1=").hasSize(16 + 64);
      stripe.verify(post(body, "Stripe-Signature", value));
      stripe.verify(post(body, "stripe-signature", stripe.sign(body, ARRIVAL.plusSeconds(300))));
    }

    @Test
    void accepts_any_v1_while_the_secret_rotates() {
      String old =
          WebhookSignature.stripe("whsec_old", Duration.ofMinutes(5)).sign(bytes("{}"), ARRIVAL);
      String current = stripe.sign(bytes("{}"), ARRIVAL);
      String both = old + "," + current.substring(current.indexOf("v1=")) + ",v0=abc";

      assertThat(stripe.matches(post("{}", "Stripe-Signature", both))).isTrue();
      assertThat(stripe.matches(post("{}", "Stripe-Signature", old))).isFalse();
    }

    @Test
    void rejects_a_timestamp_older_than_the_tolerance_showing_the_times() {
      String value = stripe.sign(bytes("{}"), ARRIVAL.minusSeconds(360));

      assertVerifyFails(stripe, post("{}", "Stripe-Signature", value))
          .hasMessageStartingWith(
              "Webhook signature timestamp outside the tolerance: signed PT6M before arrival,"
                  + " tolerance PT5M.")
          .hasMessageContaining("  signed at:  2025-12-31T23:54:00Z (t=1767225240)")
          .hasMessageContaining("  arrived at: 2026-01-01T00:00:00Z")
          .hasMessageContaining("  difference: signed PT6M before arrival")
          .hasMessageContaining("  tolerance:  PT5M, exceeded")
          .hasMessageContaining("→ the signature itself matches");
    }

    @Test
    void rejects_a_timestamp_in_the_future_beyond_the_tolerance() {
      String value = stripe.sign(bytes("{}"), ARRIVAL.plusSeconds(600));

      assertThat(stripe.mismatch(post("{}", "Stripe-Signature", value)))
          .hasValue(
              "Stripe-Signature timestamp is outside the tolerance: signed PT10M after arrival"
                  + " (in the future), tolerance PT5M");
    }

    @Test
    void says_when_t_counts_milliseconds() {
      String value = stripe.sign(bytes("{}"), Instant.ofEpochSecond(ARRIVAL.toEpochMilli()));

      assertVerifyFails(stripe, post("{}", "Stripe-Signature", value))
          .hasMessageContaining("  tolerance:  PT5M, exceeded")
          .hasMessageEndingWith(
              "→ t looks like milliseconds: read as such it is 2026-01-01T00:00:00Z, within the"
                  + " tolerance; Stripe's t counts seconds.");
    }

    @Test
    void names_the_shifted_timestamp_the_sender_signed_instead() {
      String inMillis = stripe.sign(bytes("{}"), Instant.ofEpochSecond(ARRIVAL.toEpochMilli()));
      String oneSecondLate = stripe.sign(bytes("{}"), ARRIVAL.plusSeconds(1));

      assertVerifyFails(stripe, post("{}", "Stripe-Signature", "t=1767225600" + v1(inMillis)))
          .hasMessageContaining(
              "  signed:     \"1767225600.{}\" (13 bytes, the \"<t>.\" prefix included)")
          .hasMessageContaining("  tolerance:  PT5M, respected")
          .hasMessageEndingWith(
              "→ the sender signed the timestamp in milliseconds (\"1767225600000.…\") — it"
                  + " signs something other than what it sends.");
      assertThat(
              stripe.mismatch(post("{}", "Stripe-Signature", "t=1767225600" + v1(oneSecondLate))))
          .hasValueSatisfying(
              reason ->
                  assertThat(reason)
                      .endsWith(
                          ": the sender signed the timestamp 1 s later (\"1767225601.…\") — it"
                              + " signs something other than what it sends"));
    }

    @Test
    void rejects_malformed_headers_saying_why() {
      assertThat(stripe.mismatch(post("{}", "Stripe-Signature", "t=abc,v1=00")))
          .hasValue(
              "Stripe-Signature is malformed: t must be one whole number of seconds, was 'abc'");
      assertThat(stripe.mismatch(post("{}", "Stripe-Signature", "t=1,t=2,v1=00")))
          .hasValue("Stripe-Signature is malformed: it has more than one t");
      assertVerifyFails(stripe, post("{}", "Stripe-Signature", "t=1767225600,v0=abcd"))
          .hasMessageStartingWith(
              "Webhook signature malformed: it has no v1 signature (keys present: [t, v0]).")
          .hasMessageContaining("  secret:     'Stripe test key' (SHA-256 fingerprint ")
          .hasMessageContaining("  expected:   t=1767225600,v1=");
    }

    private String v1(String value) {
      return value.substring(value.indexOf(','));
    }
  }

  @Test
  void never_shows_the_secret() {
    String secret = "whsec_very_secret_value_0123456789";
    WebhookSignature stripe = WebhookSignature.stripe(secret, Duration.ofMinutes(5));
    List<RecordedRequest> failing =
        List.of(
            post("{}"),
            post("{}", "Stripe-Signature", "t=1,v1=00"),
            post("{}", "Stripe-Signature", "garbage"),
            post("{}", "Stripe-Signature", stripe.sign(bytes("{}"), ARRIVAL.minusSeconds(3600))));

    for (RecordedRequest request : failing) {
      assertVerifyFails(stripe, request).message().doesNotContain(secret).doesNotContain("very");
      assertThat(stripe.mismatch(request).orElseThrow()).doesNotContain(secret);
    }
    assertThat(stripe.toString())
        .startsWith(
            "Stripe (HMAC-SHA256 of \"<t>.<body>\", hex) in header Stripe-Signature, tolerance"
                + " PT5M, secret \"whse…\" (34 chars, SHA-256 fingerprint ")
        .doesNotContain(secret);
  }

  @Test
  void reads_another_header_and_a_binary_secret_when_asked() {
    WebhookSignature binary =
        GITHUB.withHeader("X-Signature").withSecret(new byte[] {1, 2, 3}).withSecretLabel("k");

    assertThat(binary.matches(post("x", "X-Signature", binary.sign(bytes("x"))))).isTrue();
    assertThat(binary.matches(post("x", "X-Signature", GITHUB.sign(bytes("x"))))).isFalse();
  }

  @Test
  void rejects_bad_arguments_naming_them() {
    assertThatNullPointerException()
        .isThrownBy(() -> WebhookSignature.hmacSha256Hex(null, "sha256=", "s"))
        .withMessage("header must not be null");
    assertThatThrownBy(() -> WebhookSignature.hmacSha256Hex("  ", "sha256=", "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("header must not be blank, was '  '");
    assertThatThrownBy(() -> GITHUB.withHeader("X-Sig: 1"))
        .hasMessage(
            "header must be a header name (letters, digits and !#$%&'*+-.^_`|~), was 'X-Sig: 1'");
    assertThatThrownBy(() -> WebhookSignature.stripe("s", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must be positive, was PT-1S");
    assertThatThrownBy(() -> WebhookSignature.hmacSha256Base64("X", "", ""))
        .hasMessage("secret must not be empty");
    assertThatNullPointerException()
        .isThrownBy(() -> WebhookSignature.hmacSha256Base64("X", null, "s"))
        .withMessage("prefix must not be null (use \"\" for none)");
    assertThatNullPointerException()
        .isThrownBy(() -> GITHUB.verify(null))
        .withMessage("request must not be null");
    assertThatThrownBy(() -> GITHUB.withSecretLabel(" "))
        .hasMessage("label must not be blank, was ' '");
    assertThatThrownBy(() -> WebhookSignature.stripe("s", Duration.ofMinutes(1)).sign(new byte[0]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the Stripe scheme signs a timestamp too: use sign(body, timestamp)");
  }

  private static void assertSignedInstead(String sent, String signed, String variant) {
    assertSignedInstead(bytes(sent), bytes(signed), variant);
  }

  private static void assertSignedInstead(byte[] sent, byte[] signed, String variant) {
    RecordedRequest request = post(sent, "X-Hub-Signature-256", GITHUB.sign(signed));

    assertVerifyFails(GITHUB, request)
        .hasMessageContaining("  - " + variant + ": YES")
        .hasMessageEndingWith(
            "→ the sender signed " + variant + " — it signs something other than what it sends.");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertVerifyFails(
      WebhookSignature signature, RecordedRequest request) {
    return assertThatThrownBy(() -> signature.verify(request))
        .isInstanceOf(SignatureMismatchError.class)
        .isInstanceOf(AssertionError.class);
  }

  private static RecordedRequest signedBy(WebhookSignature sender, String body) {
    return post(body, "X-Hub-Signature-256", sender.sign(bytes(body)));
  }

  private static RecordedRequest post(String body, String... headerNamesAndValues) {
    return post(bytes(body), headerNamesAndValues);
  }

  private static RecordedRequest post(byte[] body, String... headerNamesAndValues) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < headerNamesAndValues.length; i += 2) {
      headers.put(headerNamesAndValues[i], List.of(headerNamesAndValues[i + 1]));
    }
    return new RecordedRequest(
        7,
        "POST",
        "/hooks/github",
        "",
        Collections.unmodifiableMap(headers),
        body,
        ARRIVAL,
        null,
        false);
  }

  private static byte[] independentHmac(String secret, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(bytes(secret), "HmacSHA256"));
    return mac.doFinal(body);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
