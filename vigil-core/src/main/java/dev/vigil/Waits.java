package dev.vigil;

import org.jspecify.annotations.Nullable;

/**
 * Static shortcuts to the waits of {@link Vigil#defaultContext()}, for tests that need nothing else
 * from a context.
 *
 * <pre>{@code
 * import static dev.vigil.Waits.eventually;
 *
 * eventually(() -> inbox.size() == 1).within(Duration.ofSeconds(2));
 * }</pre>
 *
 * @since 0.1
 */
public final class Waits {
  private Waits() {}

  /**
   * Waits on the default context; see {@link Vigil#eventually(Probe)}.
   *
   * @param probe the state to observe
   * @param <T> the type of the value
   * @return the wait
   */
  public static <T extends @Nullable Object> Eventually<T> eventually(Probe<T> probe) {
    return Vigil.defaultContext().eventually(probe);
  }

  /**
   * Waits on the default context; see {@link Vigil#eventually(Check)}.
   *
   * @param check the assertions
   * @return the wait
   */
  public static Eventually<@Nullable Void> eventually(Check check) {
    return Vigil.defaultContext().eventually(check);
  }

  /**
   * Checks on the default context; see {@link Vigil#continually(Probe)}.
   *
   * @param probe the state to observe
   * @param <T> the type of the value
   * @return the check
   */
  public static <T extends @Nullable Object> Continually<T> continually(Probe<T> probe) {
    return Vigil.defaultContext().continually(probe);
  }

  /**
   * Checks on the default context; see {@link Vigil#continually(Check)}.
   *
   * @param check the assertions
   * @return the check
   */
  public static Continually<@Nullable Void> continually(Check check) {
    return Vigil.defaultContext().continually(check);
  }

  /**
   * Checks on the default context; see {@link Vigil#never(Probe)}.
   *
   * @param probe the state to observe
   * @param <T> the type of the value
   * @return the check
   */
  public static <T extends @Nullable Object> Never<T> never(Probe<T> probe) {
    return Vigil.defaultContext().never(probe);
  }

  /**
   * Checks on the default context; see {@link Vigil#never(Check)}.
   *
   * @param check the assertions that describe what must not happen
   * @return the check
   */
  public static Never<@Nullable Void> never(Check check) {
    return Vigil.defaultContext().never(check);
  }
}
