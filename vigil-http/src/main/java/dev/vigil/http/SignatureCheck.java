package dev.vigil.http;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The outcome of checking one request against one {@link WebhookSignature}, with its facts. */
final class SignatureCheck {
  /** What was found, from the first problem on. */
  enum Outcome {
    VALID,
    MISSING,
    MALFORMED,
    WRONG,
    OUT_OF_TOLERANCE
  }

  private final WebhookSignature signature;
  private final RecordedRequest request;
  private final @Nullable ReceivedSignature received;
  private final Outcome outcome;

  private SignatureCheck(
      WebhookSignature signature,
      RecordedRequest request,
      @Nullable ReceivedSignature received,
      Outcome outcome) {
    this.signature = signature;
    this.request = request;
    this.received = received;
    this.outcome = outcome;
  }

  /** Checks {@code request}: header present, well-formed, MAC equal, then timestamp in range. */
  static SignatureCheck of(WebhookSignature signature, RecordedRequest request) {
    Optional<String> value = request.header(signature.header());
    if (value.isEmpty()) {
      return new SignatureCheck(signature, request, null, Outcome.MISSING);
    }
    ReceivedSignature received =
        ReceivedSignature.parse(signature.scheme(), signature.prefix(), value.get());
    SignatureCheck unjudged = new SignatureCheck(signature, request, received, Outcome.VALID);
    Outcome outcome;
    if (received.malformation().isPresent()) {
      outcome = Outcome.MALFORMED;
    } else if (!received.carries(signature.mac(unjudged.signedBytes()))) {
      outcome = Outcome.WRONG;
    } else if (!unjudged.withinTolerance()) {
      outcome = Outcome.OUT_OF_TOLERANCE;
    } else {
      outcome = Outcome.VALID;
    }
    return new SignatureCheck(signature, request, received, outcome);
  }

  boolean passed() {
    return outcome == Outcome.VALID;
  }

  Outcome outcome() {
    return outcome;
  }

  WebhookSignature signature() {
    return signature;
  }

  RecordedRequest request() {
    return request;
  }

  /** The parsed header; empty when the header was missing. */
  Optional<ReceivedSignature> received() {
    return Optional.ofNullable(received);
  }

  /** The Stripe timestamp as sent, if the header had one. */
  Optional<String> timestamp() {
    return received().flatMap(ReceivedSignature::timestamp);
  }

  /** The bytes the sender should have signed: the body, after {@code t.} under Stripe. */
  byte[] signedBytes() {
    return ReceivedSignature.signedPayload(timestamp().orElse(null), request.body());
  }

  /** How long after the signed time the request arrived (negative: signed in its future). */
  Optional<Duration> drift() {
    return received()
        .flatMap(ReceivedSignature::signedAt)
        .map(at -> Duration.between(at, request.receivedAt()));
  }

  /** Tells whether there is no timestamp, or it is within the tolerance of the arrival. */
  boolean withinTolerance() {
    return drift().map(d -> d.abs().compareTo(signature.tolerance()) <= 0).orElse(true);
  }
}
