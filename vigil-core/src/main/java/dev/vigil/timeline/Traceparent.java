package dev.vigil.timeline;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A W3C Trace Context {@code traceparent} value: {@code 00-<32 hex trace id>-<16 hex parent id>-<2
 * hex flags>}. Its trace id serves as the correlation id of everything in the trace.
 *
 * @param version the version byte, two hex digits ({@code 00} today; {@code ff} is invalid)
 * @param traceId 32 lower-case hex digits, not all zero
 * @param parentId 16 lower-case hex digits, not all zero
 * @param flags two hex digits ({@code 01} = sampled)
 * @since 0.1
 */
public record Traceparent(String version, String traceId, String parentId, String flags) {

  /** The HTTP header and message attribute that carries it. */
  public static final String HEADER = "traceparent";

  /**
   * Checks every field; see each parameter for its form.
   *
   * @param version two hex digits, not {@code ff}
   * @param traceId 32 lower-case hex digits, not all zero
   * @param parentId 16 lower-case hex digits, not all zero
   * @param flags two hex digits
   */
  public Traceparent {
    requireHex("version", version, 2);
    if (version.equals("ff")) {
      throw new IllegalArgumentException("version ff is invalid in a traceparent");
    }
    requireHex("traceId", traceId, 32);
    requireNotZero("traceId", traceId);
    requireHex("parentId", parentId, 16);
    requireNotZero("parentId", parentId);
    requireHex("flags", flags, 2);
  }

  /**
   * Parses a {@code traceparent} header value.
   *
   * @param header such as {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}
   * @return the parsed value
   * @throws IllegalArgumentException naming the value and what is wrong with it
   */
  public static Traceparent parse(String header) {
    Objects.requireNonNull(header, "traceparent must not be null");
    String[] parts = header.trim().split("-", -1);
    if (parts.length < 4 || (parts[0].equals("00") && parts.length != 4)) {
      throw new IllegalArgumentException(
          "traceparent must be version-traceid-parentid-flags, was '" + header + "'");
    }
    try {
      return new Traceparent(parts[0], parts[1], parts[2], parts[3]);
    } catch (IllegalArgumentException invalid) {
      throw new IllegalArgumentException(
          "traceparent '" + header + "' is invalid: " + invalid.getMessage(), invalid);
    }
  }

  /**
   * Starts a new sampled trace with random ids.
   *
   * @param random the source of the ids (a seeded one makes them reproducible)
   * @return the new value
   */
  public static Traceparent newTrace(RandomGenerator random) {
    Objects.requireNonNull(random, "random must not be null");
    return new Traceparent("00", hex(random, 2), hex(random, 1), "01");
  }

  /**
   * Returns a child of this trace: same trace id, a new parent id.
   *
   * @param random the source of the new id
   * @return the child value
   */
  public Traceparent child(RandomGenerator random) {
    return new Traceparent(version, traceId, hex(random, 1), flags);
  }

  /**
   * Formats the header value.
   *
   * @return {@code version-traceId-parentId-flags}
   */
  @Override
  public String toString() {
    return version + "-" + traceId + "-" + parentId + "-" + flags;
  }

  private static String hex(RandomGenerator random, int longs) {
    StringBuilder text = new StringBuilder();
    do {
      text.setLength(0);
      for (int i = 0; i < longs; i++) {
        text.append(String.format(Locale.ROOT, "%016x", random.nextLong()));
      }
    } while (text.chars().allMatch(c -> c == '0'));
    return text.toString();
  }

  private static void requireHex(String name, String value, int length) {
    Objects.requireNonNull(value, name + " must not be null");
    if (value.length() != length || !value.chars().allMatch(Traceparent::isLowerHex)) {
      throw new IllegalArgumentException(
          name + " must be " + length + " lower-case hex digits, was '" + value + "'");
    }
  }

  private static void requireNotZero(String name, String value) {
    if (value.chars().allMatch(c -> c == '0')) {
      throw new IllegalArgumentException(name + " must not be all zeros, was '" + value + "'");
    }
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
}
