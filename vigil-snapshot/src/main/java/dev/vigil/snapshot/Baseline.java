package dev.vigil.snapshot;

import dev.vigil.Eventually;
import dev.vigil.PollStrategy;
import dev.vigil.Vigil;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot taken through {@link Snapshots}, kept to diff the live state against: at once with
 * {@link #diffToNow()}, or by waiting with {@link #awaitChange()}.
 *
 * <pre>{@code
 * Baseline<TableSnapshot> inventory = snapshots.take(Table.named(dataSource, "inventory"));
 * orders.place("sku-1", 3);
 * Diff diff = inventory.awaitChange().within(Duration.ofSeconds(5));
 * }</pre>
 *
 * @param <S> the type of the snapshot kept: {@link Snapshot} or {@link TableSnapshot}
 * @since 0.1
 */
public final class Baseline<S> {
  /** How often a wait re-reads the state between pulses of the signal, at most. */
  static final PollStrategy DEFAULT_POLLING =
      PollStrategy.exponential(Duration.ofMillis(10), 2, Duration.ofMillis(100));

  private final Vigil vigil;
  private final String name;
  private final S snapshot;
  private final int size;
  private final Instant takenAt;
  private final Supplier<Diff> differ;

  Baseline(Vigil vigil, String name, S snapshot, int size, Supplier<Diff> differ) {
    this.vigil = vigil;
    this.name = name;
    this.snapshot = snapshot;
    this.size = size;
    this.differ = differ;
    this.takenAt =
        vigil
            .timeline()
            .record(
                SnapshotEntries.SOURCE,
                SnapshotEntries.snapshot(name),
                null,
                Map.of("rows", Integer.toString(size)))
            .at();
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
   * Returns the snapshot kept.
   *
   * @return the snapshot
   */
  public S snapshot() {
    return snapshot;
  }

  /**
   * Returns the number of rows or entries in the snapshot.
   *
   * @return zero or more
   */
  public int size() {
    return size;
  }

  /**
   * Returns when the snapshot was taken, on the context's clock.
   *
   * @return the instant of its timeline entry
   */
  public Instant takenAt() {
    return takenAt;
  }

  /**
   * Reads the state now and diffs the snapshot against it, recording the diff on the timeline.
   *
   * @return the changes since the snapshot, empty when there are none
   */
  public Diff diffToNow() {
    return record(differ.get());
  }

  /**
   * Returns a wait that holds once the state differs from the snapshot, and returns the diff;
   * narrow it with {@link Eventually#matching} to wait for an expected diff. The state is read at
   * once, on every pulse of the signal and otherwise every 10 ms backing off to 100 ms ({@link
   * Eventually#pollingWith} changes that); a timeout shows the last diff seen as a table. The wait
   * records its diff on the timeline through its evaluation listener and its diagnostics, so an
   * {@link Eventually#onEvaluation} or {@link Eventually#diagnostics} of your own replaces that.
   *
   * <pre>{@code
   * Diff diff = inventory.awaitChange()
   *     .matching(d -> d.updated().size() == 1 && d.inserted().isEmpty())
   *     .within(Duration.ofSeconds(5));
   * }</pre>
   *
   * @return the wait; nothing runs until a terminal method such as {@code within} is called
   */
  public Eventually<Diff> awaitChange() {
    AtomicReference<@Nullable Diff> last = new AtomicReference<>();
    return vigil
        .eventually(
            () -> {
              Diff diff = differ.get();
              last.set(diff);
              return diff;
            })
        .describedAs(name + " to differ from its snapshot of " + takenAt)
        .pollingWith(DEFAULT_POLLING)
        .onEvaluation(
            evaluation -> {
              Diff seen = last.get();
              if (evaluation.satisfied() && seen != null) {
                record(seen);
              }
            })
        .diagnostics(() -> lastDiff(last.get()));
  }

  /** Runs only on failure: records the last diff, which the failure shows as its last value. */
  private String lastDiff(@Nullable Diff seen) {
    if (seen != null) {
      record(seen);
    }
    return "the snapshot had " + size + " rows; the last value above is the last diff read";
  }

  private Diff record(Diff diff) {
    vigil
        .timeline()
        .record(
            SnapshotEntries.SOURCE,
            SnapshotEntries.diff(name),
            null,
            Map.of(
                "inserted", Integer.toString(diff.inserted().size()),
                "updated", Integer.toString(diff.updated().size()),
                "deleted", Integer.toString(diff.deleted().size())));
    return diff;
  }

  @Override
  public String toString() {
    return "Baseline[" + name + ", " + size + " rows at " + takenAt + "]";
  }
}
