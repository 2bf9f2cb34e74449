package dev.vigil.async;

import dev.vigil.internal.Durations;
import dev.vigil.time.PendingTask;
import dev.vigil.time.VirtualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One run of a {@link TimeoutCheck}: when it started, its deadline, what was pending before, and
 * the failure texts, which all say what was expected, what happened and when.
 *
 * @param time the virtual time source
 * @param start when the operation started
 * @param deadline the deadline, from {@code start}
 * @param pendingBefore the sequence numbers of the tasks pending before the operation started
 */
record TimeoutScene(
    VirtualTimeSource time, Instant start, Duration deadline, Set<Long> pendingBefore) {

  Instant deadlineAt() {
    return start.plus(deadline);
  }

  /** {@code 5s (2026-01-01T00:00:05Z)}. */
  String when() {
    return Durations.format(deadline) + " (" + deadlineAt() + ")";
  }

  /** The tasks pending now that were not pending before the operation started. */
  List<PendingTask> scheduledByOperation() {
    return time.pending().stream()
        .filter(task -> !pendingBefore.contains(task.sequence()))
        .toList();
  }

  String early(FutureOutcome<?> outcome) {
    String in = " (" + Durations.format(Duration.between(start, outcome.completedAt())) + " in)";
    return "Expecting the operation to time out at "
        + when()
        + ", not before, "
        + Texts.but(outcome, in);
  }

  String stillRunning() {
    List<PendingTask> pending = scheduledByOperation();
    String head = "Expecting the operation to time out at " + when() + ", but it was still running";
    if (pending.isEmpty()) {
      return head
          + " and had nothing scheduled on the context's scheduler: does it take"
          + " vigil.scheduler() for its timeout? CompletableFuture.orTimeout and"
          + " completeOnTimeout count real time on the JDK's own thread (see Timeouts.failAfter)";
    }
    return head + "; the tasks it scheduled that are still pending:" + list(pending);
  }

  String wrongEnd(Class<? extends Throwable> expected, FutureOutcome<?> outcome) {
    return "Expecting the operation to time out at "
        + when()
        + " with an instance of:"
        + Texts.NL
        + "  "
        + expected.getName()
        + Texts.NL
        + Texts.but(outcome);
  }

  static String list(List<PendingTask> tasks) {
    StringBuilder text = new StringBuilder();
    for (PendingTask task : tasks) {
      text.append(Texts.NL)
          .append("  '")
          .append(task.name())
          .append("' due at ")
          .append(task.due());
      if (!task.period().isZero()) {
        text.append(" (every ").append(Durations.format(task.period())).append(')');
      }
    }
    return text.toString();
  }
}
