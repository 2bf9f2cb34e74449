package dev.vigil.snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The state of a keyed collection of objects at one moment, read as named fields: records by their
 * components, maps by their entries, beans by their getters, anything else as one field {@code
 * value}. Two snapshots of the same state diff into inserted, deleted and updated entries.
 *
 * <pre>{@code
 * Snapshot before = Snapshot.of("inventory", repo.findAll(), Item::sku);
 * service.placeOrder("sku-1", 3);
 * Diff diff = before.diffTo(Snapshot.of("inventory", repo.findAll(), Item::sku));
 * }</pre>
 *
 * <p>Use it for stores without JDBC too: scan a DynamoDB table or read a Redis hash into a list or
 * map and key it by its primary key. A snapshot holds the objects it read; mutating them later does
 * not change it, since their fields are read when the snapshot is taken.
 *
 * @since 0.1
 */
public final class Snapshot {
  private final String name;
  private final Map<Object, Map<String, @Nullable Object>> rows;

  private Snapshot(String name, Map<Object, Map<String, @Nullable Object>> rows) {
    this.name = name;
    this.rows = Collections.unmodifiableMap(rows);
  }

  /**
   * Snapshots a collection, each item keyed by {@code key}.
   *
   * @param name what is snapshotted, for diffs and the timeline; not blank
   * @param items the items; none may share a key
   * @param key the key of an item, never {@code null}
   * @param <T> the type of the items
   * @return the snapshot
   * @throws IllegalArgumentException when two items share a key or an item's key is {@code null}
   */
  public static <T extends @Nullable Object> Snapshot of(
      String name, Collection<? extends T> items, Function<? super T, ?> key) {
    checkName(name);
    Objects.requireNonNull(items, "items must not be null");
    Objects.requireNonNull(key, "key must not be null");
    Map<Object, Map<String, @Nullable Object>> rows = new LinkedHashMap<>();
    for (T item : items) {
      Object itemKey = key.apply(item);
      if (itemKey == null) {
        throw new IllegalArgumentException(
            "key of " + name + " must not be null, was null for the item " + Values.render(item));
      }
      if (rows.put(itemKey, Fields.of(item)) != null) {
        throw new IllegalArgumentException(
            "key of "
                + name
                + " must be unique, but two items have the key "
                + Values.render(itemKey));
      }
    }
    return new Snapshot(name, rows);
  }

  /**
   * Snapshots a map, each value keyed by its map key: a Redis hash, a cache, a store's index.
   *
   * @param name what is snapshotted; not blank
   * @param entries the entries; no {@code null} keys
   * @return the snapshot
   */
  public static Snapshot of(String name, Map<?, ?> entries) {
    checkName(name);
    Objects.requireNonNull(entries, "entries must not be null");
    Map<Object, Map<String, @Nullable Object>> rows = new LinkedHashMap<>();
    entries.forEach(
        (entryKey, value) -> {
          if (entryKey == null) {
            throw new IllegalArgumentException("entries of " + name + " must not have a null key");
          }
          rows.put(entryKey, Fields.of(value));
        });
    return new Snapshot(name, rows);
  }

  private static void checkName(String name) {
    Objects.requireNonNull(name, "name must not be null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank, was '" + name + "'");
    }
  }

  /**
   * Returns the name of what was snapshotted.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the number of entries.
   *
   * @return zero or more
   */
  public int size() {
    return rows.size();
  }

  /**
   * Returns the entries, each as its fields in order.
   *
   * @return an unmodifiable map from key to fields
   */
  public Map<Object, Map<String, @Nullable Object>> rows() {
    return rows;
  }

  /**
   * Diffs this snapshot against a later one; entries in key order when the keys are comparable,
   * otherwise this snapshot's order followed by the entries only the later one has.
   *
   * @param later the later snapshot of the same state
   * @return the changes from this snapshot to {@code later}
   */
  public Diff diffTo(Snapshot later) {
    Objects.requireNonNull(later, "later must not be null");
    Set<Object> keys = new LinkedHashSet<>(rows.keySet());
    keys.addAll(later.rows.keySet());
    List<RowChange> changes = new ArrayList<>();
    for (Object key : sorted(keys)) {
      Map<String, @Nullable Object> was = rows.get(key);
      Map<String, @Nullable Object> is = later.rows.get(key);
      if (was == null && is != null) {
        changes.add(RowChange.inserted(key, is));
      } else if (is == null && was != null) {
        changes.add(RowChange.deleted(key, was));
      } else if (was != null && is != null && !sameFields(was, is)) {
        changes.add(RowChange.updated(key, was, is));
      }
    }
    return new Diff(name, changes);
  }

  private static boolean sameFields(
      Map<String, @Nullable Object> was, Map<String, @Nullable Object> is) {
    if (!was.keySet().equals(is.keySet())) {
      return false;
    }
    for (Map.Entry<String, @Nullable Object> field : was.entrySet()) {
      if (!Values.same(field.getValue(), is.get(field.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Object> sorted(Set<Object> keys) {
    List<Object> list = new ArrayList<>(keys);
    try {
      list.sort((a, b) -> ((Comparable) a).compareTo(b));
    } catch (ClassCastException notComparable) {
      return new ArrayList<>(keys); // insertion order: this snapshot's, then the later one's
    }
    return list;
  }

  @Override
  public String toString() {
    return "Snapshot[" + name + ", " + rows.size() + " entries]";
  }
}
