package dev.vigil.bus;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The faults an embedded bus injects on purpose, so that a test proves a consumer idempotent or
 * order-tolerant on demand: duplicate deliveries, reordering, delivery delay, consumer crashes
 * between handling and acknowledging, and publish failures. Faults draw from the bus's seeded
 * random, so a failing run replays; each one is a timeline entry ({@link BusEntries#fault}).
 * Immutable; each {@code withX} returns a checked copy.
 *
 * <p>Duplicates and reordering apply to standard queues only: FIFO queues promise neither.
 *
 * <pre>{@code
 * bus.injectFaults(FaultPlan.none()
 *     .withDuplicates(FaultRate.everyNth(3))
 *     .withCrashBeforeAck(FaultRate.withProbability(0.1)));
 * }</pre>
 *
 * @since 0.1
 */
public final class FaultPlan {
  private static final Duration MAX_DELAY = Duration.ofMinutes(15);
  private static final FaultPlan NONE =
      new FaultPlan(
          FaultRate.never(), 0, Duration.ZERO, Duration.ZERO, FaultRate.never(), FaultRate.never());

  private final FaultRate duplicates;
  private final int reorderWindow;
  private final Duration minDelay;
  private final Duration maxDelay;
  private final FaultRate crashBeforeAck;
  private final FaultRate publishFailures;

  private FaultPlan(
      FaultRate duplicates,
      int reorderWindow,
      Duration minDelay,
      Duration maxDelay,
      FaultRate crashBeforeAck,
      FaultRate publishFailures) {
    this.duplicates = Objects.requireNonNull(duplicates, "duplicates must not be null");
    this.crashBeforeAck = Objects.requireNonNull(crashBeforeAck, "crashBeforeAck must not be null");
    this.publishFailures =
        Objects.requireNonNull(publishFailures, "publishFailures must not be null");
    if (reorderWindow < 0) {
      throw new IllegalArgumentException(
          "reorderWindow must not be negative, was " + reorderWindow);
    }
    this.reorderWindow = reorderWindow;
    this.minDelay = Objects.requireNonNull(minDelay, "minDelay must not be null");
    this.maxDelay = Objects.requireNonNull(maxDelay, "maxDelay must not be null");
    if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
      throw new IllegalArgumentException(
          "delay range must satisfy 0 <= minDelay <= maxDelay, was " + minDelay + ".." + maxDelay);
    }
    if (maxDelay.compareTo(MAX_DELAY) > 0) {
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

  /**
   * Returns how often a message sent to a standard queue is enqueued twice, both copies with the
   * same message id.
   *
   * @return the rate; {@link FaultRate#never()} unless set with {@link #withDuplicates}
   */
  public FaultRate duplicates() {
    return duplicates;
  }

  /**
   * Returns how many earlier messages a message sent to a standard queue may overtake.
   *
   * @return 0 or more; 0 (no reordering) unless set with {@link #withReordering}
   */
  public int reorderWindow() {
    return reorderWindow;
  }

  /**
   * Returns the least extra delay added to each sent message's delivery, on top of any message or
   * queue delay.
   *
   * @return zero or more, at most {@link #maxDelay()}; zero unless set with {@link #withDelay}
   */
  public Duration minDelay() {
    return minDelay;
  }

  /**
   * Returns the most extra delay added to each sent message's delivery.
   *
   * @return {@link #minDelay()} – 15 min; zero (no extra delay at all) unless set with {@link
   *     #withDelay}
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * Returns how often a consumer's handler succeeds but its acknowledgement is lost, so the message
   * is delivered again after its visibility timeout.
   *
   * @return the rate; {@link FaultRate#never()} unless set with {@link #withCrashBeforeAck}
   */
  public FaultRate crashBeforeAck() {
    return crashBeforeAck;
  }

  /**
   * Returns how often a publish or send throws {@link BusException} and enqueues nothing.
   *
   * @return the rate; {@link FaultRate#never()} unless set with {@link #withPublishFailures}
   */
  public FaultRate publishFailures() {
    return publishFailures;
  }

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

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FaultPlan that && settings().equals(that.settings());
  }

  @Override
  public int hashCode() {
    return settings().hashCode();
  }

  /** Every setting, in declaration order: what equality compares. */
  private List<Object> settings() {
    return Arrays.asList(
        duplicates, reorderWindow, minDelay, maxDelay, crashBeforeAck, publishFailures);
  }

  @Override
  public String toString() {
    return "FaultPlan[duplicates="
        + duplicates
        + ", reorderWindow="
        + reorderWindow
        + ", minDelay="
        + minDelay
        + ", maxDelay="
        + maxDelay
        + ", crashBeforeAck="
        + crashBeforeAck
        + ", publishFailures="
        + publishFailures
        + "]";
  }
}
