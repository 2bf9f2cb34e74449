package dev.vigil;

import dev.vigil.internal.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The options every wait shares. Each call returns a new, immutable wait; nothing runs until a
 * terminal method such as {@link Eventually#within} is called.
 *
 * @param <S> the concrete wait type, so that calls chain
 * @since 0.1
 */
public abstract sealed class WaitOptions<S extends WaitOptions<S>>
    permits Eventually, Continually, Never {
  final WaitEngine.Environment env;
  final WaitSpec spec;
  final Probe<?> probe;

  WaitOptions(WaitEngine.Environment env, WaitSpec spec, Probe<?> probe) {
    this.env = env;
    this.spec = spec;
    this.probe = probe;
  }

  abstract S with(WaitSpec changed);

  /**
   * Names what is awaited; the name leads every failure message.
   *
   * @param description such as {@code "customer c-1 to have two orders"}
   * @return the changed wait
   */
  public final S describedAs(String description) {
    Objects.requireNonNull(description, "description must not be null");
    return with(copy(b -> b.description = description));
  }

  /**
   * Chooses when to evaluate again if the signal does not pulse first.
   *
   * @param strategy such as {@link PollStrategy#fixed}
   * @return the changed wait
   */
  public final S pollingWith(PollStrategy strategy) {
    Objects.requireNonNull(strategy, "strategy must not be null");
    return with(copy(b -> b.pollStrategy = strategy));
  }

  /**
   * Waits this long before the first evaluation (by default there is no delay).
   *
   * @param delay zero or positive, shorter than the timeout or window
   * @return the changed wait
   */
  public final S initialDelay(java.time.Duration delay) {
    long nanos = Durations.nonNegativeNanos("initialDelay", delay);
    return with(copy(b -> b.initialDelayNanos = nanos));
  }

  /**
   * Chooses which throwables mean "not yet" instead of ending the wait at once. By default they are
   * {@link AssertionError} and {@link Exception}; errors such as {@link OutOfMemoryError} always
   * end the wait and cannot be listed.
   *
   * @param types the exception or assertion-error types
   * @return the changed wait
   */
  @SafeVarargs
  public final S notYetOn(Class<? extends Throwable>... types) {
    Objects.requireNonNull(types, "types must not be null");
    List<Class<? extends Throwable>> checked = new ArrayList<>();
    for (Class<? extends Throwable> type : types) {
      Objects.requireNonNull(type, "types must not contain null");
      if (Error.class.isAssignableFrom(type) && !AssertionError.class.isAssignableFrom(type)) {
        throw new IllegalArgumentException(
            "types may hold exceptions and assertion errors only, was " + type.getName());
      }
      checked.add(type);
    }
    List<Class<? extends Throwable>> notYet = List.copyOf(checked);
    return with(copy(b -> b.notYet = notYet));
  }

  /**
   * Ends the wait at once, as a failure, when {@code condition} holds after an evaluation: for
   * states from which success cannot come (an order rejected, a consumer dead).
   *
   * @param reason why giving up is right, shown in the failure
   * @param condition the condition to check after each evaluation
   * @return the changed wait
   */
  public final S failFastWhen(String reason, BooleanSupplier condition) {
    Objects.requireNonNull(reason, "reason must not be null");
    Objects.requireNonNull(condition, "condition must not be null");
    return with(
        copy(
            b -> {
              b.failFastReason = reason;
              b.failFast = condition;
            }));
  }

  /**
   * Adds the output of {@code diagnostics} to a failure message; it runs only on failure.
   *
   * @param diagnostics such as {@code () -> "queue depth " + queue.size()}
   * @return the changed wait
   */
  public final S diagnostics(Supplier<?> diagnostics) {
    Objects.requireNonNull(diagnostics, "diagnostics must not be null");
    return with(copy(b -> b.diagnostics = diagnostics));
  }

  /**
   * Reports every evaluation to {@code listener}, in the waiting thread.
   *
   * @param listener the listener
   * @return the changed wait
   */
  public final S onEvaluation(EvaluationListener listener) {
    Objects.requireNonNull(listener, "listener must not be null");
    return with(copy(b -> b.listener = listener));
  }

  /**
   * Shows this many of the latest timeline entries in a failure message.
   *
   * @param entries zero or more
   * @return the changed wait
   */
  public final S showingTimeline(int entries) {
    if (entries < 0) {
      throw new IllegalArgumentException("entries must not be negative, was " + entries);
    }
    return with(copy(b -> b.timelineTail = entries));
  }

  /** Runs the wait over a window, after checking it against the other options. */
  final <T> WaitResult<T> run(String windowName, java.time.Duration window) {
    long asked = Durations.positiveNanos(windowName, window);
    long scaled =
        spec.kind() == WaitKind.EVENTUALLY ? env.patience().scaledNanos(windowName, window) : asked;
    if (spec.initialDelayNanos() >= scaled) {
      throw new IllegalArgumentException(
          "initialDelay "
              + Durations.formatNanos(spec.initialDelayNanos())
              + " must be shorter than the "
              + windowName
              + " "
              + Durations.formatNanos(scaled));
    }
    PollStrategy poll =
        spec.pollStrategy() != null ? spec.pollStrategy() : env.patience().pollStrategy();
    long firstPause = poll.nextDelayNanos(1);
    if (firstPause > scaled) {
      throw new IllegalArgumentException(
          "poll interval "
              + Durations.formatNanos(firstPause)
              + " ("
              + poll
              + ") must not be longer than the "
              + windowName
              + " "
              + Durations.formatNanos(scaled));
    }
    return WaitEngine.run(env, spec, probe, asked, scaled);
  }

  private WaitSpec copy(java.util.function.Consumer<SpecBuilder> change) {
    SpecBuilder builder = new SpecBuilder(spec);
    change.accept(builder);
    return builder.build();
  }
}
