package dev.vigil.snapshot;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rows (or keyed entries) that differ between two snapshots, in key order: a list of {@link
 * RowChange}s, empty when nothing changed, so that a wait on a diff holds once there is one.
 *
 * <pre>{@code
 * Diff diff = inventory.awaitChange().within(Duration.ofSeconds(5));
 * assertThat(diff.updated()).singleElement()
 *     .satisfies(row -> assertThat(row.after("quantity")).isEqualTo(97));
 * }</pre>
 *
 * <p>Its {@link #toString()} is a table of every change, one line per changed field.
 *
 * @since 0.1
 */
public final class Diff extends AbstractList<RowChange> {
  private final String name;
  private final List<RowChange> changes;

  Diff(String name, List<RowChange> changes) {
    this.name = Objects.requireNonNull(name, "name");
    this.changes = List.copyOf(changes);
  }

  /**
   * Returns the name of what was snapshotted, such as a table's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  @Override
  public RowChange get(int index) {
    return changes.get(index);
  }

  @Override
  public int size() {
    return changes.size();
  }

  /**
   * Returns the rows present only in the later snapshot.
   *
   * @return in key order
   */
  public List<RowChange> inserted() {
    return only(RowChange.Kind.INSERTED);
  }

  /**
   * Returns the rows present only in the earlier snapshot.
   *
   * @return in key order
   */
  public List<RowChange> deleted() {
    return only(RowChange.Kind.DELETED);
  }

  /**
   * Returns the rows present in both with at least one field changed.
   *
   * @return in key order
   */
  public List<RowChange> updated() {
    return only(RowChange.Kind.UPDATED);
  }

  /**
   * Returns the change of the row with this key.
   *
   * @param key the row's key; a {@code List} of values for a key of several columns
   * @return the change, or empty when the row did not change
   */
  public Optional<RowChange> row(Object key) {
    Objects.requireNonNull(key, "key must not be null");
    return changes.stream().filter(change -> change.key().equals(key)).findFirst();
  }

  /**
   * Returns a one-line count, such as {@code inventory: 2 updated, 1 inserted, 0 deleted}.
   *
   * @return the summary
   */
  public String summary() {
    return name
        + ": "
        + updated().size()
        + " updated, "
        + inserted().size()
        + " inserted, "
        + deleted().size()
        + " deleted";
  }

  private List<RowChange> only(RowChange.Kind kind) {
    return changes.stream().filter(change -> change.kind() == kind).toList();
  }

  /** Renders the summary and a table of every changed field. */
  @Override
  public String toString() {
    return DiffTable.render(this);
  }
}
