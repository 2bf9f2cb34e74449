package dev.vigil.http;

import dev.vigil.http.VariantSearch.Tried;
import dev.vigil.http.internal.BodyText;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The one place where signature failures are written: a one-line reason for request matchers and
 * the full text of a {@link SignatureMismatchError}, each pinned by a test.
 */
final class SignatureDiagnosis {
  private static final String NL = System.lineSeparator();
  private static final int SHOWN_BYTES = 500;
  private static final String NONE_MATCHED =
      "none matched: the secret or the scheme probably differs";

  private SignatureDiagnosis() {}

  /** Says in one line why the check failed. */
  static String oneLine(SignatureCheck check) {
    String header = check.signature().header();
    return switch (check.outcome()) {
      case MISSING -> "no " + header + " header (headers present: " + presentHeaders(check) + ")";
      case MALFORMED -> header + " is malformed: " + malformation(check);
      case WRONG ->
          header
              + " does not match what the secret "
              + check.signature().describeSecret()
              + " signs: "
              + conclusion(VariantSearch.search(check));
      case OUT_OF_TOLERANCE ->
          header + " timestamp is outside the tolerance: " + toleranceSummary(check);
      case VALID -> "the signature is valid";
    };
  }

  /** Writes the failure in full: the request, the scheme, what was signed and what was found. */
  static String fullText(SignatureCheck check) {
    StringBuilder out = new StringBuilder(headline(check));
    fact(out, "request", check.request().toString());
    fact(out, "scheme", check.signature().describeScheme());
    fact(out, "secret", check.signature().describeSecret());
    switch (check.outcome()) {
      case MISSING -> missing(out, check);
      case MALFORMED -> malformed(out, check);
      case WRONG -> wrong(out, check);
      case OUT_OF_TOLERANCE -> outOfTolerance(out, check);
      case VALID -> out.append(NL).append("(the signature is valid)");
    }
    return out.toString();
  }

  private static String headline(SignatureCheck check) {
    String header = check.signature().header();
    return switch (check.outcome()) {
      case MISSING -> "Webhook signature missing: the request has no " + header + " header.";
      case MALFORMED -> "Webhook signature malformed: " + malformation(check) + ".";
      case WRONG -> "Webhook signature does not match.";
      case OUT_OF_TOLERANCE ->
          "Webhook signature timestamp outside the tolerance: " + toleranceSummary(check) + ".";
      case VALID -> "Webhook signature valid.";
    };
  }

  private static void missing(StringBuilder out, SignatureCheck check) {
    fact(out, "header", check.signature().header() + " is missing");
    fact(out, "present", presentHeaders(check));
    if (check.signature().scheme() != SignatureScheme.STRIPE) {
      signedAndExpected(out, check);
    }
    VariantSearch.otherHeaderCarryingIt(check)
        .ifPresent(
            name ->
                conclude(
                    out,
                    "header "
                        + name
                        + " carries a valid signature: the sender uses that name"
                        + " (withHeader(\""
                        + name
                        + "\"))"));
  }

  private static void malformed(StringBuilder out, SignatureCheck check) {
    fact(out, "header", check.signature().header());
    fact(out, "received", received(check));
    // Without a timestamp there is no telling what a Stripe sender should have signed.
    if (check.signature().scheme() != SignatureScheme.STRIPE || check.timestamp().isPresent()) {
      signedAndExpected(out, check);
    }
  }

  private static void wrong(StringBuilder out, SignatureCheck check) {
    fact(out, "header", check.signature().header());
    signedAndExpected(out, check);
    fact(out, "received", received(check));
    timestampFacts(out, check);
    List<Tried> tried = VariantSearch.search(check);
    out.append(NL).append("Would the received signature match had the sender signed…");
    for (Tried variant : tried) {
      out.append(NL)
          .append("  - ")
          .append(variant.description())
          .append(variant.matched() ? ": YES" : ": no");
    }
    conclude(out, conclusion(tried));
  }

  private static void outOfTolerance(StringBuilder out, SignatureCheck check) {
    fact(out, "header", check.signature().header());
    fact(out, "received", received(check));
    timestampFacts(out, check);
    conclude(
        out,
        VariantSearch.millisecondsHint(check)
            .orElse(
                "the signature itself matches: the sender's clock or the test's (virtual) clock"
                    + " is off, or the request was replayed"));
  }

  private static void signedAndExpected(StringBuilder out, SignatureCheck check) {
    byte[] signed = check.signedBytes();
    fact(
        out,
        "signed",
        BodyText.escaped(signed, SHOWN_BYTES)
            + " ("
            + signed.length
            + " bytes"
            + (check.timestamp().isPresent() ? ", the \"<t>.\" prefix included)" : ")"));
    WebhookSignature signature = check.signature();
    fact(
        out,
        "expected",
        signature.headerValue(signature.mac(signed), check.timestamp().orElse(null)));
  }

  private static void timestampFacts(StringBuilder out, SignatureCheck check) {
    check
        .received()
        .flatMap(ReceivedSignature::signedAt)
        .ifPresent(
            signedAt -> {
              fact(out, "signed at", signedAt + " (t=" + check.timestamp().orElse("") + ")");
              fact(out, "arrived at", check.request().receivedAt().toString());
              fact(out, "difference", driftText(check));
              fact(
                  out,
                  "tolerance",
                  check.signature().tolerance()
                      + (check.withinTolerance() ? ", respected" : ", exceeded"));
            });
  }

  private static String toleranceSummary(SignatureCheck check) {
    return driftText(check) + ", tolerance " + check.signature().tolerance();
  }

  private static String driftText(SignatureCheck check) {
    Duration drift = check.drift().orElse(Duration.ZERO);
    return drift.isNegative()
        ? "signed " + drift.negated() + " after arrival (in the future)"
        : "signed " + drift + " before arrival";
  }

  private static String conclusion(List<Tried> tried) {
    return tried.stream()
        .filter(Tried::matched)
        .map(Tried::conclusion)
        .findFirst()
        .orElse(NONE_MATCHED);
  }

  private static String malformation(SignatureCheck check) {
    return check.received().flatMap(ReceivedSignature::malformation).orElse("");
  }

  private static String received(SignatureCheck check) {
    return check.received().map(ReceivedSignature::value).orElse("");
  }

  private static String presentHeaders(SignatureCheck check) {
    var names = check.request().headers().keySet();
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  private static void fact(StringBuilder out, String label, String value) {
    out.append(NL).append(String.format(Locale.ROOT, "  %-12s", label + ":")).append(value);
  }

  private static void conclude(StringBuilder out, String conclusion) {
    out.append(NL).append("→ ").append(conclusion).append('.');
  }
}
