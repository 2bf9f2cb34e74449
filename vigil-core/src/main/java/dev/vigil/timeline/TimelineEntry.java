package dev.vigil.timeline;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One observation on a {@link Timeline}.
 *
 * @param sequence the position on the timeline, starting at 1, gapless
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

  /** Copies the attributes so that the entry stays immutable. */
  public TimelineEntry {
    attributes = Map.copyOf(attributes);
  }
}
