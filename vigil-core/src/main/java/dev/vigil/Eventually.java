package dev.vigil;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A wait for a condition to hold: evaluated at once in the calling thread, again whenever the
 * context's signal pulses or the poll strategy says so, and once more at the deadline.
 *
 * <pre>{@code
 * Customer c = vigil.eventually(() -> repo.find(id))
 *     .describedAs("customer " + id + " to be stored")
 *     .within(Duration.ofSeconds(3));
 * }</pre>
 *
 * <p>The condition holds when the probe returns a value that is there (non-null, {@code true}, a
 * present {@code Optional}, a non-empty collection, map, array or string) or that satisfies {@link
 * #matching}; an assertion block holds when it does not throw.
 *
 * @param <T> the type of the value awaited
 * @since 0.1
 */
public final class Eventually<T extends @Nullable Object> extends WaitOptions<Eventually<T>> {

  Eventually(WaitEngine.Environment env, WaitSpec spec, Probe<?> probe) {
    super(env, spec, probe);
  }

  @Override
  Eventually<T> with(WaitSpec changed) {
    return new Eventually<>(env, changed, probe);
  }

  /**
   * Holds when the value satisfies {@code predicate}, instead of when it is merely there.
   *
   * @param predicate the test for the value; may receive {@code null}
   * @return the changed wait
   */
  @SuppressWarnings("unchecked")
  public Eventually<T> matching(Predicate<? super T> predicate) {
    Objects.requireNonNull(predicate, "predicate must not be null");
    SpecBuilder b = new SpecBuilder(spec);
    b.predicate = (Predicate<Object>) predicate;
    return with(b.build());
  }

  /**
   * Waits up to {@code timeout} (times the context's time scale) and returns the value awaited.
   *
   * @param timeout positive
   * @return the value that made the condition hold ({@code null} for an assertion block)
   * @throws WaitTimeoutError when the condition did not hold in time
   * @throws WaitAbortedError when the fail-fast condition held or the thread was interrupted
   */
  public T within(Duration timeout) {
    return tryWithin(timeout).orThrow();
  }

  /**
   * Waits up to the context's default timeout ({@link Patience#timeout()}).
   *
   * @return the value that made the condition hold
   * @throws WaitTimeoutError when the condition did not hold in time
   */
  public T get() {
    return within(env.patience().timeout());
  }

  /**
   * Waits like {@link #within} but returns the outcome instead of throwing.
   *
   * @param timeout positive
   * @return the outcome, holding the error {@link #within} would have thrown
   */
  public WaitResult<T> tryWithin(Duration timeout) {
    return run("timeout", timeout);
  }
}
