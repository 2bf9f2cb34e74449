package dev.vigil.bus.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One element of a filter policy key's array: the key matches when any of its elements does. */
interface FilterCondition {

  /**
   * Tells whether a key satisfies the condition.
   *
   * @param values the key's values, or {@code null} when the message does not have the key
   * @param messageHasKeys whether the message has any key at all (an SNS rule for exists:false)
   * @return whether the condition holds
   */
  default boolean matchesKey(@Nullable List<FilterValue> values, boolean messageHasKeys) {
    return values != null && values.stream().anyMatch(this::matchesValue);
  }

  /** Tells whether one value of a present key satisfies the condition. */
  boolean matchesValue(FilterValue value);

  /** A string compared exactly and case-sensitively. */
  record ExactString(String expected) implements FilterCondition {
    @Override
    public boolean matchesValue(FilterValue value) {
      return value.isString() && expected.equals(value.text());
    }
  }

  /** A number compared numerically, whatever its notation. */
  record ExactNumber(BigDecimal expected) implements FilterCondition {
    @Override
    public boolean matchesValue(FilterValue value) {
      return value.number() != null && value.number().compareTo(expected) == 0;
    }
  }

  /** The policy keywords {@code true}, {@code false} and {@code null}. */
  record Literal(FilterValue.Kind kind, String text) implements FilterCondition {
    @Override
    public boolean matchesValue(FilterValue value) {
      return value.kind() == kind && value.text().equals(text);
    }
  }

  /** {@code {"prefix": "..."}}. */
  record Prefix(String prefix) implements FilterCondition {
    @Override
    public boolean matchesValue(FilterValue value) {
      return value.isString() && value.text().startsWith(prefix);
    }
  }

  /** {@code {"suffix": "..."}}. */
  record Suffix(String suffix) implements FilterCondition {
    @Override
    public boolean matchesValue(FilterValue value) {
      return value.isString() && value.text().endsWith(suffix);
    }
  }

  /** {@code {"equals-ignore-case": "..."}}. */
  record EqualsIgnoreCase(String expected) implements FilterCondition {
    public EqualsIgnoreCase {
      expected = expected.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean matchesValue(FilterValue value) {
      return value.isString() && value.text().toLowerCase(Locale.ROOT).equals(expected);
    }
  }

  /**
   * {@code {"anything-but": ...}}: a present, non-null value that none of the excluded conditions
   * matches. For an array, one such element is enough.
   */
  record AnythingBut(List<FilterCondition> excluded) implements FilterCondition {
    @Override
    public boolean matchesValue(FilterValue value) {
      return !value.isNull() && excluded.stream().noneMatch(c -> c.matchesValue(value));
    }
  }

  /**
   * {@code {"exists": true|false}}: whether the key holds a non-null value. As in SNS, {@code
   * false} never matches a message that has no key at all.
   */
  record Exists(boolean expected) implements FilterCondition {
    @Override
    public boolean matchesKey(@Nullable List<FilterValue> values, boolean messageHasKeys) {
      boolean present = values != null && values.stream().anyMatch(v -> !v.isNull());
      return expected ? present : !present && messageHasKeys;
    }

    @Override
    public boolean matchesValue(FilterValue value) {
      return expected && !value.isNull();
    }
  }
}
