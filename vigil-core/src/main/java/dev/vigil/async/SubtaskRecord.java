package dev.vigil.async;

import java.time.Instant;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;

/**
 * One subtask's life as it happens, written by whichever threads submit, run and cancel it. Every
 * change takes a number from the watch's event counter, so "before" and "after" are exact even when
 * two events share an instant.
 */
final class SubtaskRecord {
  /** A sequence number for events that have not happened. */
  static final long NOT_YET = Long.MAX_VALUE;

  private final SubtaskLog log;
  private final int index;
  private final String name;
  private final Instant submittedAt;
  private Subtask.State state = Subtask.State.QUEUED;
  private @Nullable Throwable failure;
  private @Nullable Instant startedAt;
  private @Nullable Instant endedAt;
  private @Nullable Instant cancelRequestedAt;
  private long startedSeq = NOT_YET;
  private long endedSeq = NOT_YET;
  private boolean cancelRequested;

  SubtaskRecord(SubtaskLog log, int index, String name, Instant submittedAt) {
    this.log = log;
    this.index = index;
    this.name = name;
    this.submittedAt = submittedAt;
  }

  /**
   * Marks the body as started, unless its cancellation was requested first: then it never runs (as
   * {@code Future.cancel} promises) and this throws.
   */
  void start() {
    synchronized (this) {
      if (state == Subtask.State.QUEUED && !cancelRequested) {
        state = Subtask.State.RUNNING;
        startedSeq = log.nextEvent();
        startedAt = log.now();
        log.record(this, "started", label());
        return;
      }
      cancelIfQueued();
    }
    throw new CancellationException("subtask #" + index + " was cancelled before it started");
  }

  /** Marks the body as ended: returned when {@code thrown} is null. */
  synchronized void end(@Nullable Throwable thrown) {
    if (state != Subtask.State.RUNNING) {
      return;
    }
    if (thrown == null) {
      state = Subtask.State.SUCCEEDED;
    } else {
      state = stoppedByInterrupt(thrown) ? Subtask.State.INTERRUPTED : Subtask.State.FAILED;
      failure = thrown;
    }
    endedSeq = log.nextEvent();
    endedAt = log.now();
    String summary =
        thrown == null
            ? label()
            : label() + ": " + Texts.describe(thrown, " ").lines().findFirst().orElse("");
    log.record(this, state.name().toLowerCase(java.util.Locale.ROOT), summary);
  }

  /**
   * Whether a body threw because it was interrupted or cancelled, rather than failing on its own:
   * an interrupt or cancellation exception, or one caused by an interrupt.
   */
  static boolean stoppedByInterrupt(Throwable thrown) {
    if (thrown instanceof CancellationException
        || thrown instanceof java.io.InterruptedIOException
        || thrown instanceof java.nio.channels.ClosedByInterruptException) {
      return true;
    }
    int depth = 0;
    for (Throwable t = thrown; t != null && depth < 16; t = t.getCause(), depth++) {
      if (t instanceof InterruptedException) {
        return true;
      }
    }
    return false;
  }

  /** Notes that its future was cancelled (or the executor shut down now), if it has not ended. */
  synchronized void requestCancel() {
    if (!cancelRequested && !state.ended()) {
      cancelRequested = true;
      cancelRequestedAt = log.now();
      log.record(this, "cancel requested", label());
    }
  }

  /** Ends a subtask that has not started as cancelled; it will never start. */
  synchronized void cancelIfQueued() {
    if (state == Subtask.State.QUEUED) {
      state = Subtask.State.CANCELLED;
      endedSeq = log.nextEvent();
      endedAt = log.now();
      log.record(this, "cancelled", label());
    }
  }

  int index() {
    return index;
  }

  String label() {
    return name.isEmpty() ? "#" + index : "#" + index + " '" + name + "'";
  }

  synchronized View view() {
    return new View(
        new Subtask(
            index, name, state, failure, submittedAt, startedAt, endedAt, cancelRequestedAt),
        startedSeq,
        endedSeq);
  }

  /**
   * A subtask as read, with the numbers of its events for exact ordering.
   *
   * @param subtask the public snapshot
   * @param startedSeq when its body started, or {@link #NOT_YET}
   * @param endedSeq when it ended, or {@link #NOT_YET}
   */
  record View(Subtask subtask, long startedSeq, long endedSeq) {}
}
