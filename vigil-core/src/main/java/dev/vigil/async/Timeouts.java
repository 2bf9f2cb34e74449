package dev.vigil.async;

import dev.vigil.internal.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A timeout on a scheduler of your choosing, for code that must time out on a test's clock.
 *
 * <p>{@link CompletableFuture#orTimeout} and {@link CompletableFuture#completeOnTimeout} do not run
 * on Vigil's clock: the JDK arms them on a static scheduler of its own, a daemon thread named
 * {@code CompletableFutureDelayScheduler} (JDK 9 to 24) or {@code
 * ForkJoinPool.commonPool-delayScheduler} (JDK 25), that counts real time. Under virtual time they
 * never fire when the virtual clock passes their deadline, and under real time a test cannot move
 * them. Code that takes a {@link ScheduledExecutorService} for its timeouts (the context's {@code
 * vigil.scheduler()} in tests) times out at exactly its deadline in virtual time; {@link
 * #failAfter} is that pattern in one call, to use in test doubles or to copy into production code.
 *
 * @since 0.1
 */
public final class Timeouts {
  private Timeouts() {}

  /**
   * Fails {@code future} with a {@link TimeoutException} after {@code timeout} on {@code
   * scheduler}, unless it completes first; then the timer is cancelled, so nothing stays scheduled.
   * Like {@code orTimeout}, but on the given scheduler.
   *
   * <pre>{@code
   * CompletableFuture<Profile> profile =
   *     Timeouts.failAfter(api.fetchProfile(id), Duration.ofSeconds(5), scheduler);
   * }</pre>
   *
   * @param future the future to bound
   * @param timeout positive
   * @param scheduler the scheduler that fires the timeout, such as {@code vigil.scheduler()}
   * @param <T> the type of the value
   * @return {@code future} itself
   */
  public static <T> CompletableFuture<T> failAfter(
      CompletableFuture<T> future, Duration timeout, ScheduledExecutorService scheduler) {
    Objects.requireNonNull(future, "future must not be null");
    long nanos = Durations.positiveNanos("timeout", timeout);
    Objects.requireNonNull(scheduler, "scheduler must not be null");
    if (future.isDone()) {
      return future;
    }
    ScheduledFuture<?> timer =
        scheduler.schedule(
            new Timer(future, Durations.format(timeout)), nanos, TimeUnit.NANOSECONDS);
    future.whenComplete((value, failure) -> timer.cancel(false));
    return future;
  }

  /** Fails its future when it runs; named so that lists of pending tasks say what it is. */
  private static final class Timer implements Runnable {
    private final CompletableFuture<?> future;
    private final String timeout;

    Timer(CompletableFuture<?> future, String timeout) {
      this.future = future;
      this.timeout = timeout;
    }

    @Override
    public void run() {
      future.completeExceptionally(new TimeoutException("timed out after " + timeout));
    }

    @Override
    public String toString() {
      return "timeout after " + timeout;
    }
  }
}
