package dev.vigil.snapshot;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One field (or column) of an updated row, with its value before and after.
 *
 * @param field the field or column name
 * @param before its value in the earlier snapshot, possibly {@code null}
 * @param after its value in the later snapshot, possibly {@code null}
 * @since 0.1
 */
public record FieldChange(String field, @Nullable Object before, @Nullable Object after) {
  /**
   * Checks the field name.
   *
   * @param field not null
   * @param before the earlier value
   * @param after the later value
   */
  public FieldChange {
    Objects.requireNonNull(field, "field must not be null");
  }

  /** Renders as {@code qty: 100 -> 97}. */
  @Override
  public String toString() {
    return field + ": " + Values.render(before) + " -> " + Values.render(after);
  }
}
