package dev.vigil.http;

import dev.vigil.http.internal.Hmac;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** How a webhook's HMAC-SHA256 travels in its header: hex or Base64 after a prefix, or Stripe's. */
enum SignatureScheme {
  HEX,
  BASE64,
  STRIPE;

  /** Renders a MAC as the header value; {@code timestamp} is Stripe's {@code t}. */
  String headerValue(String prefix, byte[] mac, @Nullable String timestamp) {
    return switch (this) {
      case HEX -> prefix + Hmac.hex(mac);
      case BASE64 -> prefix + Base64.getEncoder().encodeToString(mac);
      case STRIPE -> "t=" + timestamp + ",v1=" + Hmac.hex(mac);
    };
  }

  /** Such as {@code HMAC-SHA256 (hex) in header X-Signature with prefix 'sha256='}. */
  String describe(String header, String prefix, Duration tolerance) {
    return switch (this) {
      case HEX, BASE64 ->
          "HMAC-SHA256 ("
              + (this == HEX ? "hex" : "Base64")
              + ") in header "
              + header
              + (prefix.isEmpty() ? " without prefix" : " with prefix '" + prefix + "'");
      case STRIPE ->
          "Stripe (HMAC-SHA256 of \"<t>.<body>\", hex) in header "
              + header
              + ", tolerance "
              + tolerance;
    };
  }
}
