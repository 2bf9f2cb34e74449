package dev.vigil.assertj.internal;

import static dev.vigil.assertj.internal.Texts.NL;

import dev.vigil.http.BodyDecodingException;
import dev.vigil.http.JsonField;
import dev.vigil.http.RecordedRequest;
import dev.vigil.http.RequestMatcher;
import java.util.List;
import java.util.Optional;

/** The one place where the failure texts of request and webhook server assertions are written. */
public final class RequestTexts {

  private RequestTexts() {}

  /** The request had another value of a part shown on its summary line (method, path). */
  public static String part(RecordedRequest request, String part, String expected, String actual) {
    return expecting(request) + "to have " + part + " " + expected + ", but it was " + actual + ".";
  }

  /** The header was missing or had other values. */
  public static String header(RecordedRequest request, String name, String expected) {
    List<String> values = request.headers().get(name);
    String why;
    if (values == null || values.isEmpty()) {
      why = "it had no " + name + " header";
    } else if (values.size() == 1) {
      why = "it was " + Texts.render(values.get(0));
    } else {
      why = "its values were " + Texts.render(values);
    }
    return expecting(request)
        + headers(request)
        + "to have header "
        + name
        + " = "
        + Texts.render(expected)
        + ", but "
        + why
        + ".";
  }

  /** The header was missing. */
  public static String headerMissing(RecordedRequest request, String name) {
    return expecting(request)
        + headers(request)
        + "to have header "
        + name
        + ", but it had no "
        + name
        + " header.";
  }

  /** The JSON field was missing or different, or the body is empty or not JSON. */
  public static String jsonField(RecordedRequest request, JsonField field, String reason) {
    return expecting(request)
        + body(request)
        + "to have "
        + field.expectation()
        + ", but "
        + reason
        + ".";
  }

  /** The body was another text. */
  public static String body(RecordedRequest request, String expected) {
    return expecting(request)
        + "to have body "
        + Texts.render(Texts.oneLine(expected))
        + ", but it was "
        + bodyText(request).map(text -> Texts.render(Texts.oneLine(text))).orElse("not text")
        + ".";
  }

  /** The body did not contain the text. */
  public static String bodyContaining(RecordedRequest request, String expected) {
    return expecting(request)
        + body(request)
        + "to have a body containing "
        + Texts.render(Texts.oneLine(expected))
        + ", but it did not.";
  }

  /** The query parameter was missing or had other values. */
  public static String queryParameter(RecordedRequest request, String name, String expected) {
    List<String> values = request.queryParameters().get(name);
    return expecting(request)
        + "to have query parameter "
        + name
        + " = "
        + Texts.render(expected)
        + ", but "
        + (values == null ? "it had no query parameter " + name : "it had " + Texts.render(values))
        + ".";
  }

  /** The correlation id was missing or another. */
  public static String correlationId(RecordedRequest request, String expected) {
    Optional<String> actual = request.correlationId();
    return expecting(request)
        + "to have correlation id "
        + expected
        + ", but "
        + actual.map(id -> "it had " + id).orElse("it had none")
        + ".";
  }

  /** The signature check failed; its diagnosis follows, indented. */
  public static String signature(RecordedRequest request, String diagnosis) {
    return expecting(request)
        + "to carry a valid signature, but:"
        + NL
        + Texts.indent(diagnosis, 2);
  }

  /** No request received matched. */
  public static String noneReceived(
      String server, List<RecordedRequest> received, RequestMatcher matcher) {
    return received(server, received) + "to include a request " + matcher + ", but none matched.";
  }

  /** Another number of requests received matched. */
  public static String receivedTimes(
      String server,
      List<RecordedRequest> received,
      RequestMatcher matcher,
      int expected,
      List<RecordedRequest> matched) {
    return received(server, received)
        + "to include "
        + Texts.count(expected, "request")
        + " "
        + matcher
        + ", but "
        + (matched.isEmpty() ? "none matched" : matched.size() + " matched: " + numbers(matched))
        + ".";
  }

  /** A request matched that should not have come. */
  public static String unexpected(
      String server,
      List<RecordedRequest> received,
      RequestMatcher matcher,
      List<RecordedRequest> matched) {
    return received(server, received)
        + "to include no request "
        + matcher
        + ", but "
        + numbers(matched)
        + " matched.";
  }

  private static String numbers(List<RecordedRequest> requests) {
    return String.join(", ", requests.stream().map(r -> "#" + r.sequence()).toList());
  }

  private static String received(String server, List<RecordedRequest> received) {
    StringBuilder text =
        new StringBuilder(NL).append("Expecting the requests received by ").append(server);
    text.append(':');
    if (received.isEmpty()) {
      text.append(NL).append("  (none)");
    }
    for (RecordedRequest request : received) {
      text.append(NL).append("  ").append(request);
    }
    return text.append(NL).toString();
  }

  private static String expecting(RecordedRequest request) {
    return NL + "Expecting request:" + NL + "  " + request + NL;
  }

  private static String headers(RecordedRequest request) {
    String names = String.join(", ", request.headers().keySet());
    return "  headers: " + (names.isEmpty() ? "(none)" : names) + NL;
  }

  private static String body(RecordedRequest request) {
    if (request.bodySize() == 0) {
      return "  body:    (empty)" + NL;
    }
    return "  body:    " + bodyText(request).map(Texts::oneLine).orElse("(not text)") + NL;
  }

  private static Optional<String> bodyText(RecordedRequest request) {
    try {
      return Optional.of(request.bodyAsText());
    } catch (BodyDecodingException notText) {
      return Optional.empty();
    }
  }
}
