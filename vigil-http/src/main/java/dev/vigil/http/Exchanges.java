package dev.vigil.http;

import dev.vigil.Vigil;
import dev.vigil.http.internal.BodyText;
import dev.vigil.http.internal.ExchangeHandler;
import dev.vigil.http.internal.WireRequest;
import dev.vigil.http.internal.WireResponse;
import dev.vigil.timeline.Correlation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the connections read into journal entries, timeline entries and scripted responses.
 * Records a request before answering it, so that a wait woken by its entry finds it in the journal.
 */
final class Exchanges implements ExchangeHandler {
  private static final int SUMMARY_BYTES = 120;

  private final Vigil vigil;
  private final Journal journal;
  private final Routes routes;
  private final ResponseDelays delays;

  Exchanges(Vigil vigil, Journal journal, Routes routes, ResponseDelays delays) {
    this.vigil = vigil;
    this.journal = journal;
    this.routes = routes;
    this.delays = delays;
  }

  @Override
  public WireResponse handle(WireRequest wire, boolean secure) {
    Map<String, List<String>> headers = headersOf(wire.headers());
    @Nullable String correlationId = correlationIdOf(headers);
    RecordedRequest request =
        journal.add(
            // Read the clock under the journal's lock, so arrival times follow sequence numbers.
            sequence ->
                new RecordedRequest(
                    sequence,
                    wire.method(),
                    wire.path(),
                    wire.rawQuery(),
                    headers,
                    wire.body(),
                    vigil.time().instant(),
                    correlationId,
                    secure),
            this::announce);
    Response response = respond(request);
    delays.await(response.delay());
    String type =
        response.dropsConnection()
            ? HttpEntries.drop(wire.method(), wire.path())
            : HttpEntries.response(response.statusCode(), wire.method(), wire.path());
    vigil
        .timeline()
        .append(HttpEntries.SOURCE, type, correlationId, causationOf(request), "", Map.of());
    return response.toWire();
  }

  /** Appends the request's timeline entry, which wakes the waits. */
  private void announce(RecordedRequest request) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("sequence", String.valueOf(request.sequence()));
    attributes.put("bytes", String.valueOf(request.bodySize()));
    if (!request.rawQuery().isEmpty()) {
      attributes.put("query", request.rawQuery());
    }
    vigil
        .timeline()
        .append(
            HttpEntries.SOURCE,
            HttpEntries.request(request.method(), request.path()),
            request.correlationId().orElse(null),
            causationOf(request),
            BodyText.escaped(request.rawBody(), SUMMARY_BYTES),
            attributes);
  }

  private static String causationOf(RecordedRequest request) {
    return "request-" + request.sequence();
  }

  private Response respond(RecordedRequest request) {
    Routes.Match match = routes.find(request);
    if (match == null) {
      return Response.ok();
    }
    try {
      return match.route().answer(match.request());
    } catch (Exception | AssertionError | LinkageError e) {
      // An assertion inside a handler is a test's own check: show it rather than lose it.
      vigil
          .timeline()
          .append(
              HttpEntries.SOURCE,
              HttpEntries.handlerFailed(request.method(), request.path()),
              request.correlationId().orElse(null),
              causationOf(request),
              String.valueOf(e),
              Map.of());
      return Response.status(500)
          .withHeader("Content-Type", "text/plain; charset=utf-8")
          .withBody("route handler failed: " + e + "\n");
    }
  }

  @Override
  public void rejected(int status, String reason, @Nullable String method, @Nullable String path) {
    Instant at = vigil.time().instant();
    journal.reject(new RejectedRequest(status, reason, method, path, at), this::announce);
  }

  private void announce(RejectedRequest rejection) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("reason", rejection.reason());
    if (rejection.method() != null) {
      attributes.put("method", rejection.method());
    }
    if (rejection.path() != null) {
      attributes.put("path", rejection.path());
    }
    vigil
        .timeline()
        .append(
            HttpEntries.SOURCE,
            HttpEntries.rejected(rejection.status()),
            null,
            null,
            rejection.reason(),
            attributes);
  }

  private static Map<String, List<String>> headersOf(List<Map.Entry<String, String>> fields) {
    TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Map.Entry<String, String> field : fields) {
      headers.computeIfAbsent(field.getKey(), name -> new ArrayList<>(1)).add(field.getValue());
    }
    headers.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(headers);
  }

  private static @Nullable String correlationIdOf(Map<String, List<String>> headers) {
    List<String> explicit = headers.get(Correlation.HEADER);
    List<String> traceparent = headers.get("traceparent");
    if (explicit == null && traceparent == null) {
      return null;
    }
    Map<String, String> relevant = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (explicit != null) {
      relevant.put(Correlation.HEADER, explicit.get(0));
    }
    if (traceparent != null) {
      relevant.put("traceparent", traceparent.get(0));
    }
    try {
      return Correlation.from(relevant).orElse(null);
    } catch (IllegalArgumentException e) {
      // A malformed traceparent names no flow; the request is still recorded.
      return null;
    }
  }
}
