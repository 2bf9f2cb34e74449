package dev.vigil.bus.internal;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * {@code {"numeric": [...]}}: numbers above an optional lower bound and below an optional upper
 * one; {@code ["=", n]} is the range from n to n.
 *
 * @param lower the lower bound, or {@code null} for none
 * @param upper the upper bound, or {@code null} for none
 */
record NumericRange(@Nullable Bound lower, @Nullable Bound upper) implements FilterCondition {

  /** One end of a range. */
  record Bound(BigDecimal value, boolean inclusive) {}

  @Override
  public boolean matchesValue(FilterValue value) {
    BigDecimal number = value.number();
    return number != null && aboveLower(number) && belowUpper(number);
  }

  /** Tells whether no number lies in the range. */
  boolean isEmpty() {
    if (lower == null || upper == null) {
      return false;
    }
    int order = lower.value().compareTo(upper.value());
    return order > 0 || (order == 0 && !(lower.inclusive() && upper.inclusive()));
  }

  private boolean aboveLower(BigDecimal number) {
    if (lower == null) {
      return true;
    }
    int order = number.compareTo(lower.value());
    return order > 0 || (order == 0 && lower.inclusive());
  }

  private boolean belowUpper(BigDecimal number) {
    if (upper == null) {
      return true;
    }
    int order = number.compareTo(upper.value());
    return order < 0 || (order == 0 && upper.inclusive());
  }
}
