package dev.vigil;

import dev.vigil.internal.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Every value a probe took while a test ran, so that a state that changed and changed back between
 * two polls is not missed. Made by {@link Vigil#history}, it reads the probe at once, after every
 * pulse of the signal (in the thread that pulsed), after every task of virtual time, and on real
 * time every poll interval; each change is a timeline entry of source {@value #SOURCE}.
 *
 * <pre>{@code
 * try (ValueHistory<String> status = vigil.history("order o-1 status", () -> orders.status("o-1"))) {
 *   orders.place("o-1");
 *   vigil.eventually(() -> status.wasEver("SHIPPED")).within(Duration.ofSeconds(5));
 *   status.assertWentThrough("NEW", "PAID", "SHIPPED").assertNever("CANCELLED"::equals, "cancelled");
 * }
 * }</pre>
 *
 * <p>The probe runs in whichever thread pulsed, so keep it quick and free of locks the code under
 * test may hold; what it throws is kept and shown in failures, never passed to that thread.
 *
 * @param <T> the type of the value
 * @since 0.1
 */
public final class ValueHistory<T extends @Nullable Object> implements AutoCloseable {
  /** The source of the timeline entry recorded for each change. */
  public static final String SOURCE = "history";

  /**
   * One value and when it was first read.
   *
   * @param value the value
   * @param at when it was read, on the context's clock
   * @param <T> the type of the value
   */
  public record Sample<T extends @Nullable Object>(T value, Instant at) {}

  private final Vigil vigil;
  private final String name;
  private final Probe<T> probe;
  private final List<Sample<T>> samples = new ArrayList<>();
  private final List<Long> sampleNanos = new ArrayList<>();
  private final AtomicBoolean sampling = new AtomicBoolean();
  private final AtomicBoolean dirty = new AtomicBoolean();
  private final Runnable listener = this::sample;
  private final @Nullable ScheduledFuture<?> poller;
  private int reads;
  private int failures;
  private @Nullable Throwable lastFailure;
  private volatile boolean closed;

  ValueHistory(Vigil vigil, String name, Probe<T> probe, Duration pollInterval) {
    this.vigil = vigil;
    this.name = name;
    this.probe = probe;
    sample();
    vigil.signal().addListener(listener);
    if (vigil.time().isVirtual()) {
      vigil.virtualTime().scheduler().addTaskListener(listener);
      poller = null;
    } else {
      long every = pollInterval.toNanos();
      poller =
          vigil.scheduler().scheduleWithFixedDelay(listener, every, every, TimeUnit.NANOSECONDS);
    }
    vigil.track(this, "ValueHistory \"" + name + "\"");
  }

  /**
   * Reads the probe now and records the value if it changed; the history also does this on its own.
   */
  public void sample() {
    dirty.set(true);
    // One reader at a time; a pulse during a read (the change's own timeline entry, say) marks
    // the history dirty and the reader reads once more instead of recursing or blocking.
    while (!closed && dirty.get() && sampling.compareAndSet(false, true)) {
      try {
        dirty.set(false);
        readOnce();
      } finally {
        sampling.set(false);
      }
    }
  }

  private void readOnce() {
    T value;
    try {
      value = probe.observe();
    } catch (Exception | AssertionError e) { // an assertion in the probe fails a read, no more
      synchronized (this) {
        failures++;
        lastFailure = e;
      }
      return;
    }
    Sample<T> added;
    synchronized (this) {
      reads++;
      if (!samples.isEmpty() && Deltas.same(samples.get(samples.size() - 1).value(), value)) {
        return;
      }
      added = new Sample<>(value, vigil.time().instant());
      samples.add(added);
      sampleNanos.add(vigil.time().nanoTime());
    }
    vigil
        .timeline()
        .record(SOURCE, "value " + name, null, Map.of("value", FailureMessages.show(value)));
  }

  /**
   * Returns the name given to the history.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns each value the probe took, in order, with when it was first read: the first sample is
   * the value at the start, and each later one differs from the one before it.
   *
   * @return a copy
   */
  public synchronized List<Sample<T>> samples() {
    return List.copyOf(samples);
  }

  /**
   * Returns the values the probe took, in order, without repeats of the one before.
   *
   * @return a copy, such as {@code [100, 97, 100]}
   */
  public synchronized List<T> values() {
    List<T> values = new ArrayList<>();
    for (Sample<T> sample : samples) {
      values.add(sample.value());
    }
    return values;
  }

  /**
   * Returns whether the probe ever returned {@code value} (numbers by value).
   *
   * @param value the value looked for
   * @return {@code true} when it was seen
   */
  public boolean wasEver(@Nullable Object value) {
    return values().stream().anyMatch(seen -> Deltas.same(seen, value));
  }

  /**
   * Returns whether the probe took these values in this order, other values allowed in between.
   *
   * @param expected the values, in order
   * @return {@code true} when they were seen in order
   */
  public boolean wentThrough(@Nullable Object... expected) {
    int next = 0;
    for (T seen : values()) {
      if (next < expected.length && Deltas.same(seen, expected[next])) {
        next++;
      }
    }
    return next == expected.length;
  }

  /**
   * Checks that the probe returned {@code value} at some point. Like every check here, its failure
   * lists each value with its time since the first.
   *
   * @param value the value expected
   * @return this history, to chain further checks
   * @throws AssertionError naming every value seen, when it never did
   */
  public ValueHistory<T> assertWasEver(@Nullable Object value) {
    if (!wasEver(value)) {
      throw failure("to have been " + FailureMessages.show(value) + " at some point");
    }
    return this;
  }

  /**
   * Checks that the probe took these values in this order, other values allowed in between.
   *
   * @param expected the values, in order
   * @return this history
   * @throws AssertionError naming every value seen, when it did not
   */
  public ValueHistory<T> assertWentThrough(@Nullable Object... expected) {
    if (!wentThrough(expected)) {
      throw failure("to go through " + FailureMessages.show(expected) + " in that order");
    }
    return this;
  }

  /**
   * Checks that no value the probe took satisfied {@code condition}.
   *
   * @param condition what must never have held
   * @param description what the condition means, such as {@code "negative"}
   * @return this history
   * @throws AssertionError naming the first value that did, and when
   */
  public ValueHistory<T> assertNever(Predicate<? super T> condition, String description) {
    Objects.requireNonNull(condition, "condition must not be null");
    Objects.requireNonNull(description, "description must not be null");
    for (Sample<T> sample : samples()) {
      if (condition.test(sample.value())) {
        throw failure("never to be " + description);
      }
    }
    return this;
  }

  /**
   * Checks that no numeric value the probe took was below {@code floor}.
   *
   * @param floor the least value allowed
   * @return this history
   * @throws AssertionError naming the values, when one was below
   */
  public ValueHistory<T> assertNeverBelow(Number floor) {
    Objects.requireNonNull(floor, "floor must not be null");
    return assertNever(
        value ->
            value instanceof Number n && Deltas.decimal(n).compareTo(Deltas.decimal(floor)) < 0,
        "below " + floor);
  }

  private synchronized AssertionError failure(String expectation) {
    StringBuilder text =
        new StringBuilder("Expected ").append(name).append(' ').append(expectation);
    text.append(", but its values were:");
    for (int i = 0; i < samples.size(); i++) {
      text.append(FailureMessages.lineBreak())
          .append("  ")
          .append(FailureMessages.show(samples.get(i).value()))
          .append(" at +")
          .append(Durations.formatNanos(sampleNanos.get(i) - sampleNanos.get(0)));
    }
    text.append(FailureMessages.lineBreak()).append("  (").append(reads).append(" reads");
    if (failures > 0) {
      text.append("; the probe failed ").append(failures).append(" times, last with ");
      text.append(lastFailure);
    }
    return new AssertionError(text.append(')').toString());
  }

  /**
   * Stops recording; the values recorded stay readable. Closing the context closes its histories.
   */
  @Override
  public void close() {
    closed = true;
    vigil.signal().removeListener(listener);
    if (poller != null) {
      poller.cancel(false);
    } else {
      vigil.virtualTime().scheduler().removeTaskListener(listener);
    }
    vigil.untrack(this);
  }

  @Override
  public synchronized String toString() {
    return "ValueHistory[" + name + ": " + values() + "]";
  }
}
