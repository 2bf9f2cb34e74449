package dev.vigil;

import dev.vigil.internal.Durations;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The defaults a context gives its waits: how long {@code get()} waits, how to poll, how much to
 * stretch timeouts on a slow machine, and how much of the timeline a failure shows. Immutable:
 * start from {@link #defaults()} and change one setting per {@code withX} call.
 *
 * <pre>{@code
 * Vigil vigil = Vigil.builder()
 *     .patience(Patience.defaults().withTimeout(Duration.ofSeconds(30)).withTimelineTail(50))
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class Patience {

  /** The system property holding the time-scale factor, such as {@code 3} on a slow CI. */
  public static final String TIME_SCALE_PROPERTY = "vigil.time.scale";

  private final Duration timeout;
  private final PollStrategy pollStrategy;
  private final double timeScale;
  private final int timelineTail;
  private final Duration evaluationGrace;
  private final Duration realTimeCap;

  private Patience(
      Duration timeout,
      PollStrategy pollStrategy,
      double timeScale,
      int timelineTail,
      Duration evaluationGrace,
      Duration realTimeCap) {
    Durations.positiveNanos("timeout", timeout);
    Objects.requireNonNull(pollStrategy, "pollStrategy must not be null");
    if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
      throw new IllegalArgumentException("timeScale must be a finite number > 0, was " + timeScale);
    }
    if (timelineTail < 0) {
      throw new IllegalArgumentException("timelineTail must not be negative, was " + timelineTail);
    }
    Durations.positiveNanos("evaluationGrace", evaluationGrace);
    Durations.positiveNanos("realTimeCap", realTimeCap);
    this.timeout = timeout;
    this.pollStrategy = pollStrategy;
    this.timeScale = timeScale;
    this.timelineTail = timelineTail;
    this.evaluationGrace = evaluationGrace;
    this.realTimeCap = realTimeCap;
  }

  /**
   * Returns the timeout of {@link Eventually#get()}.
   *
   * @return a positive duration
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Returns the poll strategy of waits that do not choose their own.
   *
   * @return the strategy
   */
  public PollStrategy pollStrategy() {
    return pollStrategy;
  }

  /**
   * Returns the factor every {@code eventually} timeout is multiplied by.
   *
   * @return a finite number &gt; 0; from {@value #TIME_SCALE_PROPERTY} by default
   */
  public double timeScale() {
    return timeScale;
  }

  /**
   * Returns how many of the latest timeline entries a failure message shows.
   *
   * @return zero or more
   */
  public int timelineTail() {
    return timelineTail;
  }

  /**
   * Returns how long an evaluation may run before the watchdog interrupts it, when that ends after
   * the deadline: the final evaluation's allowance, and the least any evaluation gets.
   *
   * @return a positive duration
   */
  public Duration evaluationGrace() {
    return evaluationGrace;
  }

  /**
   * Returns the real time after which a wait under virtual time that virtual time cannot finish is
   * stopped.
   *
   * @return a positive duration
   */
  public Duration realTimeCap() {
    return realTimeCap;
  }

  /**
   * Returns the defaults: 10 s timeout, {@link PollStrategy#adaptive()}, the time scale from
   * {@value #TIME_SCALE_PROPERTY} (1 when unset), 20 timeline entries, 200 ms grace, 30 s cap.
   *
   * @return the default patience
   */
  public static Patience defaults() {
    return new Patience(
        Duration.ofSeconds(10),
        PollStrategy.adaptive(),
        timeScaleFromSystemProperty(),
        20,
        Duration.ofMillis(200),
        Duration.ofSeconds(30));
  }

  /**
   * Reads {@value #TIME_SCALE_PROPERTY}, rejecting a value that is not a positive number.
   *
   * @return the factor, 1 when the property is unset
   */
  public static double timeScaleFromSystemProperty() {
    String text = System.getProperty(TIME_SCALE_PROPERTY);
    if (text == null || text.isBlank()) {
      return 1.0;
    }
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(
          "system property " + TIME_SCALE_PROPERTY + " must be a number > 0, was '" + text + "'",
          notANumber);
    }
  }

  /**
   * Returns a copy with another default timeout.
   *
   * @param newTimeout the timeout of {@code get()}, positive
   * @return the copy
   */
  public Patience withTimeout(Duration newTimeout) {
    return new Patience(
        newTimeout, pollStrategy, timeScale, timelineTail, evaluationGrace, realTimeCap);
  }

  /**
   * Returns a copy with another default poll strategy.
   *
   * @param newStrategy the strategy
   * @return the copy
   */
  public Patience withPollStrategy(PollStrategy newStrategy) {
    return new Patience(
        timeout, newStrategy, timeScale, timelineTail, evaluationGrace, realTimeCap);
  }

  /**
   * Returns a copy with another time scale.
   *
   * @param newScale the factor, a finite number &gt; 0
   * @return the copy
   */
  public Patience withTimeScale(double newScale) {
    return new Patience(
        timeout, pollStrategy, newScale, timelineTail, evaluationGrace, realTimeCap);
  }

  /**
   * Returns a copy that shows another number of timeline entries in failures.
   *
   * @param entries how many, zero for none
   * @return the copy
   */
  public Patience withTimelineTail(int entries) {
    return new Patience(timeout, pollStrategy, timeScale, entries, evaluationGrace, realTimeCap);
  }

  /**
   * Returns a copy with another grace: the least time an evaluation may run before it is cut off.
   * start.
   *
   * @param newGrace how long it may run before it is interrupted, positive
   * @return the copy
   */
  public Patience withEvaluationGrace(Duration newGrace) {
    return new Patience(timeout, pollStrategy, timeScale, timelineTail, newGrace, realTimeCap);
  }

  /**
   * Returns a copy with another real-time cap for waits under virtual time.
   *
   * @param newCap the cap, positive
   * @return the copy
   */
  public Patience withRealTimeCap(Duration newCap) {
    return new Patience(timeout, pollStrategy, timeScale, timelineTail, evaluationGrace, newCap);
  }

  /**
   * Multiplies a timeout by the time scale, checking it first.
   *
   * @param name the parameter name for errors
   * @param timeout the timeout asked for
   * @return the scaled timeout in nanoseconds
   */
  long scaledNanos(String name, Duration timeout) {
    long nanos = Durations.positiveNanos(name, timeout);
    double scaled = nanos * timeScale;
    if (scaled >= Long.MAX_VALUE) {
      throw new IllegalArgumentException(
          name + " " + timeout + " times time scale " + timeScale + " overflows");
    }
    return Math.max(1, (long) scaled);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Patience that
        && timeout.equals(that.timeout)
        && pollStrategy.equals(that.pollStrategy)
        && Double.compare(timeScale, that.timeScale) == 0
        && timelineTail == that.timelineTail
        && evaluationGrace.equals(that.evaluationGrace)
        && realTimeCap.equals(that.realTimeCap);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        timeout, pollStrategy, timeScale, timelineTail, evaluationGrace, realTimeCap);
  }

  @Override
  public String toString() {
    return "Patience[timeout="
        + Durations.format(timeout)
        + ", poll "
        + pollStrategy
        + ", timeScale="
        + timeScale
        + ", timelineTail="
        + timelineTail
        + ", evaluationGrace="
        + Durations.format(evaluationGrace)
        + ", realTimeCap="
        + Durations.format(realTimeCap)
        + "]";
  }
}
