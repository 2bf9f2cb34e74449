package dev.vigil;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything a wait was configured with, immutable; the fluent wait types copy it with one field
 * changed per call.
 *
 * @param kind which evaluation ends the wait
 * @param description what is awaited, in words, or {@code null}
 * @param pollStrategy the strategy, or {@code null} for the context's default
 * @param initialDelayNanos the pause before the first evaluation
 * @param notYet the throwable types that mean "not yet" rather than ending the wait
 * @param failFastReason why the fail-fast condition ends the wait, or {@code null}
 * @param failFast the fail-fast condition, or {@code null}
 * @param diagnostics what to add to a failure message, or {@code null}
 * @param listener who hears about each evaluation, or {@code null}
 * @param predicate what the value must satisfy, or {@code null} for truthiness
 * @param timelineTail how many timeline entries a failure shows, or {@code null} for the default
 * @param valueless whether the condition is an assertion block, whose value means nothing
 */
record WaitSpec(
    WaitKind kind,
    @Nullable String description,
    @Nullable PollStrategy pollStrategy,
    long initialDelayNanos,
    List<Class<? extends Throwable>> notYet,
    @Nullable String failFastReason,
    @Nullable BooleanSupplier failFast,
    @Nullable Supplier<?> diagnostics,
    @Nullable EvaluationListener listener,
    @Nullable Predicate<Object> predicate,
    @Nullable Integer timelineTail,
    boolean valueless) {

  /** By default any exception or assertion failure means "not yet"; other errors end the wait. */
  public static final List<Class<? extends Throwable>> DEFAULT_NOT_YET =
      List.of(AssertionError.class, Exception.class);

  /**
   * Returns a spec with every option at its default.
   *
   * @param kind which evaluation ends the wait
   * @return the spec
   */
  public static WaitSpec of(WaitKind kind) {
    return new WaitSpec(
        kind, null, null, 0, DEFAULT_NOT_YET, null, null, null, null, null, null, false);
  }

  /**
   * Returns the description, or a stand-in that tells the reader how to name the condition.
   *
   * @return the text shown in messages
   */
  public String describe() {
    return description != null ? description : "the condition (name it with describedAs)";
  }
}
