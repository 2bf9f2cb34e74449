package dev.vigil;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A check that a condition never holds within a window, failing at once, with the moment and the
 * value, when it does.
 *
 * <pre>{@code
 * vigil.never(() -> bus.peek("orders--dlq"))
 *     .describedAs("a dead letter")
 *     .within(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>An exception in the "not yet" set counts as "has not happened". The window is not multiplied
 * by the time scale.
 *
 * @param <T> the type of the value observed
 * @since 0.1
 */
public final class Never<T extends @Nullable Object> extends WaitOptions<Never<T>> {

  Never(WaitEngine.Environment env, WaitSpec spec, Probe<?> probe) {
    super(env, spec, probe);
  }

  @Override
  Never<T> with(WaitSpec changed) {
    return new Never<>(env, changed, probe);
  }

  /**
   * Counts as happened when the value satisfies {@code predicate}, instead of when it is there.
   *
   * @param predicate the test for the value; may receive {@code null}
   * @return the changed wait
   */
  @SuppressWarnings("unchecked")
  public Never<T> matching(Predicate<? super T> predicate) {
    Objects.requireNonNull(predicate, "predicate must not be null");
    SpecBuilder b = new SpecBuilder(spec);
    b.predicate = (Predicate<Object>) predicate;
    return with(b.build());
  }

  /**
   * Watches the condition for the whole of {@code window}.
   *
   * @param window positive
   * @throws ConditionViolatedError when the condition holds on some evaluation
   */
  public void within(Duration window) {
    tryWithin(window).orThrow();
  }

  /**
   * Watches like {@link #within} but returns the outcome instead of throwing.
   *
   * @param window positive
   * @return the outcome; its value is the one that broke the rule, if any
   */
  public WaitResult<T> tryWithin(Duration window) {
    return run("window", window);
  }
}
