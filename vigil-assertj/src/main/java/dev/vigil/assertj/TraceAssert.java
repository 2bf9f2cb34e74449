package dev.vigil.assertj;

import dev.vigil.timeline.Trace;
import java.util.function.Supplier;

/**
 * Assertions on one flow's trace; see {@link AbstractTraceAssert}.
 *
 * @since 0.1
 */
public class TraceAssert extends AbstractTraceAssert<TraceAssert> {

  /**
   * Creates assertions on a trace already read.
   *
   * @param actual the trace
   */
  public TraceAssert(Trace actual) {
    this(actual, () -> actual);
  }

  /**
   * Creates assertions on a trace read afresh by {@code reader} on every check.
   *
   * @param actual the trace as read now
   * @param reader reads it again
   */
  protected TraceAssert(Trace actual, Supplier<Trace> reader) {
    super(actual, TraceAssert.class, reader);
  }
}
