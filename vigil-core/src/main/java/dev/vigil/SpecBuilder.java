package dev.vigil;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** A mutable copy of a {@link WaitSpec}, alive only while one option is changed. */
final class SpecBuilder {
  WaitKind kind;
  @Nullable String description;
  @Nullable PollStrategy pollStrategy;
  long initialDelayNanos;
  List<Class<? extends Throwable>> notYet;
  @Nullable String failFastReason;
  @Nullable BooleanSupplier failFast;
  @Nullable Supplier<?> diagnostics;
  @Nullable EvaluationListener listener;
  @Nullable Predicate<Object> predicate;
  @Nullable Integer timelineTail;
  boolean valueless;

  SpecBuilder(WaitSpec spec) {
    kind = spec.kind();
    description = spec.description();
    pollStrategy = spec.pollStrategy();
    initialDelayNanos = spec.initialDelayNanos();
    notYet = spec.notYet();
    failFastReason = spec.failFastReason();
    failFast = spec.failFast();
    diagnostics = spec.diagnostics();
    listener = spec.listener();
    predicate = spec.predicate();
    timelineTail = spec.timelineTail();
    valueless = spec.valueless();
  }

  WaitSpec build() {
    return new WaitSpec(
        kind,
        description,
        pollStrategy,
        initialDelayNanos,
        notYet,
        failFastReason,
        failFast,
        diagnostics,
        listener,
        predicate,
        timelineTail,
        valueless);
  }
}
