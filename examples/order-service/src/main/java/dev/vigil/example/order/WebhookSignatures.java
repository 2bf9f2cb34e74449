package dev.vigil.example.order;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The payment provider's webhook signature: header {@value #HEADER} is {@code sha256=} and the hex
 * HMAC-SHA256 of the raw body under the shared secret.
 */
public final class WebhookSignatures {
  /** The header that carries the signature. */
  public static final String HEADER = "X-Signature";

  /** What the signature starts with. */
  public static final String PREFIX = "sha256=";

  private final byte[] secret;

  /**
   * Signs and checks with {@code secret}.
   *
   * @param secret the secret shared with the provider
   */
  public WebhookSignatures(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Returns the signature of a body, as the header carries it.
   *
   * @param body the raw body
   * @return {@code sha256=<hex>}
   */
  public String sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /**
   * Checks a signature in constant time.
   *
   * @param body the raw body
   * @param header the header's value, or {@code null} when it was missing
   * @return {@code true} when it matches
   */
  public boolean verify(byte[] body, @Nullable String header) {
    return header != null
        && MessageDigest.isEqual(
            sign(body).getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
  }
}
