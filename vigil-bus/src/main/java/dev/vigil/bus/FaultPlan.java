package dev.vigil.bus;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults an embedded bus injects on purpose, so that a test proves a consumer idempotent or
 * order-tolerant on demand: duplicate deliveries, reordering, delivery delay, consumer crashes
 * between handling and acknowledging, and publish failures. Faults draw from the bus's seeded
 * random, so a failing run replays; each one is a timeline entry ({@code fault.*}).
 *
 * <p>Duplicates and reordering apply to standard queues only: FIFO queues promise neither.
 *
 * <pre>{@code
 * bus.injectFaults(FaultPlan.none()
 *     .withDuplicates(FaultRate.everyNth(3))
 *     .withCrashBeforeAck(FaultRate.withProbability(0.1)));
 * }</pre>
 *
 * @param duplicates a sent message is enqueued twice (same message id)
 * @param reorderWindow a sent message may overtake up to this many earlier ones; 0 for none
 * @param minDelay the least extra delivery delay
 * @param maxDelay the most extra delivery delay; zero for none
 * @param crashBeforeAck a consumer's handler succeeds but the acknowledgement is lost
 * @param publishFailures a publish or send throws {@link BusException} and enqueues nothing
 * @since 0.1
 */
public record FaultPlan(
    FaultRate duplicates,
    int reorderWindow,
    Duration minDelay,
    Duration maxDelay,
    FaultRate crashBeforeAck,
    FaultRate publishFailures) {

  /** Checks the values. */
  public FaultPlan {
    Objects.requireNonNull(duplicates, "duplicates must not be null");
    Objects.requireNonNull(crashBeforeAck, "crashBeforeAck must not be null");
    Objects.requireNonNull(publishFailures, "publishFailures must not be null");
    if (reorderWindow < 0) {
      throw new IllegalArgumentException(
          "reorderWindow must not be negative, was " + reorderWindow);
    }
    Objects.requireNonNull(minDelay, "minDelay must not be null");
    Objects.requireNonNull(maxDelay, "maxDelay must not be null");
    if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
      throw new IllegalArgumentException(
          "delay range must satisfy 0 <= minDelay <= maxDelay, was " + minDelay + ".." + maxDelay);
    }
    if (maxDelay.compareTo(Duration.ofMinutes(15)) > 0) {
      throw new IllegalArgumentException("maxDelay must be at most PT15M, was " + maxDelay);
    }
  }

  /**
   * Returns a plan without faults.
   *
   * @return the plan
   */
  public static FaultPlan none() {
    return NONE;
  }

  private static final FaultPlan NONE =
      new FaultPlan(
          FaultRate.never(), 0, Duration.ZERO, Duration.ZERO, FaultRate.never(), FaultRate.never());

  /**
   * Returns a copy that duplicates sent messages at {@code rate}.
   *
   * @param rate how often
   * @return the copy
   */
  public FaultPlan withDuplicates(FaultRate rate) {
    return new FaultPlan(rate, reorderWindow, minDelay, maxDelay, crashBeforeAck, publishFailures);
  }

  /**
   * Returns a copy that lets each sent message overtake up to {@code window} earlier ones.
   *
   * @param window how far a message may jump ahead
   * @return the copy
   */
  public FaultPlan withReordering(int window) {
    return new FaultPlan(duplicates, window, minDelay, maxDelay, crashBeforeAck, publishFailures);
  }

  /**
   * Returns a copy that delays each sent message by a random amount in [{@code min}, {@code max}].
   *
   * @param min the least delay
   * @param max the most delay, at most 15 minutes
   * @return the copy
   */
  public FaultPlan withDelay(Duration min, Duration max) {
    return new FaultPlan(duplicates, reorderWindow, min, max, crashBeforeAck, publishFailures);
  }

  /**
   * Returns a copy in which a consumer's acknowledgement is lost after its handler succeeded.
   *
   * @param rate how often
   * @return the copy
   */
  public FaultPlan withCrashBeforeAck(FaultRate rate) {
    return new FaultPlan(duplicates, reorderWindow, minDelay, maxDelay, rate, publishFailures);
  }

  /**
   * Returns a copy in which publishes and sends fail.
   *
   * @param rate how often
   * @return the copy
   */
  public FaultPlan withPublishFailures(FaultRate rate) {
    return new FaultPlan(duplicates, reorderWindow, minDelay, maxDelay, crashBeforeAck, rate);
  }
}
