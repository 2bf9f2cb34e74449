package dev.vigil;

import dev.vigil.internal.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * The defaults a context gives its waits: how long {@code get()} waits, how to poll, how much to
 * stretch timeouts on a slow machine, and how much of the timeline a failure shows.
 *
 * @param timeout the timeout of {@link Eventually#get()}
 * @param pollStrategy the strategy of waits that do not choose their own
 * @param timeScale the factor every timeout is multiplied by; from the system property {@value
 *     #TIME_SCALE_PROPERTY} by default
 * @param timelineTail how many of the latest timeline entries a failure message shows
 * @param evaluationGrace how long the evaluation that starts at the deadline may run before the
 *     watchdog interrupts it
 * @param realTimeCap under virtual time, the real time after which a wait that virtual time cannot
 *     finish is stopped
 * @since 0.1
 */
public record Patience(
    Duration timeout,
    PollStrategy pollStrategy,
    double timeScale,
    int timelineTail,
    Duration evaluationGrace,
    Duration realTimeCap) {

  /** The system property holding the time-scale factor, such as {@code 3} on a slow CI. */
  public static final String TIME_SCALE_PROPERTY = "vigil.time.scale";

  /** Checks every field; see each parameter for its range. */
  public Patience {
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
}
