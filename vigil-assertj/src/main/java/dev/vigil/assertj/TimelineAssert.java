package dev.vigil.assertj;

import dev.vigil.Vigil;
import dev.vigil.timeline.Timeline;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a timeline; see {@link AbstractTimelineAssert}.
 *
 * @since 0.1
 */
public class TimelineAssert extends AbstractTimelineAssert<TimelineAssert> {

  /**
   * Creates assertions on a timeline that cannot wait (a timeline does not know its context); for
   * soft assertions' proxies.
   *
   * @param actual the timeline
   */
  public TimelineAssert(Timeline actual) {
    this(actual, null);
  }

  /**
   * Creates assertions on a timeline whose {@link #eventually()} waits on {@code context}.
   *
   * @param actual the timeline
   * @param context the context it belongs to, or {@code null}
   */
  protected TimelineAssert(Timeline actual, @Nullable Vigil context) {
    super(actual, TimelineAssert.class, context);
  }
}
