package dev.vigil.time;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one source of time of a Vigil context: every wait, timeline timestamp, bus timeout and
 * scheduled task reads time and schedules work through it.
 *
 * <p>Real time reads the system clocks and parks threads; virtual time ({@link VirtualTimeSource})
 * keeps its own clock and, where a wait would park, advances to the next scheduled task instead.
 *
 * @since 0.1
 */
public interface TimeSource extends AutoCloseable {

  /**
   * Returns the system's real time source, whose scheduler threads start on first use.
   *
   * @return a new real time source
   */
  static TimeSource real() {
    return new RealTimeSource();
  }

  /**
   * Returns a monotonic reading in nanoseconds, for measuring elapsed time only.
   *
   * @return nanoseconds from an arbitrary origin
   */
  long nanoTime();

  /**
   * Returns the current instant of this source.
   *
   * @return the wall-clock instant (virtual under virtual time)
   */
  Instant instant();

  /**
   * Returns a {@link Clock} view of this source, for code under test that takes a clock.
   *
   * @return a clock reading this source in UTC
   */
  Clock clock();

  /**
   * Returns the scheduler that runs delayed and periodic work on this source's time.
   *
   * @return the context's scheduler; closed with this source
   */
  ScheduledExecutorService scheduler();

  /**
   * Tells whether this source keeps its own clock rather than reading the system's.
   *
   * @return {@code true} for virtual time
   */
  boolean isVirtual();

  /**
   * Blocks until {@code signal} moves past {@code seenVersion} or {@link #nanoTime()} reaches
   * {@code wakeAtNanos}, whichever is first. Virtual time runs due tasks and advances its clock
   * here instead of parking, and returns after the first instant at which tasks ran.
   *
   * @param signal the signal that announces changes
   * @param seenVersion the signal version read before the caller last evaluated
   * @param wakeAtNanos the reading of {@link #nanoTime()} at which to return regardless
   * @return {@code true} when woken by the signal (or, under virtual time, by tasks that ran)
   * @throws InterruptedException when the calling thread is interrupted
   */
  boolean awaitChange(Signal signal, long seenVersion, long wakeAtNanos)
      throws InterruptedException;

  /** Stops the scheduler; pending tasks are dropped. */
  @Override
  void close();
}
