package dev.vigil.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One observation on a {@link Timeline}.
 *
 * @param sequence the position on the timeline, starting at 1; gapless, except that an append that
 *     failed after taking its number (by overflowing the stack) leaves that number unused
 * @param at the instant from the context's time source
 * @param nanos the context's monotonic reading when the entry was appended
 * @param source what observed it: {@code bus}, {@code webhook}, {@code span}, {@code user}…
 * @param type what happened, such as {@code order.created}
 * @param correlationId the flow it belongs to, if known
 * @param causationId the entry or message that caused it, if known
 * @param summary a short, human-readable summary of the payload
 * @param attributes further details, in insertion order
 * @since 0.1
 */
public record TimelineEntry(
    long sequence,
    Instant at,
    long nanos,
    String source,
    String type,
    @Nullable String correlationId,
    @Nullable String causationId,
    String summary,
    Map<String, String> attributes) {

  /**
   * Checks the fields and copies the attributes so that the entry stays immutable.
   *
   * @param sequence the position on the timeline, starting at 1
   * @param at the instant from the context's time source
   * @param nanos the context's monotonic reading
   * @param source what observed it; not blank
   * @param type what happened; not blank
   * @param correlationId the flow it belongs to, or {@code null}
   * @param causationId what caused it, or {@code null}
   * @param summary a short summary of the payload
   * @param attributes further details; no null keys or values
   */
  public TimelineEntry {
    Objects.requireNonNull(at, "at must not be null");
    requireText("source", source);
    requireText("type", type);
    Objects.requireNonNull(summary, "summary must not be null");
    attributes = copyAttributes(attributes);
  }

  /** Checks what a caller passed to {@link Timeline#append} and copies the attributes. */
  static Map<String, String> checkedCopy(
      @Nullable String source,
      @Nullable String type,
      @Nullable String summary,
      @Nullable Map<String, String> attributes) {
    requireText("source", source);
    requireText("type", type);
    Objects.requireNonNull(summary, "summary must not be null");
    return copyAttributes(attributes);
  }

  private static void requireText(String name, @Nullable String value) {
    if (value == null) {
      throw new NullPointerException(name + " must not be null");
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'");
    }
  }

  private static Map<String, String> copyAttributes(@Nullable Map<String, String> attributes) {
    if (attributes == null) {
      throw new NullPointerException("attributes must not be null");
    }
    return Attributes.copyOf(attributes);
  }
}
