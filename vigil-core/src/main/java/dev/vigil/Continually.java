package dev.vigil;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A check that a condition holds on every evaluation for a whole window, failing at once, with the
 * moment, on the first evaluation that does not.
 *
 * <pre>{@code
 * vigil.continually(() -> pool.activeConnections() <= 10)
 *     .describedAs("the pool to stay within 10 connections")
 *     .throughout(Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>The window is not multiplied by the time scale: it is what the test observes, not patience.
 *
 * @param <T> the type of the value observed
 * @since 0.1
 */
public final class Continually<T extends @Nullable Object> extends WaitOptions<Continually<T>> {

  Continually(WaitEngine.Environment env, WaitSpec spec, Probe<?> probe) {
    super(env, spec, probe);
  }

  @Override
  Continually<T> with(WaitSpec changed) {
    return new Continually<>(env, changed, probe);
  }

  /**
   * Holds when the value satisfies {@code predicate}, instead of when it is merely there.
   *
   * @param predicate the test for the value; may receive {@code null}
   * @return the changed wait
   */
  @SuppressWarnings("unchecked")
  public Continually<T> matching(Predicate<? super T> predicate) {
    Objects.requireNonNull(predicate, "predicate must not be null");
    SpecBuilder b = new SpecBuilder(spec);
    b.predicate = (Predicate<Object>) predicate;
    return with(b.build());
  }

  /**
   * Checks the condition for the whole of {@code duration}.
   *
   * @param duration the window, positive
   * @return the value of the last evaluation
   * @throws ConditionViolatedError on the first evaluation that does not hold
   */
  public T throughout(Duration duration) {
    return tryThroughout(duration).orThrow();
  }

  /**
   * Checks like {@link #throughout} but returns the outcome instead of throwing.
   *
   * @param duration the window, positive
   * @return the outcome, holding the error {@link #throughout} would have thrown
   */
  public WaitResult<T> tryThroughout(Duration duration) {
    return run("duration", duration);
  }
}
