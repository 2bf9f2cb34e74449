package dev.vigil.bus.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed filter policy object: every key test must hold (AND), and for each {@code $or} in it, at
 * least one of its branches (OR). Nested body keys are flattened into paths when parsing.
 *
 * @param keys the leaf keys of the object and of its nested objects
 * @param anyOf the branches of each {@code $or}
 */
record FilterExpression(List<KeyTest> keys, List<List<FilterExpression>> anyOf) {

  /**
   * A leaf key and the conditions of its array, any of which must hold.
   *
   * @param path the key's path from the top of the message, one name for an attribute
   * @param conditions the conditions of its array
   */
  record KeyTest(List<String> path, List<FilterCondition> conditions) {}

  /** The keys of a message, as the policy's scope sees them. */
  interface MessageKeys {
    /** Returns the values at a key, or {@code null} when the message does not have it. */
    @Nullable List<FilterValue> valuesAt(List<String> path);

    /** Tells whether the message has no key at all. */
    boolean isEmpty();
  }

  boolean matches(MessageKeys message) {
    boolean messageHasKeys = !message.isEmpty();
    for (KeyTest key : keys) {
      List<FilterValue> values = message.valuesAt(key.path());
      if (key.conditions().stream().noneMatch(c -> c.matchesKey(values, messageHasKeys))) {
        return false;
      }
    }
    for (List<FilterExpression> branches : anyOf) {
      if (branches.stream().noneMatch(branch -> branch.matches(message))) {
        return false;
      }
    }
    return true;
  }
}
