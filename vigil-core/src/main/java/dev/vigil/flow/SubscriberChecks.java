package dev.vigil.flow;

import dev.vigil.Vigil;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The waits and assertions of a {@link TestSubscriber}, over its state. */
final class SubscriberChecks<T> {
  private final Vigil vigil;
  private final String subject;
  private final @Nullable Duration timeout;
  private final SubscriberState<T> state;

  SubscriberChecks(
      Vigil vigil, String subject, @Nullable Duration timeout, SubscriberState<T> state) {
    this.vigil = vigil;
    this.subject = subject;
    this.timeout = timeout;
    this.state = state;
  }

  String subject() {
    return subject;
  }

  List<T> awaitItems(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive, was " + count);
    }
    String items = FlowTexts.count(count, "item");
    vigil
        .eventually(() -> state.itemCount() >= count)
        .describedAs(subject + " to receive " + items)
        .failFastWhen(subject + " terminated before receiving " + items, state::isTerminated)
        .diagnostics(state::describe)
        .within(timeout());
    checkNoViolations();
    return state.items();
  }

  List<T> awaitCompletion() {
    vigil
        .eventually(state::isCompleted)
        .describedAs(subject + " to complete")
        .failFastWhen(subject + " failed instead", () -> state.error() != null)
        .diagnostics(state::describe)
        .within(timeout());
    checkNoViolations();
    return state.items();
  }

  Throwable awaitError() {
    Throwable error =
        vigil
            .<@Nullable Throwable>eventually(state::error)
            .describedAs(subject + " to fail")
            .failFastWhen(subject + " completed instead", state::isCompleted)
            .diagnostics(state::describe)
            .within(timeout());
    checkNoViolations();
    return Objects.requireNonNull(error);
  }

  void checkItems(List<T> expected) {
    checkNoViolations();
    List<T> actual = state.items();
    if (!actual.equals(expected)) {
      throw new FlowAssertionError(SubscriberTexts.items(subject, actual, expected));
    }
  }

  void checkCompleted() {
    checkNoViolations();
    if (!state.isCompleted()) {
      throw new FlowAssertionError(
          SubscriberTexts.notCompleted(subject, state.describe(), state.error()));
    }
  }

  void checkError(Class<? extends Throwable> type) {
    Objects.requireNonNull(type, "type must not be null");
    checkNoViolations();
    Throwable error = state.error();
    if (!type.isInstance(error)) {
      throw new FlowAssertionError(
          SubscriberTexts.notFailedWith(
              subject, state.describe(), type, state.isCompleted(), error));
    }
  }

  void checkNotTerminated() {
    checkNoViolations();
    if (state.isTerminated()) {
      throw new FlowAssertionError(
          SubscriberTexts.terminated(subject, state.describe(), state.error()));
    }
  }

  void checkNoViolations() {
    List<String> violations = state.violations();
    if (!violations.isEmpty()) {
      throw new FlowAssertionError(
          SubscriberTexts.violations(subject, state.describe(), violations));
    }
  }

  private Duration timeout() {
    return timeout != null ? timeout : vigil.patience().timeout();
  }
}
