package dev.vigil.http;

import dev.vigil.http.internal.Hmac;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A signature header's value parsed by a scheme: the MACs it carries and, for Stripe, the signed
 * timestamp; or why it could not be parsed.
 */
final class ReceivedSignature {
  // Up to 15 digits: seconds or milliseconds for millions of years, and always a valid Instant.
  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,15}");

  private final String value;
  private final @Nullable String malformation;
  private final List<byte[]> macs;
  private final @Nullable String timestamp;

  private ReceivedSignature(
      String value, @Nullable String malformation, List<byte[]> macs, @Nullable String timestamp) {
    this.value = value;
    this.malformation = malformation;
    this.macs = macs;
    this.timestamp = timestamp;
  }

  /** Parses a header value in {@code scheme}, with {@code prefix} before hex or Base64. */
  static ReceivedSignature parse(SignatureScheme scheme, String prefix, String value) {
    String trimmed = value.trim();
    return switch (scheme) {
      case HEX -> parseEncoded(trimmed, prefix, "hexadecimal", Hmac::parseHex);
      case BASE64 -> parseEncoded(trimmed, prefix, "standard Base64", ReceivedSignature::base64);
      case STRIPE -> parseStripe(trimmed);
    };
  }

  /** Returns the bytes a sender signs: the body, preceded by {@code t.} under Stripe. */
  static byte[] signedPayload(@Nullable String timestamp, byte[] body) {
    if (timestamp == null) {
      return body;
    }
    byte[] head = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
    byte[] payload = new byte[head.length + body.length];
    System.arraycopy(head, 0, payload, 0, head.length);
    System.arraycopy(body, 0, payload, head.length, body.length);
    return payload;
  }

  private static ReceivedSignature parseEncoded(
      String value, String prefix, String encoding, Decoder decoder) {
    if (!value.startsWith(prefix)) {
      return malformed(value, "it does not start with the prefix '" + prefix + "'");
    }
    Optional<byte[]> mac = decoder.decode(value.substring(prefix.length()));
    if (mac.isEmpty()) {
      String hint =
          encoding.endsWith("Base64") && (value.contains("-") || value.contains("_"))
              ? " (it contains '-' or '_': URL-safe Base64?)"
              : "";
      String after = prefix.isEmpty() ? "it" : "what follows the prefix";
      return malformed(value, after + " is not " + encoding + hint);
    }
    return new ReceivedSignature(value, null, List.of(mac.get()), null);
  }

  private static ReceivedSignature parseStripe(String value) {
    String timestamp = null;
    List<byte[]> macs = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (String element : value.split(",", -1)) {
      String[] pair = element.trim().split("=", 2);
      Optional<String> problem = problemWith(pair, keys);
      if (problem.isPresent()) {
        return malformed(value, problem.get());
      }
      keys.add(pair[0]);
      if (pair[0].equals("t")) {
        timestamp = pair[1];
      } else if (pair[0].equals("v1")) {
        macs.add(Hmac.parseHex(pair[1]).orElseThrow());
      }
    }
    if (timestamp == null) {
      return malformed(value, "it has no timestamp t=… (keys present: " + keys + ")");
    }
    // Keep the timestamp: the failure can still show what the sender should have signed.
    String noV1 = macs.isEmpty() ? "it has no v1 signature (keys present: " + keys + ")" : null;
    return new ReceivedSignature(value, noV1, List.copyOf(macs), timestamp);
  }

  /** What is wrong with one {@code key=value} element of a Stripe header, if anything. */
  private static Optional<String> problemWith(String[] pair, Set<String> earlierKeys) {
    if (pair.length < 2) {
      return Optional.of("element '" + pair[0] + "' is not key=value");
    }
    if (pair[0].equals("t") && earlierKeys.contains("t")) {
      return Optional.of("it has more than one t");
    }
    if (pair[0].equals("t") && !TIMESTAMP.matcher(pair[1]).matches()) {
      return Optional.of("t must be one whole number of seconds, was '" + pair[1] + "'");
    }
    if (pair[0].equals("v1") && Hmac.parseHex(pair[1]).isEmpty()) {
      return Optional.of("v1 is not hexadecimal: '" + pair[1] + "'");
    }
    return Optional.empty();
  }

  private static ReceivedSignature malformed(String value, String reason) {
    return new ReceivedSignature(value, reason, List.of(), null);
  }

  private static Optional<byte[]> base64(String text) {
    try {
      return text.isEmpty() ? Optional.empty() : Optional.of(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The header value as received, trimmed. */
  String value() {
    return value;
  }

  /** Why the value could not be parsed, if it could not. */
  Optional<String> malformation() {
    return Optional.ofNullable(malformation);
  }

  /** Tells whether any received MAC equals {@code mac}, comparing in constant time. */
  boolean carries(byte[] mac) {
    boolean found = false;
    for (byte[] received : macs) {
      // No early exit: the time taken must not tell which MAC, or how much of it, matched.
      found |= MessageDigest.isEqual(received, mac);
    }
    return found;
  }

  /** The lengths of the received MACs, in bytes, without repeats. */
  Set<Integer> macLengths() {
    Set<Integer> lengths = new LinkedHashSet<>();
    macs.forEach(mac -> lengths.add(mac.length));
    return lengths;
  }

  /** The Stripe timestamp as sent (decimal seconds), if the value had one. */
  Optional<String> timestamp() {
    return Optional.ofNullable(timestamp);
  }

  /** The Stripe timestamp as an instant, if the value had one. */
  Optional<Instant> signedAt() {
    return timestamp().map(t -> Instant.ofEpochSecond(Long.parseLong(t)));
  }

  /** Decodes the signature text after the prefix; empty when it is not in the encoding. */
  @FunctionalInterface
  private interface Decoder {
    Optional<byte[]> decode(String text);
  }
}
