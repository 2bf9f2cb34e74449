package dev.vigil.async;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One subtask a {@link SubtaskWatch} recorded, as it stood when read: when it was submitted,
 * started and ended on the context's clock, and how it ended.
 *
 * @param index its submission number on the watch, from 0
 * @param name the task's {@code toString()}, or empty for a lambda
 * @param state where it is or how it ended
 * @param failure what it threw, when it failed or was interrupted; else {@code null}
 * @param submittedAt when it was submitted
 * @param startedAt when its body started, or {@code null} if it has not (or never will)
 * @param endedAt when it ended (or was cancelled before starting), or {@code null}
 * @param cancelRequestedAt when someone cancelled its future or shut the executor down now, or
 *     {@code null}
 * @since 0.1
 */
public record Subtask(
    int index,
    String name,
    State state,
    @Nullable Throwable failure,
    Instant submittedAt,
    @Nullable Instant startedAt,
    @Nullable Instant endedAt,
    @Nullable Instant cancelRequestedAt) {

  /** Where a subtask is, or how it ended. */
  public enum State {
    /** Submitted, not started. */
    QUEUED,
    /** Its body is running. */
    RUNNING,
    /** Its body returned. */
    SUCCEEDED,
    /**
     * Its body threw on its own: anything but what {@link #INTERRUPTED} counts, even after its
     * cancellation was requested (a group must report such failures too).
     */
    FAILED,
    /** Cancelled before its body started; it never will. */
    CANCELLED,
    /**
     * Its body stopped because it was interrupted or cancelled: it threw an {@link
     * InterruptedException} (or something caused by one), an {@code InterruptedIOException}, a
     * {@code ClosedByInterruptException} or a {@code CancellationException}.
     */
    INTERRUPTED;

    /**
     * Tells whether a subtask in this state has ended.
     *
     * @return {@code false} for {@link #QUEUED} and {@link #RUNNING}
     */
    public boolean ended() {
      return this != QUEUED && this != RUNNING;
    }
  }

  /** Renders as in failure texts: {@code #2 'fetch c' was cancelled at … before it started}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("#").append(index);
    if (!name.isEmpty()) {
      text.append(" '").append(name).append('\'');
    }
    text.append(' ').append(stateText());
    if (cancelRequestedAt != null && state != State.CANCELLED) {
      text.append(", its cancellation requested at ").append(cancelRequestedAt);
    }
    return text.toString();
  }

  private String stateText() {
    return switch (state) {
      case QUEUED -> "is still queued (submitted at " + submittedAt + ")";
      case RUNNING -> "is still running (started at " + startedAt + ")";
      case SUCCEEDED -> "succeeded at " + endedAt;
      case FAILED -> "failed at " + endedAt + " with " + failureText();
      case CANCELLED -> "was cancelled at " + endedAt + " before it started";
      case INTERRUPTED -> "was interrupted at " + endedAt + " (" + failureText() + ")";
    };
  }

  private String failureText() {
    return failure == null ? "nothing" : Texts.describe(failure, "    ");
  }
}
