package dev.vigil;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A value read before an event, to wait for its change after it: by a delta, to a value, or to
 * anything else. Made by {@link Vigil#change}, which reads the value at once.
 *
 * <pre>{@code
 * Change<Integer> stock = vigil.change(() -> inventory.quantity("sku-1")).describedAs("stock of sku-1");
 * orders.place("sku-1", 3);
 * stock.from(100).by(-3).within(Duration.ofSeconds(5));
 * // on timeout: "Timed out after 5s waiting for stock of sku-1 to change by -3: expected 97 (100 - 3)"
 * //             "  last value:   98"
 * }</pre>
 *
 * @param <T> the type of the value
 * @since 0.1
 */
public final class Change<T extends @Nullable Object> {
  private final Vigil vigil;
  private final Probe<T> probe;
  private final T before;
  private final String name;

  private Change(Vigil vigil, Probe<T> probe, T before, String name) {
    this.vigil = vigil;
    this.probe = probe;
    this.before = before;
    this.name = name;
  }

  static <T extends @Nullable Object> Change<T> readNow(Vigil vigil, Probe<T> probe) {
    Objects.requireNonNull(probe, "probe must not be null");
    T before;
    try {
      before = probe.observe();
    } catch (Exception e) {
      throw new IllegalStateException("the probe failed reading the value before the change", e);
    }
    if (before instanceof AtomicInteger
        || before instanceof AtomicLong
        || before instanceof LongAdder
        || before instanceof DoubleAdder) {
      throw new IllegalArgumentException(
          "probe must return the value, not the live "
              + before.getClass().getSimpleName()
              + " that holds it (which changes with it): read it, as in () -> counter.get()");
    }
    return new Change<>(vigil, probe, before, "the value");
  }

  /**
   * Names the value for failure messages, such as {@code "stock of sku-1"}.
   *
   * @param description what the value is; not blank
   * @return the same change, named
   */
  public Change<T> describedAs(String description) {
    Objects.requireNonNull(description, "description must not be null");
    if (description.isBlank()) {
      throw new IllegalArgumentException(
          "description must not be blank, was '" + description + "'");
    }
    return new Change<>(vigil, probe, before, description);
  }

  /**
   * Returns the value read before the change.
   *
   * @return the value {@link Vigil#change} read
   */
  public T before() {
    return before;
  }

  /**
   * Checks that the value before was {@code expected} (numbers by value), failing at once if not.
   *
   * @param expected the value the test set up
   * @return this change, to chain {@link #to} or {@link #by}
   * @throws AssertionError when the value before was different
   */
  public Change<T> from(@Nullable Object expected) {
    if (!Deltas.same(before, expected)) {
      throw new AssertionError(
          "Expected "
              + name
              + " to start at "
              + FailureMessages.show(expected)
              + ", but it was "
              + FailureMessages.show(before));
    }
    return this;
  }

  /**
   * Waits for the value to become the value before plus {@code delta}, compared by value.
   *
   * @param delta such as {@code -3}; any {@link Number}
   * @return the wait, returning the value after
   * @throws IllegalStateException when the value before is not a number
   */
  public Eventually<T> by(Number delta) {
    Objects.requireNonNull(delta, "delta must not be null");
    if (!(before instanceof Number number)) {
      throw new IllegalStateException(
          "by(delta) needs a number, but "
              + name
              + " was "
              + FailureMessages.show(before)
              + (before == null ? "" : " (" + before.getClass().getSimpleName() + ")")
              + "; use to(value) instead");
    }
    Number expected = Deltas.plus(number, delta);
    return until(
        value -> Deltas.same(value, expected),
        "by " + delta + ": expected " + expected + " (" + Deltas.arithmetic(number, delta) + ")");
  }

  /**
   * Waits for the value to become {@code expected} (numbers by value, arrays by content).
   *
   * @param expected the value after
   * @return the wait, returning the value after
   */
  public Eventually<T> to(@Nullable Object expected) {
    return until(
        value -> Deltas.same(value, expected),
        "from " + FailureMessages.show(before) + " to " + FailureMessages.show(expected));
  }

  /**
   * Waits for the value to differ from the value before, whatever it becomes.
   *
   * @return the wait, returning the value after
   */
  public Eventually<T> toAnythingElse() {
    return until(value -> !Deltas.same(value, before), "from " + FailureMessages.show(before));
  }

  /** A wait on the probe for {@code done}, described as "{name} to change {how}". */
  private Eventually<T> until(Predicate<? super T> done, String how) {
    return vigil.eventually(probe).matching(done).describedAs(name + " to change " + how);
  }

  @Override
  public String toString() {
    return "Change[" + name + " from " + FailureMessages.show(before) + "]";
  }
}
