package dev.vigil;

import dev.vigil.Evaluator.Outcome;
import dev.vigil.internal.Durations;
import dev.vigil.internal.Watchdog;
import dev.vigil.time.Signal;
import dev.vigil.time.TimeSource;
import dev.vigil.time.VirtualTimeSource;
import dev.vigil.timeline.Timeline;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The evaluation loop behind {@code eventually}, {@code continually} and {@code never}.
 *
 * <p>It evaluates at once in the caller's thread, then parks on the context's time source until the
 * signal pulses or the poll strategy's pause ends, and always evaluates once more at the deadline.
 * Under virtual time there is nothing to poll: it evaluates after each instant at which tasks ran
 * or the signal pulsed, and at the deadline. It never starts a thread: a blocked evaluation is
 * interrupted by the shared {@link Watchdog}.
 */
final class WaitEngine {

  /**
   * The parts of a context a wait needs.
   *
   * @param time the time source to read and park on
   * @param signal the signal that wakes the wait
   * @param timeline the timeline shown in failure messages
   * @param patience the defaults
   */
  public record Environment(TimeSource time, Signal signal, Timeline timeline, Patience patience) {}

  /** How long a wait spins before it parks: its first real millisecond. */
  static final long SPIN_WINDOW_NANOS = 1_000_000;

  private WaitEngine() {}

  /**
   * Runs one wait to its end.
   *
   * @param env the context's parts
   * @param spec the wait's options
   * @param probe the condition
   * @param windowNanos the timeout or window asked for, before scaling
   * @param scaledWindowNanos the timeout or window to wait, after scaling
   * @param <T> the value type
   * @return how the wait ended; never throws for an unsatisfied wait
   */
  public static <T> WaitResult<T> run(
      Environment env, WaitSpec spec, Probe<?> probe, long windowNanos, long scaledWindowNanos) {
    return new Run<T>(env, spec, probe, windowNanos, scaledWindowNanos).execute();
  }

  /** The mutable state of one wait, confined to the waiting thread. */
  private static final class Run<T> {
    private final Environment env;
    private final WaitSpec spec;
    private final long windowNanos;
    private final long scaledWindowNanos;
    private final PollStrategy poll;
    private final TimeSource time;
    private final @Nullable VirtualTimeSource virtual;
    private final Evaluator evaluator;

    private long start;
    private long realStart;
    private long deadline;
    private int attempts;
    private int signalWakeups;
    private long tasksRunAtStart;
    private boolean assertionBlock;
    private boolean hasValue;
    private @Nullable Object lastValue;
    private @Nullable Throwable lastFailure;
    private @Nullable Throwable firstFailure;

    Run(Environment env, WaitSpec spec, Probe<?> probe, long windowNanos, long scaledWindowNanos) {
      this.env = env;
      this.spec = spec;
      this.windowNanos = windowNanos;
      this.scaledWindowNanos = scaledWindowNanos;
      this.poll = spec.pollStrategy() != null ? spec.pollStrategy() : env.patience().pollStrategy();
      this.time = env.time();
      this.virtual = time instanceof VirtualTimeSource v ? v : null;
      this.evaluator = new Evaluator(spec, probe);
      // A probe that returns an assertion object is known to be a block only once it returned.
      this.assertionBlock = spec.valueless();
    }

    WaitResult<T> execute() {
      start = time.nanoTime();
      realStart = System.nanoTime();
      deadline = Durations.saturatedAdd(start, scaledWindowNanos);
      tasksRunAtStart = virtual != null ? virtual.tasksRun() : 0;
      try {
        if (spec.initialDelayNanos() > 0) {
          sleepUntil(start + spec.initialDelayNanos());
        }
        boolean woken = false;
        while (true) {
          long seen = env.signal().version();
          long evaluationStart = time.nanoTime();
          boolean finalAttempt = evaluationStart - deadline >= 0;
          Outcome outcome = evaluator.evaluate(watchdogDeadline(evaluationStart));
          if (outcome.blocked()) {
            return failure(timeoutError(FailureMessages.blocked(facts(), evaluationStart - start)));
          }
          attempts++;
          record(outcome, evaluationStart, woken);
          WaitResult<T> ended = judge(outcome);
          if (ended != null) {
            return ended;
          }
          if (finalAttempt) {
            return atDeadline();
          }
          checkRealTimeCap();
          if (Thread.currentThread().isInterrupted()) {
            // Someone else's interrupt (the watchdog clears its own): it ends the wait.
            throw new InterruptedException("interrupted while waiting");
          }
          woken = awaitChange(seen, nextWakeAt());
          if (woken) {
            signalWakeups++;
          }
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return failure(
            new WaitAbortedError(
                FailureMessages.interrupted(facts()), interrupted, attempts, elapsed()));
      } catch (StalledError stalled) {
        return failure(stalled.error);
      }
    }

    /**
     * When to look again if nothing happens: after the poll strategy's pause under real time; at
     * the deadline under virtual time, where only a task or a pulse can change anything.
     */
    private long nextWakeAt() {
      if (virtual != null) {
        // VirtualTimeSource.awaitChange returns after each instant at which tasks ran.
        return deadline;
      }
      long pause = Math.max(1, poll.nextDelayNanos(attempts));
      return Math.min(Durations.saturatedAdd(time.nanoTime(), pause), deadline);
    }

    /**
     * Parks (real time) or runs scheduled tasks (virtual time) until the signal moves or {@code
     * wakeAt}. Under virtual time a task may block on something real, so the watchdog guards this
     * too and the real-time cap ends the wait.
     */
    private boolean awaitChange(long seen, long wakeAt) throws InterruptedException {
      if (!time.isVirtual()) {
        return spinThroughFirstMillisecond(seen, wakeAt)
            || time.awaitChange(env.signal(), seen, wakeAt);
      }
      Watchdog.Guard guard = Watchdog.shared().guard(realTimeCapAt());
      try {
        return time.awaitChange(env.signal(), seen, wakeAt);
      } finally {
        guard.close();
        checkRealTimeCap();
      }
    }

    /**
     * Spins, rather than parks, while the wait is in its first real millisecond: a change is most
     * likely then, and waking a parked thread costs more than such a pause. Later pauses park, so a
     * long wait polling every millisecond costs almost no CPU.
     */
    private boolean spinThroughFirstMillisecond(long seen, long wakeAt)
        throws InterruptedException {
      long spinLeft =
          Math.min(SPIN_WINDOW_NANOS - (System.nanoTime() - realStart), wakeAt - time.nanoTime());
      return spinLeft > 0 && env.signal().spinForPulse(seen, spinLeft);
    }

    private long realTimeCapAt() {
      return Durations.saturatedAdd(realStart, env.patience().realTimeCap().toNanos());
    }

    private void sleepUntil(long wakeAt) throws InterruptedException {
      // The signal is ignored here: an initial delay is a promise not to look before it ends.
      while (time.nanoTime() - wakeAt < 0) {
        time.awaitChange(env.signal(), env.signal().version(), wakeAt);
      }
    }

    /** Real-time instant at which a still-running evaluation is interrupted. */
    private long watchdogDeadline(long evaluationStart) {
      long grace = env.patience().evaluationGrace().toNanos();
      if (time.isVirtual()) {
        return realTimeCapAt();
      }
      // Under real time the source's readings are System.nanoTime() readings. Every evaluation
      // gets at least the grace (the final one, at the deadline, too): one that began just before
      // the deadline is as much the last as the one at it, and cutting it off there would fail a
      // wait over a few busy microseconds.
      long graced = Durations.saturatedAdd(evaluationStart, grace);
      return graced - deadline > 0 ? graced : deadline;
    }

    private void record(Outcome outcome, long evaluationStart, boolean woken) {
      assertionBlock |= outcome.assertion();
      hasValue = outcome.returned() && !outcome.assertion();
      lastValue = outcome.value();
      if (outcome.failure() != null) {
        if (firstFailure == null) {
          firstFailure = outcome.failure();
        }
        lastFailure = outcome.failure();
      } else if (outcome.returned()) {
        lastFailure = null;
      }
      if (spec.listener() != null) {
        spec.listener()
            .onEvaluation(
                new Evaluation(
                    attempts,
                    Duration.ofNanos(evaluationStart - start),
                    outcome.value(),
                    outcome.failure(),
                    outcome.holds(),
                    woken));
      }
    }

    private @Nullable WaitResult<T> judge(Outcome outcome) {
      if (outcome.futureFailed()) {
        return failure(
            new WaitAbortedError(
                FailureMessages.futureFailed(facts()), cause(), attempts, elapsed()));
      }
      switch (spec.kind()) {
        case EVENTUALLY -> {
          if (outcome.holds()) {
            return success(outcome.value());
          }
        }
        case CONTINUALLY -> {
          if (!outcome.holds()) {
            return failure(
                new ConditionViolatedError(
                    FailureMessages.stoppedHolding(facts()), cause(), attempts, elapsed()));
          }
        }
        case NEVER -> {
          if (outcome.holds()) {
            return failure(
                new ConditionViolatedError(
                    FailureMessages.happened(facts()), cause(), attempts, elapsed()));
          }
        }
      }
      if (spec.failFast() != null && spec.failFast().getAsBoolean()) {
        return failure(
            new WaitAbortedError(
                FailureMessages.failedFast(facts(), String.valueOf(spec.failFastReason())),
                cause(),
                attempts,
                elapsed()));
      }
      return null;
    }

    private WaitResult<T> atDeadline() {
      if (spec.kind() == WaitKind.EVENTUALLY) {
        return failure(timeoutError(FailureMessages.timeout(facts())));
      }
      return success(lastValue);
    }

    private void checkRealTimeCap() {
      if (!time.isVirtual()) {
        return;
      }
      Duration cap = env.patience().realTimeCap();
      if (System.nanoTime() - realTimeCapAt() >= 0) {
        throw new StalledError(
            timeoutError(FailureMessages.stalled(facts(), Durations.format(cap))));
      }
    }

    private WaitTimeoutError timeoutError(String message) {
      return new WaitTimeoutError(message, cause(), attempts, elapsed());
    }

    private @Nullable Throwable cause() {
      Throwable cause = lastFailure;
      if (cause != null && firstFailure != null && firstFailure != cause) {
        boolean alreadyAttached = false;
        for (Throwable s : cause.getSuppressed()) {
          alreadyAttached |= s == firstFailure;
        }
        if (!alreadyAttached && !sameFailure(firstFailure, cause)) {
          cause.addSuppressed(firstFailure);
        }
      }
      return cause;
    }

    private static boolean sameFailure(Throwable a, Throwable b) {
      return a.getClass() == b.getClass()
          && String.valueOf(a.getMessage()).equals(String.valueOf(b.getMessage()));
    }

    private WaitResult<T> success(@Nullable Object value) {
      @SuppressWarnings("unchecked")
      T typed = (T) value;
      return new WaitResult<>(true, typed, null, attempts, elapsed());
    }

    private WaitResult<T> failure(WaitFailedError error) {
      @SuppressWarnings("unchecked")
      T typed = (T) lastValue;
      return new WaitResult<>(false, typed, error, attempts, elapsed());
    }

    private Duration elapsed() {
      return Duration.ofNanos(Math.max(0, time.nanoTime() - start));
    }

    private WaitFacts facts() {
      return new WaitFacts(
          spec.describe(),
          windowNanos,
          env.patience().timeScale(),
          Math.max(0, time.nanoTime() - start),
          attempts,
          signalWakeups,
          virtual != null ? null : String.valueOf(poll),
          assertionBlock,
          hasValue,
          lastValue,
          lastFailure,
          diagnostics(),
          timeNote(),
          env.timeline().renderTail(tail()));
    }

    /** What this wait's time source adds: under virtual time, what ran and how to replay. */
    private String timeNote() {
      if (virtual == null) {
        return "";
      }
      long ran = virtual.tasksRun() - tasksRunAtStart;
      String tasks =
          ran == 0
              ? "virtual time: no task ran during this wait, so the clock jumped to the deadline;"
                  + " a condition that depends on a real thread or real I/O cannot be reached by"
                  + " virtual time (run that work on vigil.scheduler(), or use a real-time context)"
              : "virtual time: " + ran + (ran == 1 ? " task" : " tasks") + " ran during this wait";
      return tasks + FailureMessages.lineBreak() + "  " + virtual.replayHint();
    }

    private int tail() {
      return spec.timelineTail() != null ? spec.timelineTail() : env.patience().timelineTail();
    }

    private @Nullable String diagnostics() {
      if (spec.diagnostics() == null) {
        return null;
      }
      try {
        return String.valueOf(spec.diagnostics().get());
      } catch (RuntimeException | AssertionError broken) {
        // Diagnostics must never hide the failure they were meant to explain.
        return "(diagnostics failed: " + broken + ")";
      }
    }
  }

  /** Carries a stall failure out of the loop. */
  private static final class StalledError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient WaitTimeoutError error;

    StalledError(WaitTimeoutError error) {
      super(null, null, false, false);
      this.error = error;
    }
  }
}
