package dev.vigil.timeline;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The conventions by which the bus, the webhook server and user code tag observations with the same
 * correlation id: a {@value #HEADER} message attribute or HTTP header, or failing that the trace id
 * of a W3C {@value Traceparent#HEADER}.
 *
 * @since 0.1
 */
public final class Correlation {
  /** The message attribute and HTTP header that carries a correlation id. */
  public static final String HEADER = "correlation-id";

  private Correlation() {}

  /**
   * Generates a new correlation id, a random UUID.
   *
   * @return the id
   */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /**
   * Generates a correlation id from {@code random}, so that a seeded run repeats its ids.
   *
   * @param random the source
   * @return the id, in UUID form
   */
  public static String newId(RandomGenerator random) {
    Objects.requireNonNull(random, "random must not be null");
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low).toString();
  }

  /**
   * Finds the correlation id in message attributes or HTTP headers (names compared without case):
   * the {@value #HEADER} entry, else the trace id of a valid {@value Traceparent#HEADER}.
   *
   * @param headers attributes or headers
   * @return the id, if any
   * @throws IllegalArgumentException when only a traceparent is present and it is invalid
   */
  public static Optional<String> from(Map<String, String> headers) {
    Objects.requireNonNull(headers, "headers must not be null");
    String explicit = lookup(headers, HEADER);
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(explicit.trim());
    }
    String traceparent = lookup(headers, Traceparent.HEADER);
    if (traceparent != null) {
      return Optional.of(Traceparent.parse(traceparent).traceId());
    }
    return Optional.empty();
  }

  /**
   * Returns the attributes or headers that carry {@code correlationId}.
   *
   * @param correlationId the id, not blank
   * @return a one-entry map {@value #HEADER} → id
   */
  public static Map<String, String> headers(String correlationId) {
    Objects.requireNonNull(correlationId, "correlationId must not be null");
    if (correlationId.isBlank()) {
      throw new IllegalArgumentException(
          "correlationId must not be blank, was '" + correlationId + "'");
    }
    return Map.of(HEADER, correlationId);
  }

  private static @Nullable String lookup(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return null;
  }
}
