package dev.vigil.http;

import dev.vigil.http.internal.NearVariants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Tries what a sender may have signed instead of the expected bytes (near variants of the body, a
 * shifted Stripe timestamp, another hash, another header) to say what went wrong.
 */
final class VariantSearch {
  private static final String SIGNS_SOMETHING_ELSE =
      " — it signs something other than what it sends";

  private VariantSearch() {}

  /** One variant tried: what it was, whether the received signature matched it, what follows. */
  record Tried(String description, boolean matched, String conclusion) {}

  /** Tries every applicable variant against a signature that is well-formed but wrong. */
  static List<Tried> search(SignatureCheck check) {
    ReceivedSignature received = check.received().orElseThrow();
    WebhookSignature signature = check.signature();
    @Nullable String timestamp = check.timestamp().orElse(null);
    List<Tried> tried = new ArrayList<>();
    for (NearVariants.Variant variant : NearVariants.of(check.request().body())) {
      byte[] signed = ReceivedSignature.signedPayload(timestamp, variant.bytes());
      tried.add(signedInstead(variant.description(), received.carries(signature.mac(signed))));
    }
    if (timestamp != null) {
      tried.addAll(timestampVariants(check, received, timestamp));
    }
    tried.addAll(otherHashes(check, received));
    return tried;
  }

  private static Tried signedInstead(String description, boolean matched) {
    return new Tried(
        description, matched, "the sender signed " + description + SIGNS_SOMETHING_ELSE);
  }

  private static List<Tried> timestampVariants(
      SignatureCheck check, ReceivedSignature received, String timestamp) {
    long seconds = Long.parseLong(timestamp);
    byte[] body = check.request().body();
    List<Tried> tried = new ArrayList<>(4);
    tried.add(withTimestamp(check, received, seconds - 1, "the timestamp 1 s earlier"));
    tried.add(withTimestamp(check, received, seconds + 1, "the timestamp 1 s later"));
    // 15 digits at most, so the milliseconds cannot overflow a long.
    tried.add(withTimestamp(check, received, seconds * 1000, "the timestamp in milliseconds"));
    boolean bodyAlone = received.carries(check.signature().mac(body));
    tried.add(signedInstead("the body alone, without the \"<t>.\" prefix", bodyAlone));
    return tried;
  }

  private static Tried withTimestamp(
      SignatureCheck check, ReceivedSignature received, long seconds, String what) {
    String shifted = Long.toString(seconds);
    byte[] signed = ReceivedSignature.signedPayload(shifted, check.request().body());
    boolean matched = received.carries(check.signature().mac(signed));
    return signedInstead(what + " (\"" + shifted + ".…\")", matched);
  }

  /** A received MAC of another length than SHA-256's may be another HMAC of the same bytes. */
  private static List<Tried> otherHashes(SignatureCheck check, ReceivedSignature received) {
    List<Tried> tried = new ArrayList<>(1);
    for (int length : received.macLengths()) {
      Optional<String> algorithm = algorithmOfLength(length);
      if (algorithm.isPresent()) {
        String name = algorithm.get().replace("Hmac", "HMAC-");
        byte[] mac = check.signature().mac(algorithm.get(), check.signedBytes());
        tried.add(
            new Tried(
                "the same bytes with " + name + " (the received MAC is " + length + " bytes)",
                received.carries(mac),
                "the sender signs with " + name + ", not HMAC-SHA256 — the scheme differs"));
      }
    }
    return tried;
  }

  private static Optional<String> algorithmOfLength(int length) {
    return switch (length) {
      case 20 -> Optional.of("HmacSHA1");
      case 48 -> Optional.of("HmacSHA384");
      case 64 -> Optional.of("HmacSHA512");
      default -> Optional.empty();
    };
  }

  /** Names another header of the request that carries a valid signature, if one does. */
  static Optional<String> otherHeaderCarryingIt(SignatureCheck check) {
    for (String name : check.request().headers().keySet()) {
      if (SignatureCheck.of(check.signature().readingFrom(name), check.request()).passed()) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /**
   * Says when an out-of-tolerance {@code t} is plainly milliseconds: read as seconds it would be
   * within the tolerance.
   */
  static Optional<String> millisecondsHint(SignatureCheck check) {
    Optional<String> timestamp = check.timestamp();
    if (timestamp.isEmpty()) {
      return Optional.empty();
    }
    Instant asSeconds = Instant.ofEpochMilli(Long.parseLong(timestamp.get()));
    Duration drift = Duration.between(asSeconds, check.request().receivedAt()).abs();
    return drift.compareTo(check.signature().tolerance()) <= 0
        ? Optional.of(
            "t looks like milliseconds: read as such it is "
                + asSeconds
                + ", within the tolerance; Stripe's t counts seconds")
        : Optional.empty();
  }
}
