package dev.vigil.assertj;

import dev.vigil.assertj.internal.DiffTexts;
import dev.vigil.assertj.internal.Rows;
import dev.vigil.assertj.internal.Texts;
import dev.vigil.assertj.internal.Values;
import dev.vigil.snapshot.Diff;
import dev.vigil.snapshot.FieldChange;
import dev.vigil.snapshot.RowChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

/**
 * Assertions on a snapshot {@link Diff}: which rows were inserted, deleted or updated, and how
 * their fields changed. Every failure shows the diff as its table.
 *
 * <pre>{@code
 * assertThat(inventory.awaitChange().within(Duration.ofSeconds(10)))
 *     .hasUpdated("prod-789")
 *     .hasOnlyChangedFields("prod-789", "quantity")
 *     .hasFieldChange("prod-789", "quantity", 100, 97);
 * }</pre>
 *
 * <p>Keys and values compare as a test means them: numbers by value whatever their type (a table's
 * {@code BIGINT} key {@code 7L} is {@code 7}, {@code new BigDecimal("97.0")} is {@code 97}), keys
 * of several columns as a {@code List}, arrays by content. A field is found by its exact name, or
 * else by the one name equal ignoring case, so one test reads H2's {@code QUANTITY} and
 * PostgreSQL's {@code quantity}.
 *
 * @param <SELF> the type of the assertion itself, for chaining
 * @since 0.1
 */
public abstract class AbstractDiffAssert<SELF extends AbstractDiffAssert<SELF>>
    extends AbstractAssert<SELF, Diff> {

  /**
   * Creates the assertion.
   *
   * @param actual the diff
   * @param selfType the class of the assertion itself
   */
  protected AbstractDiffAssert(Diff actual, Class<?> selfType) {
    super(actual, selfType);
  }

  /**
   * Verifies that nothing changed.
   *
   * @return this assertion
   */
  public SELF isEmpty() {
    isNotNull();
    if (!actual.isEmpty()) {
      failWithMessage("%s", DiffTexts.notEmpty(actual));
    }
    return myself;
  }

  /**
   * Verifies that the rows with these keys were inserted (others may have been too).
   *
   * @param keys the rows' keys; a {@code List} of values for a key of several columns
   * @return this assertion
   */
  public SELF hasInserted(Object... keys) {
    return hasRows(RowChange.Kind.INSERTED, keys);
  }

  /**
   * Verifies that the rows with these keys were deleted (others may have been too).
   *
   * @param keys the rows' keys
   * @return this assertion
   */
  public SELF hasDeleted(Object... keys) {
    return hasRows(RowChange.Kind.DELETED, keys);
  }

  /**
   * Verifies that the rows with these keys were updated (others may have been too).
   *
   * @param keys the rows' keys
   * @return this assertion
   */
  public SELF hasUpdated(Object... keys) {
    return hasRows(RowChange.Kind.UPDATED, keys);
  }

  private SELF hasRows(RowChange.Kind kind, Object[] keys) {
    List<Object> expected = checkedKeys(keys);
    isNotNull();
    boolean all =
        expected.stream()
            .allMatch(key -> Rows.find(actual, key).map(r -> r.kind() == kind).orElse(false));
    if (!all) {
      failWithMessage("%s", DiffTexts.missingRows(actual, kind, expected));
    }
    return myself;
  }

  /**
   * Verifies that the row with this key was updated and that exactly these fields changed.
   *
   * @param key the row's key
   * @param fields the fields that changed, in any order; at least one
   * @return this assertion
   */
  public SELF hasOnlyChangedFields(Object key, String... fields) {
    Objects.requireNonNull(key, "key must not be null");
    List<String> expected = checkedFields(fields);
    isNotNull();
    Optional<RowChange> row = Rows.find(actual, key);
    if (row.isEmpty() || row.get().kind() != RowChange.Kind.UPDATED) {
      failWithMessage(
          "%s", DiffTexts.changedFields(actual, key, expected, DiffTexts.rowNot(key, row)));
      return myself;
    }
    List<String> changed = row.get().changes().stream().map(FieldChange::field).toList();
    List<String> wanted = new ArrayList<>();
    for (String field : expected) {
      String name = Rows.fieldName(row.get(), field);
      wanted.add(name == null ? field : name);
    }
    if (!new TreeSet<>(wanted).equals(new TreeSet<>(changed))) {
      String why = "its changed fields were " + changed;
      failWithMessage("%s", DiffTexts.changedFields(actual, key, expected, why));
    }
    return myself;
  }

  /**
   * Verifies that one field of the row with this key changed from {@code before} to {@code after};
   * for an inserted row {@code before} is {@code null}, for a deleted row {@code after} is.
   *
   * @param key the row's key
   * @param field the field's name
   * @param before its value before
   * @param after its value after
   * @return this assertion
   */
  public SELF hasFieldChange(
      Object key, String field, @Nullable Object before, @Nullable Object after) {
    Objects.requireNonNull(key, "key must not be null");
    Objects.requireNonNull(field, "field must not be null");
    isNotNull();
    String why = fieldChangeMismatch(key, field, before, after);
    if (why != null) {
      failWithMessage("%s", DiffTexts.fieldChange(actual, key, field, before, after, why));
    }
    return myself;
  }

  private @Nullable String fieldChangeMismatch(
      Object key, String field, @Nullable Object before, @Nullable Object after) {
    Optional<RowChange> row = Rows.find(actual, key);
    if (row.isEmpty()) {
      return DiffTexts.rowNot(key, row);
    }
    String name = Rows.fieldName(row.get(), field);
    if (name == null) {
      return "the row has no field " + field + " (its fields: " + Rows.fieldNames(row.get()) + ")";
    }
    FieldChange change = Rows.change(row.get(), name);
    if (change == null) {
      return name + " did not change (it stayed " + Texts.render(row.get().after(name)) + ")";
    }
    if (Values.same(before, change.before()) && Values.same(after, change.after())) {
      return null;
    }
    return "it changed from "
        + Texts.render(change.before())
        + " to "
        + Texts.render(change.after());
  }

  private static List<Object> checkedKeys(Object[] keys) {
    Objects.requireNonNull(keys, "keys must not be null");
    if (keys.length == 0) {
      throw new IllegalArgumentException("keys must not be empty");
    }
    for (Object key : keys) {
      Objects.requireNonNull(key, "keys must not contain null");
    }
    return Arrays.asList(keys);
  }

  private static List<String> checkedFields(String[] fields) {
    Objects.requireNonNull(fields, "fields must not be null");
    if (fields.length == 0) {
      throw new IllegalArgumentException("fields must not be empty");
    }
    for (String field : fields) {
      Objects.requireNonNull(field, "fields must not contain null");
    }
    return List.of(fields);
  }
}
