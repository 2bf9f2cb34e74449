package dev.vigil.assertj;

import dev.vigil.Vigil;
import dev.vigil.timeline.Timeline;
import dev.vigil.timeline.Trace;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a context's timeline: chain assertions over all its entries or one source's, and
 * {@link #forCorrelationId} for one flow's. Made by {@link VigilAssertions#assertThat(Timeline)},
 * or by {@link VigilAssertions#assertThatTimeline(Vigil)}, which can also {@link #eventually()}
 * wait.
 *
 * <pre>{@code
 * assertThatTimeline(vigil).eventually()
 *     .forCorrelationId(orderId)
 *     .containsInOrder("order.created", "payment.completed")
 *     .doesNotContain("payment.refunded");
 * assertThat(vigil.timeline()).fromSource(BusEntries.SOURCE)
 *     .happensBefore(BusEntries.send("billing"), BusEntries.receive("billing"));
 * }</pre>
 *
 * @param <SELF> the type of the assertion itself, for chaining
 * @since 0.1
 */
public abstract class AbstractTimelineAssert<SELF extends AbstractTimelineAssert<SELF>>
    extends AbstractChainAssert<SELF, Timeline> {
  private @Nullable String source;

  /**
   * Creates the assertion.
   *
   * @param actual the timeline
   * @param selfType the class of the assertion itself
   * @param context the context the timeline belongs to, or {@code null} when unknown
   */
  protected AbstractTimelineAssert(Timeline actual, Class<?> selfType, @Nullable Vigil context) {
    super(actual, selfType, context);
  }

  /**
   * Narrows the assertions that follow to the entries of one source, such as {@code bus} or {@code
   * http}.
   *
   * @param newSource the source; not blank
   * @return this assertion
   */
  public SELF fromSource(String newSource) {
    Objects.requireNonNull(newSource, "source must not be null");
    if (newSource.isBlank()) {
      throw new IllegalArgumentException("source must not be blank, was '" + newSource + "'");
    }
    this.source = newSource;
    return myself;
  }

  /**
   * Returns assertions on the entries of one flow, read afresh on each evaluation when this
   * assertion waits; the new assertion keeps this one's waiting mode and description.
   *
   * @param correlationId the flow's id
   * @return the assertion on the flow's trace
   */
  public TraceAssert forCorrelationId(String correlationId) {
    Objects.requireNonNull(correlationId, "correlationId must not be null");
    isNotNull();
    Timeline timeline = actual;
    return inheritState(
        new TraceAssert(timeline.trace(correlationId), () -> timeline.trace(correlationId)));
  }

  @Override
  protected Trace chain() {
    String only = source;
    return only == null
        ? Trace.of("the timeline", actual.entries())
        : Trace.of(
            "the timeline's " + only + " entries",
            actual.select(entry -> entry.source().equals(only)));
  }

  @Override
  protected String subject() {
    return source == null ? "the timeline" : "the timeline's " + source + " entries";
  }

  @Override
  protected String withoutContext() {
    return "eventually() waits on the context the timeline belongs to, which a Timeline does not"
        + " know: use VigilAssertions.assertThatTimeline(vigil)";
  }
}
