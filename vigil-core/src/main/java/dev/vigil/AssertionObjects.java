package dev.vigil;

import org.jspecify.annotations.Nullable;

/**
 * Recognises the objects fluent assertion libraries return from a passed assertion, such as
 * AssertJ's {@code ListAssert}, without depending on them.
 *
 * <p>{@code never(() -> assertThat(list).hasSize(0))} is a lambda with a value, so Java binds it to
 * {@link Probe}, not {@link Check}; its value is the assertion object. Taken as a plain value it
 * would always be "there", whatever the assertion meant, so a wait treats it as the assertion block
 * it was written as: it holds when the assertion passed.
 */
final class AssertionObjects {
  private static final String ASSERTJ_ASSERT = "org.assertj.core.api.Assert";

  private static final ClassValue<Boolean> IS_ASSERTION =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return implementsNamed(type, ASSERTJ_ASSERT);
        }
      };

  private AssertionObjects() {}

  static boolean isAssertion(@Nullable Object value) {
    return value != null && IS_ASSERTION.get(value.getClass());
  }

  private static boolean implementsNamed(@Nullable Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> implemented : c.getInterfaces()) {
        if (implemented.getName().equals(name) || implementsNamed(implemented, name)) {
          return true;
        }
      }
    }
    return false;
  }
}
