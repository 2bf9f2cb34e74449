package dev.vigil.async;

import dev.vigil.Vigil;
import dev.vigil.internal.Durations;
import dev.vigil.time.PendingTask;
import dev.vigil.time.VirtualTimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A check that an operation times out at exactly its deadline on virtual time, not a moment before;
 * made by {@code vigil.timesOut(operation)}. Immutable until {@link #at}, which runs it.
 *
 * <pre>{@code
 * try (Vigil vigil = Vigil.withVirtualTime()) {
 *   Client client = new Client(vigil.scheduler(), unansweredServer);
 *   vigil.timesOut(() -> client.fetch("order-1"))      // started by the check
 *       .at(Duration.ofSeconds(5))                     // not done at 5 s - 1 ns, TimeoutException at 5 s
 *       .leavingNothingScheduled()                     // no retry or poll it scheduled is pending
 *       .and("listener removed", () -> bus.listeners().isEmpty());
 * }
 * }</pre>
 *
 * <p>The code under test must take its timeouts from the context's scheduler ({@code
 * vigil.scheduler()}); {@code CompletableFuture.orTimeout} runs on the JDK's own real-time thread
 * (see {@link Timeouts}).
 *
 * @since 0.1
 */
public final class TimeoutCheck {
  private final Vigil vigil;
  private final Supplier<? extends Future<?>> operation;
  private final Class<? extends Throwable> expected;

  private TimeoutCheck(
      Vigil vigil, Supplier<? extends Future<?>> operation, Class<? extends Throwable> expected) {
    this.vigil = vigil;
    this.operation = operation;
    this.expected = expected;
  }

  /**
   * Prepares the check; the same as {@code vigil.timesOut(operation)}.
   *
   * @param vigil a context on virtual time
   * @param operation starts the operation and returns its future; called once, by {@link #at}
   * @return the check, expecting a {@link TimeoutException}
   */
  public static TimeoutCheck of(Vigil vigil, Supplier<? extends Future<?>> operation) {
    Objects.requireNonNull(vigil, "vigil must not be null");
    Objects.requireNonNull(operation, "operation must not be null");
    return new TimeoutCheck(vigil, operation, TimeoutException.class);
  }

  /**
   * Expects the future to fail with an instance of {@code type} at the deadline, instead of a
   * {@link TimeoutException}.
   *
   * @param type such as {@code PaymentTimeoutException.class}
   * @return the changed check
   */
  public TimeoutCheck with(Class<? extends Throwable> type) {
    return new TimeoutCheck(
        vigil, operation, Objects.requireNonNull(type, "type must not be null"));
  }

  /**
   * Starts the operation and checks that it times out {@code deadline} after that: it moves the
   * virtual clock to one nanosecond before the deadline (running what falls due) and checks the
   * future is not done, then to the deadline and checks it failed with the expected type.
   *
   * @param deadline positive, from the moment the operation starts
   * @return what timed out, for the cleanup checks
   * @throws IllegalStateException when the context runs on real time
   * @throws AsyncAssertionError when the future completed early, was still running at the deadline,
   *     or ended otherwise than with the expected failure
   */
  public TimedOut at(Duration deadline) {
    long nanos = Durations.positiveNanos("deadline", deadline);
    VirtualTimeSource time = virtualTime();
    Set<Long> pendingBefore = sequences(time.pending());
    Instant start = time.instant();
    Future<?> future =
        Objects.requireNonNull(operation.get(), "operation must return a future, returned null");
    WatchedFutures<Object> watched = WatchedFutures.of(vigil, List.of(future));
    // A plain future cannot report its completion: look after every task, at that task's instant.
    Runnable poll = watched::poll;
    time.scheduler().addTaskListener(poll);
    TimeoutScene scene = new TimeoutScene(time, start, deadline, pendingBefore);
    try {
      watched.poll();
      time.advanceTo(start.plusNanos(nanos - 1));
      FutureOutcome<Object> early = watched.outcome(0);
      if (early != null) {
        throw new AsyncAssertionError(scene.early(early), early.failure());
      }
      time.advanceTo(scene.deadlineAt());
    } finally {
      time.scheduler().removeTaskListener(poll);
    }
    return judge(scene, watched.outcome(0));
  }

  private TimedOut judge(
      TimeoutScene scene, @org.jspecify.annotations.Nullable FutureOutcome<?> at) {
    if (at == null) {
      throw new AsyncAssertionError(scene.stillRunning(), null);
    }
    Throwable failure = at.failure();
    if (failure == null || !expected.isInstance(failure)) {
      throw new AsyncAssertionError(scene.wrongEnd(expected, at), failure);
    }
    return new TimedOut(scene, failure);
  }

  private VirtualTimeSource virtualTime() {
    if (vigil.time() instanceof VirtualTimeSource virtual) {
      return virtual;
    }
    throw new IllegalStateException(
        "timesOut(...).at(...) needs virtual time to check the instant a timeout fires, but this"
            + " context runs on "
            + vigil.time()
            + "; create it with Vigil.withVirtualTime() and give the code under test"
            + " vigil.scheduler() for its timeouts");
  }

  static Set<Long> sequences(List<PendingTask> pending) {
    return pending.stream().map(PendingTask::sequence).collect(Collectors.toSet());
  }
}
