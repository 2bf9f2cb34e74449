package dev.vigil.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/** Builds recorded requests for tests of matchers, without a server. */
final class Requests {
  private Requests() {}

  static RecordedRequest of(String method, String target, String body, String... headers) {
    TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], List.of(headers[i + 1]));
    }
    int question = target.indexOf('?');
    return new RecordedRequest(
        1,
        method,
        question < 0 ? target : target.substring(0, question),
        question < 0 ? "" : target.substring(question + 1),
        Collections.unmodifiableMap(map),
        body.getBytes(StandardCharsets.UTF_8),
        Instant.parse("2026-01-01T00:00:00Z"),
        null,
        false);
  }
}
