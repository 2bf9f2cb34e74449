package dev.vigil.snapshot;

import dev.vigil.Vigil;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Takes snapshots for one test context: each becomes a {@link Baseline} that diffs and waits
 * against the live state, and every snapshot and diff lands on the context's timeline.
 *
 * <pre>{@code
 * Snapshots snapshots = Snapshots.of(vigil);
 * Baseline<Snapshot> stock = snapshots.take("stock", () -> repo.findAll(), Item::sku);
 * orders.place("sku-1", 3);
 * Diff diff = stock.awaitChange().within(Duration.ofSeconds(5));
 * }</pre>
 *
 * @since 0.1
 */
public final class Snapshots {
  private final Vigil vigil;

  private Snapshots(Vigil vigil) {
    this.vigil = vigil;
  }

  /**
   * Returns the snapshots of a context.
   *
   * @param vigil the test's context
   * @return a snapshot taker that records onto its timeline and waits on its waits
   */
  public static Snapshots of(Vigil vigil) {
    return new Snapshots(Objects.requireNonNull(vigil, "vigil must not be null"));
  }

  /**
   * Snapshots a collection now, read again from {@code items} for every diff.
   *
   * @param name what is snapshotted; not blank
   * @param items reads the current items, such as {@code () -> repo.findAll()}
   * @param key the key of an item
   * @param <T> the type of the items
   * @return the baseline
   */
  public <T extends @Nullable Object> Baseline<Snapshot> take(
      String name, Supplier<? extends Collection<? extends T>> items, Function<? super T, ?> key) {
    Objects.requireNonNull(items, "items must not be null");
    Objects.requireNonNull(key, "key must not be null");
    return baseline(name, () -> Snapshot.of(name, read(name, items), key));
  }

  /**
   * Snapshots a map now (a Redis hash, a cache), read again from {@code entries} for every diff.
   *
   * @param name what is snapshotted; not blank
   * @param entries reads the current entries
   * @return the baseline
   */
  public Baseline<Snapshot> take(String name, Supplier<? extends Map<?, ?>> entries) {
    Objects.requireNonNull(entries, "entries must not be null");
    return baseline(name, () -> Snapshot.of(name, read(name, entries)));
  }

  /**
   * Snapshots a table (or query) now; every diff reads its live rows and merges them against the
   * snapshot as they arrive.
   *
   * <pre>{@code
   * Baseline<TableSnapshot> inventory =
   *     snapshots.take(Table.named(dataSource, "inventory").ignoring("updated_at"));
   * }</pre>
   *
   * @param table what to read, and how it is keyed
   * @return the baseline
   */
  public Baseline<TableSnapshot> take(Table table) {
    Objects.requireNonNull(table, "table must not be null");
    TableSnapshot before = table.snapshot();
    return new Baseline<>(
        vigil, before.name(), before, before.rowCount(), () -> table.diffSince(before));
  }

  /** Reads once now for the baseline, and again for every diff. */
  private Baseline<Snapshot> baseline(String name, Supplier<Snapshot> reader) {
    Snapshot before = reader.get();
    return new Baseline<>(vigil, name, before, before.size(), () -> before.diffTo(reader.get()));
  }

  private static <V> V read(String name, Supplier<? extends V> supplier) {
    V value = supplier.get();
    if (value == null) {
      throw new IllegalArgumentException(
          "the supplier of " + name + " must not return null; return an empty collection instead");
    }
    return value;
  }
}
