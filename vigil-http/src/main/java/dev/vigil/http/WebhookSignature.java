package dev.vigil.http;

import dev.vigil.http.internal.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How a webhook sender signs its requests, and the check that a {@link RecordedRequest} carries a
 * valid signature. A failed check throws a {@link SignatureMismatchError} that shows what was
 * signed, what was expected and received, and which near variant of the body (trimmed, another
 * newline, re-serialised JSON, another charset, a shifted timestamp) the sender signed instead.
 *
 * <pre>{@code
 * WebhookSignature github =
 *     WebhookSignature.hmacSha256Hex("X-Hub-Signature-256", "sha256=", secret)
 *         .withSecretLabel("GitHub test secret");
 * github.verify(server.awaitRequest(RequestMatcher.post("/github")));
 * }</pre>
 *
 * <p>Instances are immutable; the {@code withX} methods return copies. Failure texts never show the
 * secret: they show its label, or its first characters and length, and a short fingerprint.
 *
 * @since 0.1
 */
public final class WebhookSignature {
  /** The header names HTTP allows: RFC 9110 tokens. */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private final SignatureScheme scheme;
  private final String header;
  private final String prefix;
  private final byte[] secret;
  private final @Nullable String secretLabel;
  private final Duration tolerance;

  private WebhookSignature(
      SignatureScheme scheme,
      String header,
      String prefix,
      byte[] secret,
      @Nullable String secretLabel,
      Duration tolerance) {
    this.scheme = scheme;
    this.header = header;
    this.prefix = prefix;
    this.secret = secret;
    this.secretLabel = secretLabel;
    this.tolerance = tolerance;
  }

  /**
   * Expects {@code header} to hold {@code prefix} followed by the lowercase hexadecimal HMAC-SHA256
   * of the raw body; received hexadecimal may be in either case.
   *
   * @param header the header's name, such as {@code X-Hub-Signature-256}
   * @param prefix the text before the MAC, such as {@code sha256=}; may be empty
   * @param secret the shared secret, used as its UTF-8 bytes
   * @return the scheme
   */
  public static WebhookSignature hmacSha256Hex(String header, String prefix, String secret) {
    return new WebhookSignature(
        SignatureScheme.HEX,
        checkedHeader(header),
        checkedPrefix(prefix),
        utf8(secret),
        null,
        Duration.ZERO);
  }

  /**
   * Expects {@code header} to hold {@code prefix} followed by the standard Base64 HMAC-SHA256 of
   * the raw body.
   *
   * @param header the header's name, such as {@code X-Shopify-Hmac-Sha256}
   * @param prefix the text before the MAC; may be empty
   * @param secret the shared secret, used as its UTF-8 bytes
   * @return the scheme
   */
  public static WebhookSignature hmacSha256Base64(String header, String prefix, String secret) {
    return new WebhookSignature(
        SignatureScheme.BASE64,
        checkedHeader(header),
        checkedPrefix(prefix),
        utf8(secret),
        null,
        Duration.ZERO);
  }

  /**
   * Expects Stripe's scheme: a {@code Stripe-Signature} header {@code t=<unix seconds>,v1=<hex>}
   * (more {@code v1} while a secret rotates; any may match) whose MAC covers {@code <t>.} followed
   * by the raw body, with {@code t} within {@code tolerance} of the request's arrival on the
   * context's clock, before or after it.
   *
   * @param secret the endpoint's signing secret ({@code whsec_…}), used as its UTF-8 bytes
   * @param tolerance how far {@code t} may be from the arrival time; positive
   * @return the scheme
   */
  public static WebhookSignature stripe(String secret, Duration tolerance) {
    Objects.requireNonNull(tolerance, "tolerance must not be null");
    if (tolerance.isNegative() || tolerance.isZero()) {
      throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
    }
    return new WebhookSignature(
        SignatureScheme.STRIPE, "Stripe-Signature", "", utf8(secret), null, tolerance);
  }

  /**
   * Returns a copy that reads the signature from another header.
   *
   * @param name the header's name, compared without case
   * @return the copy
   */
  public WebhookSignature withHeader(String name) {
    return new WebhookSignature(
        scheme, checkedHeader(name), prefix, secret, secretLabel, tolerance);
  }

  /**
   * Returns a copy that uses raw bytes as the secret, for senders whose key is not text; the label
   * stays.
   *
   * @param secret the key's bytes, not empty; copied
   * @return the copy
   */
  public WebhookSignature withSecret(byte[] secret) {
    Objects.requireNonNull(secret, "secret must not be null");
    return new WebhookSignature(
        scheme, header, prefix, checkedSecret(secret.clone()), secretLabel, tolerance);
  }

  /**
   * Returns a copy whose failure texts name the secret by {@code label}.
   *
   * @param label such as {@code "staging GitHub secret"}; not blank
   * @return the copy
   */
  public WebhookSignature withSecretLabel(String label) {
    Objects.requireNonNull(label, "label must not be null");
    if (label.isBlank()) {
      throw new IllegalArgumentException("label must not be blank, was '" + label + "'");
    }
    return new WebhookSignature(scheme, header, prefix, secret, label, tolerance);
  }

  /**
   * Checks that {@code request} carries a valid signature.
   *
   * @param request the request as received
   * @throws SignatureMismatchError when the signature is missing, malformed, wrong or, under
   *     Stripe, outside the tolerance; its message explains the difference
   */
  public void verify(RecordedRequest request) {
    SignatureCheck check = SignatureCheck.of(this, checkedRequest(request));
    if (!check.passed()) {
      throw new SignatureMismatchError(SignatureDiagnosis.fullText(check));
    }
  }

  /**
   * Tells whether {@code request} carries a valid signature.
   *
   * @param request the request as received
   * @return {@code true} when {@link #verify(RecordedRequest)} would pass
   */
  public boolean matches(RecordedRequest request) {
    return SignatureCheck.of(this, checkedRequest(request)).passed();
  }

  /** Says in one line why {@code request}'s signature fails, or nothing when it is valid. */
  Optional<String> mismatch(RecordedRequest request) {
    SignatureCheck check = SignatureCheck.of(this, checkedRequest(request));
    return check.passed() ? Optional.empty() : Optional.of(SignatureDiagnosis.oneLine(check));
  }

  /**
   * Computes the header value a sender would send with {@code body}, for the hex and Base64
   * schemes.
   *
   * @param body the raw body
   * @return such as {@code sha256=7571…}
   * @throws IllegalStateException for Stripe, which signs a timestamp too
   */
  public String sign(byte[] body) {
    Objects.requireNonNull(body, "body must not be null");
    if (scheme == SignatureScheme.STRIPE) {
      throw new IllegalStateException(
          "the Stripe scheme signs a timestamp too: use sign(body, timestamp)");
    }
    return headerValue(mac(body), null);
  }

  /**
   * Computes the {@code Stripe-Signature} value a sender would send with {@code body} at {@code
   * timestamp}.
   *
   * @param body the raw body
   * @param timestamp the signing time; its fraction of a second is dropped
   * @return such as {@code t=1767225600,v1=5f0c…}
   * @throws IllegalStateException for the hex and Base64 schemes, which sign no timestamp
   */
  public String sign(byte[] body, Instant timestamp) {
    Objects.requireNonNull(body, "body must not be null");
    Objects.requireNonNull(timestamp, "timestamp must not be null");
    if (scheme != SignatureScheme.STRIPE) {
      throw new IllegalStateException(describeScheme() + " signs no timestamp: use sign(body)");
    }
    String seconds = Long.toString(timestamp.getEpochSecond());
    return headerValue(mac(ReceivedSignature.signedPayload(seconds, body)), seconds);
  }

  /**
   * Describes the scheme and names the secret without revealing it.
   *
   * @return such as {@code HMAC-SHA256 (hex) in header X-Signature with prefix 'sha256=', secret
   *     "It's…" (26 chars, SHA-256 fingerprint 4bf1a3e2)}
   */
  @Override
  public String toString() {
    return describeScheme() + ", secret " + describeSecret();
  }

  /** A copy reading another header, whatever its name: for names taken from a request. */
  WebhookSignature readingFrom(String name) {
    return new WebhookSignature(scheme, name, prefix, secret, secretLabel, tolerance);
  }

  SignatureScheme scheme() {
    return scheme;
  }

  String header() {
    return header;
  }

  String prefix() {
    return prefix;
  }

  Duration tolerance() {
    return tolerance;
  }

  /** The MAC of {@code signed} under the scheme's algorithm. */
  byte[] mac(byte[] signed) {
    return Hmac.compute(Hmac.SHA256, secret, signed);
  }

  /** The MAC of {@code signed} under another algorithm, to test whether the sender used it. */
  byte[] mac(String algorithm, byte[] signed) {
    return Hmac.compute(algorithm, secret, signed);
  }

  /** Renders a MAC as the header value, with the Stripe timestamp when there is one. */
  String headerValue(byte[] mac, @Nullable String timestamp) {
    return scheme.headerValue(prefix, mac, timestamp);
  }

  /** Such as {@code HMAC-SHA256 (hex) in header X-Signature with prefix 'sha256='}. */
  String describeScheme() {
    return scheme.describe(header, prefix, tolerance);
  }

  /** The label, or the masked secret, with the fingerprint. */
  String describeSecret() {
    return secretLabel == null
        ? Hmac.maskedSecret(secret)
        : "'" + secretLabel + "' (" + Hmac.fingerprint(secret) + ")";
  }

  private static String checkedHeader(String header) {
    Objects.requireNonNull(header, "header must not be null");
    if (header.isBlank()) {
      throw new IllegalArgumentException("header must not be blank, was '" + header + "'");
    }
    if (!HEADER_NAME.matcher(header).matches()) {
      throw new IllegalArgumentException(
          "header must be a header name (letters, digits and !#$%&'*+-.^_`|~), was '"
              + header
              + "'");
    }
    return header;
  }

  private static String checkedPrefix(String prefix) {
    return Objects.requireNonNull(prefix, "prefix must not be null (use \"\" for none)");
  }

  private static byte[] utf8(String secret) {
    Objects.requireNonNull(secret, "secret must not be null");
    return checkedSecret(secret.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] checkedSecret(byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("secret must not be empty");
    }
    return secret;
  }

  private static RecordedRequest checkedRequest(RecordedRequest request) {
    return Objects.requireNonNull(request, "request must not be null");
  }
}
