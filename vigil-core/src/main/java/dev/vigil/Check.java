package dev.vigil;

/**
 * An assertion block: passes when it returns normally, fails by throwing (an {@link AssertionError}
 * from AssertJ or JUnit, or any exception).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Check {
  /**
   * Runs the assertions once.
   *
   * @throws Exception when the assertions do not hold yet
   */
  void verify() throws Exception;
}
