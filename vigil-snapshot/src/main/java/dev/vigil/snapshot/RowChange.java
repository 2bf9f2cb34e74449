package dev.vigil.snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A row (or keyed entry) that was inserted, deleted or updated between two snapshots.
 *
 * <p>The key is the value of the key column or key function; for a key of several columns it is a
 * {@code List} of their values in key order. The before and after maps keep the snapshot's column
 * order; an inserted row has no before, a deleted row no after.
 *
 * @since 0.1
 */
public final class RowChange {
  /** What happened to a row. */
  public enum Kind {
    /** Present only in the later snapshot. */
    INSERTED,
    /** Present only in the earlier snapshot. */
    DELETED,
    /** Present in both with at least one field changed. */
    UPDATED
  }

  private final Kind kind;
  private final Object key;
  private final Map<String, @Nullable Object> before;
  private final Map<String, @Nullable Object> after;

  RowChange(
      Kind kind,
      Object key,
      Map<String, @Nullable Object> before,
      Map<String, @Nullable Object> after) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.key = Objects.requireNonNull(key, "key");
    this.before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
    this.after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
  }

  static RowChange inserted(Object key, Map<String, @Nullable Object> after) {
    return new RowChange(Kind.INSERTED, key, Map.of(), after);
  }

  static RowChange deleted(Object key, Map<String, @Nullable Object> before) {
    return new RowChange(Kind.DELETED, key, before, Map.of());
  }

  static RowChange updated(
      Object key, Map<String, @Nullable Object> before, Map<String, @Nullable Object> after) {
    return new RowChange(Kind.UPDATED, key, before, after);
  }

  /**
   * Returns what happened to the row.
   *
   * @return inserted, deleted or updated
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the row's key: one value, or a {@code List} of values for a key of several columns.
   *
   * @return the key
   */
  public Object key() {
    return key;
  }

  /**
   * Returns the row as it was, field by field; empty for an inserted row.
   *
   * @return an unmodifiable map in column order
   */
  public Map<String, @Nullable Object> before() {
    return before;
  }

  /**
   * Returns the row as it is, field by field; empty for a deleted row.
   *
   * @return an unmodifiable map in column order
   */
  public Map<String, @Nullable Object> after() {
    return after;
  }

  /**
   * Returns one field's earlier value.
   *
   * @param field a field of the row: its exact name, or else the one name that matches ignoring
   *     case (so {@code "quantity"} finds H2's {@code QUANTITY})
   * @return its value before, possibly {@code null}
   * @throws IllegalArgumentException when the row had no such field before
   */
  public @Nullable Object before(String field) {
    return valueOf(before, field, "before");
  }

  /**
   * Returns one field's later value.
   *
   * @param field a field of the row: its exact name, or else the one name that matches ignoring
   *     case
   * @return its value after, possibly {@code null}
   * @throws IllegalArgumentException when the row has no such field after
   */
  public @Nullable Object after(String field) {
    return valueOf(after, field, "after");
  }

  /**
   * Returns the fields whose values differ, in column order; for an inserted or deleted row, every
   * field (from or to {@code null}).
   *
   * @return the changed fields
   */
  public List<FieldChange> changes() {
    List<FieldChange> changes = new ArrayList<>();
    Map<String, @Nullable Object> fields = kind == Kind.INSERTED ? after : before;
    for (String field : fields.keySet()) {
      @Nullable Object was = before.get(field);
      @Nullable Object is = after.get(field);
      if (!Values.same(was, is) || kind != Kind.UPDATED) {
        changes.add(new FieldChange(field, was, is));
      }
    }
    for (String field : after.keySet()) {
      if (kind == Kind.UPDATED && !before.containsKey(field)) {
        changes.add(new FieldChange(field, null, after.get(field)));
      }
    }
    return changes;
  }

  private @Nullable Object valueOf(Map<String, @Nullable Object> row, String field, String side) {
    Objects.requireNonNull(field, "field must not be null");
    if (row.containsKey(field)) {
      return row.get(field);
    }
    // H2 reports QUANTITY where PostgreSQL reports quantity: one test reads both.
    List<String> sameIgnoringCase =
        row.keySet().stream().filter(name -> name.equalsIgnoreCase(field)).toList();
    if (sameIgnoringCase.size() == 1) {
      return row.get(sameIgnoringCase.get(0));
    }
    throw new IllegalArgumentException(
        "field must be one of "
            + row.keySet()
            + " of the row "
            + side
            + " (the "
            + kind.name().toLowerCase(Locale.ROOT)
            + " row "
            + Values.render(key)
            + "), was '"
            + field
            + "'");
  }

  /** Renders as {@code updated sku-1: qty: 100 -> 97}. */
  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT)
        + " "
        + Values.render(key)
        + ": "
        + (kind == Kind.UPDATED ? changes() : kind == Kind.INSERTED ? after : before);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof RowChange that
        && kind == that.kind
        && key.equals(that.key)
        && before.equals(that.before)
        && after.equals(that.after);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, key, before, after);
  }
}
