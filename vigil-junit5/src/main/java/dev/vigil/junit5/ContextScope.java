package dev.vigil.junit5;

/**
 * How long one Vigil context lives under {@link VigilTest}.
 *
 * @since 0.1
 */
public enum ContextScope {
  /**
   * A fresh context for every test method (the default): nothing one test does is seen by the next.
   */
  TEST,
  /**
   * One context for the whole test class, created before {@code @BeforeAll} and closed after
   * {@code @AfterAll}: its bus, server and timeline are shared by the class's tests, so each test
   * must tolerate what the ones before it left behind.
   */
  CLASS
}
