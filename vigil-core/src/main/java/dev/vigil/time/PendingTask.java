package dev.vigil.time;

import java.time.Duration;
import java.time.Instant;

/**
 * A task waiting on a {@link VirtualScheduler}, as shown by {@link VirtualTimeSource#pending()} and
 * returned by {@link VirtualTimeSource#step()}.
 *
 * @param name the task's {@code toString()}, shortened for lambdas
 * @param due when it is (or was) due, on the virtual clock
 * @param dueIn how long from now until it is due (zero or negative when due)
 * @param period the period of a periodic task, or {@link Duration#ZERO}
 * @param sequence its submission number, from 1
 * @since 0.1
 */
public record PendingTask(
    String name, Instant due, Duration dueIn, Duration period, long sequence) {

  static PendingTask of(VirtualTask<?> task, Instant origin, long nowNanos) {
    return new PendingTask(
        task.name(),
        origin.plusNanos(task.dueNanos),
        Duration.ofNanos(task.dueNanos - nowNanos),
        Duration.ofNanos(Math.abs(task.periodNanos())),
        task.sequence);
  }
}
