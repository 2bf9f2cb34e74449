package dev.vigil.timeline;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Something observed, not yet on a timeline: what {@link Timeline#appendAll} takes to record a run
 * of observations at once.
 *
 * @param source the component that observed it, such as {@code bus}; not blank
 * @param type what happened; not blank
 * @param correlationId the flow it belongs to, or {@code null}
 * @param causationId what caused it (a message id, say), or {@code null}
 * @param summary a short summary of the payload, possibly empty
 * @param attributes details to keep; no null keys or values
 * @since 0.1
 */
public record Observation(
    String source,
    String type,
    @Nullable String correlationId,
    @Nullable String causationId,
    String summary,
    Map<String, String> attributes) {

  /**
   * Checks the fields and copies the attributes, as {@link Timeline#append} does.
   *
   * @param source the component that observed it; not blank
   * @param type what happened; not blank
   * @param correlationId the flow it belongs to, or {@code null}
   * @param causationId what caused it, or {@code null}
   * @param summary a short summary of the payload, possibly empty
   * @param attributes details to keep; no null keys or values
   */
  public Observation {
    attributes = TimelineEntry.checkedCopy(source, type, summary, attributes);
  }
}
