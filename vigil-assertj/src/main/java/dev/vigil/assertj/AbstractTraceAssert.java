package dev.vigil.assertj;

import dev.vigil.timeline.Trace;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Chain assertions on one flow's entries (a {@link Trace}), with the trace's own failure texts.
 * Made by {@link VigilAssertions#assertThat(Trace)} for a trace already read, or by {@link
 * AbstractTimelineAssert#forCorrelationId} to read it afresh, and wait on it.
 *
 * <pre>{@code
 * assertThat(vigil.timeline().trace(orderId))
 *     .containsInOrder("order.created", "payment.completed")
 *     .containsExactly("notification.sent", 2)
 *     .happensBefore("payment.completed", "shipping.label_created");
 * }</pre>
 *
 * @param <SELF> the type of the assertion itself, for chaining
 * @since 0.1
 */
public abstract class AbstractTraceAssert<SELF extends AbstractTraceAssert<SELF>>
    extends AbstractChainAssert<SELF, Trace> {
  private final Supplier<Trace> reader;

  /**
   * Creates the assertion.
   *
   * @param actual the trace as read now
   * @param selfType the class of the assertion itself
   * @param reader reads the trace afresh, for waiting assertions; returns {@code actual} for a
   *     trace that cannot change
   */
  protected AbstractTraceAssert(Trace actual, Class<?> selfType, Supplier<Trace> reader) {
    super(actual, selfType, null);
    this.reader = Objects.requireNonNull(reader, "reader must not be null");
  }

  @Override
  protected Trace chain() {
    return reader.get();
  }

  @Override
  protected String subject() {
    return actual == null ? "the trace" : actual.subject();
  }

  @Override
  protected String withoutContext() {
    return "eventually() cannot wait on a Trace: it is a snapshot of the timeline that never"
        + " changes; use assertThatTimeline(vigil).eventually().forCorrelationId(id)";
  }
}
