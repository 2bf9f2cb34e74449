package dev.vigil;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Decides when a probe's value means "there": the rule shared by all three kinds of wait. */
final class Truthiness {
  private Truthiness() {}

  /**
   * A value is there when it is non-null and, for the types that can be empty or false, not empty
   * or false: {@code true}, a present {@link Optional}, a non-empty collection, map, array or
   * character sequence.
   */
  static boolean isThere(@Nullable Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Optional<?> o) {
      return o.isPresent();
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (value instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (value.getClass().isArray()) {
      return Array.getLength(value) > 0;
    }
    return true;
  }
}
