package dev.vigil.async;

import dev.vigil.time.PendingTask;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * An operation that timed out at exactly its deadline (see {@link TimeoutCheck}), with checks that
 * its timeout path cleaned up. Each check runs when called, on the clock as it reads then.
 *
 * @since 0.1
 */
public final class TimedOut {
  private final TimeoutScene scene;
  private final Throwable failure;

  TimedOut(TimeoutScene scene, Throwable failure) {
    this.scene = scene;
    this.failure = failure;
  }

  /**
   * Returns the failure the operation's future completed with.
   *
   * @return the failure, unwrapped
   */
  public Throwable failure() {
    return failure;
  }

  /**
   * Returns the instant it timed out: its deadline on the virtual clock.
   *
   * @return the instant
   */
  public Instant at() {
    return scene.deadlineAt();
  }

  /**
   * Checks that no task the operation scheduled is still pending on the context's scheduler: a
   * retry, a poll, a heartbeat its timeout should have cancelled. Tasks pending before the
   * operation started do not count.
   *
   * @return this, to go on
   * @throws AsyncAssertionError listing the tasks still pending, with when they are due
   */
  public TimedOut leavingNothingScheduled() {
    List<PendingTask> left = scene.scheduledByOperation();
    if (!left.isEmpty()) {
      String count =
          left.size() == 1 ? "1 task it scheduled is" : left.size() + " tasks it scheduled are";
      throw new AsyncAssertionError(
          "Expecting the operation to leave nothing scheduled after timing out at "
              + scene.when()
              + ", but "
              + count
              + " still pending:"
              + TimeoutScene.list(left),
          null);
    }
    return this;
  }

  /**
   * Checks an invariant of the cleanup, such as a listener removed or a connection returned.
   *
   * @param invariant what must hold, in words; not blank
   * @param holds the check
   * @return this, to go on
   * @throws AsyncAssertionError when it returns {@code false} or throws (then as the cause)
   */
  public TimedOut and(String invariant, BooleanSupplier holds) {
    Objects.requireNonNull(invariant, "invariant must not be null");
    if (invariant.isBlank()) {
      throw new IllegalArgumentException("invariant must not be blank, was '" + invariant + "'");
    }
    Objects.requireNonNull(holds, "holds must not be null");
    String head =
        "Expecting \"" + invariant + "\" to hold after the operation timed out at " + scene.when();
    boolean held;
    try {
      held = holds.getAsBoolean();
    } catch (RuntimeException | AssertionError broken) {
      throw new AsyncAssertionError(
          head + ", but it threw:" + Texts.NL + "  " + Texts.describe(broken, "  "), broken);
    }
    if (!held) {
      throw new AsyncAssertionError(head + ", but it did not", null);
    }
    return this;
  }
}
