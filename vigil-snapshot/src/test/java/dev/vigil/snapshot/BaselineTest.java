package dev.vigil.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.Vigil;
import dev.vigil.WaitTimeoutError;
import dev.vigil.timeline.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BaselineTest {
  private final Vigil vigil = Vigil.withVirtualTime();
  private final Snapshots snapshots = Snapshots.of(vigil);
  private final Instant start = vigil.time().instant();
  private final Map<String, Integer> stock = new ConcurrentHashMap<>(Map.of("sku-1", 100));

  @AfterEach
  void close() {
    vigil.close();
  }

  @Test
  void await_change_returns_the_diff_once_the_state_differs() {
    Baseline<Snapshot> baseline = snapshots.take("stock", () -> Map.copyOf(stock));
    vigil.scheduler().schedule(() -> stock.put("sku-1", 97), 2, TimeUnit.SECONDS);

    Diff diff = baseline.awaitChange().within(Duration.ofSeconds(5));

    assertThat(diff.updated())
        .singleElement()
        .satisfies(
            row -> assertThat(row.changes()).containsExactly(new FieldChange("value", 100, 97)));
    assertThat(vigil.time().instant()).isEqualTo(start.plusSeconds(2));
  }

  @Test
  void matching_waits_past_diffs_that_do_not_meet_the_expectation() {
    Baseline<Snapshot> baseline = snapshots.take("stock", () -> Map.copyOf(stock));
    vigil.scheduler().schedule(() -> stock.put("sku-2", 5), 1, TimeUnit.SECONDS);
    vigil.scheduler().schedule(() -> stock.put("sku-1", 97), 3, TimeUnit.SECONDS);

    Diff diff =
        baseline.awaitChange().matching(d -> !d.updated().isEmpty()).within(Duration.ofSeconds(5));

    assertThat(diff.summary()).isEqualTo("stock: 1 updated, 1 inserted, 0 deleted");
    assertThat(vigil.time().instant()).isEqualTo(start.plusSeconds(3));
  }

  @Test
  void a_timeout_shows_the_last_diff_as_a_table() {
    Baseline<Snapshot> baseline = snapshots.take("stock", () -> Map.copyOf(stock));
    stock.put("sku-1", 98);

    WaitTimeoutError error =
        catchThrowableOfType(
            WaitTimeoutError.class,
            () ->
                baseline
                    .awaitChange()
                    .matching(d -> d.row("sku-1").map(r -> r.after("value")).orElse(0).equals(97))
                    .within(Duration.ofSeconds(1)));

    assertThat(error.getMessage())
        .contains("waiting for stock to differ from its snapshot of ")
        .contains(
            String.join(
                System.lineSeparator(),
                "  last value:   stock: 1 updated, 0 inserted, 0 deleted",
                "                  change   key      field  before  after",
                "                  updated  \"sku-1\"  value  100     98",
                "  diagnostics:  the snapshot had 1 rows; the last value above is the last diff read"))
        .contains("snapshot: diff stock");
  }

  @Test
  void snapshots_and_delivered_diffs_are_timeline_entries() {
    Baseline<Snapshot> baseline = snapshots.take("stock", () -> Map.copyOf(stock));
    stock.remove("sku-1");
    baseline.diffToNow();
    baseline.awaitChange().within(Duration.ofSeconds(1));

    List<TimelineEntry> entries =
        vigil.timeline().select(e -> e.source().equals(SnapshotEntries.SOURCE));

    assertThat(entries)
        .extracting(TimelineEntry::type)
        .containsExactly("snapshot stock", "diff stock", "diff stock");
    assertThat(entries.get(0).attributes()).containsEntry("rows", "1");
    assertThat(entries.get(1).attributes())
        .containsEntry("deleted", "1")
        .containsEntry("inserted", "0")
        .containsEntry("updated", "0");
    assertThat(baseline.takenAt()).isEqualTo(entries.get(0).at());
    assertThat(baseline.size()).isEqualTo(1);
  }

  @Test
  void a_collection_baseline_keeps_its_snapshot() {
    Baseline<Snapshot> baseline =
        snapshots.take("skus", () -> List.copyOf(stock.keySet()), sku -> sku);

    assertThat(baseline.snapshot().rows()).containsOnlyKeys("sku-1");
    assertThat(baseline.name()).isEqualTo("skus");
  }

  @Test
  void a_supplier_returning_null_is_an_error_naming_the_snapshot() {
    assertThatThrownBy(() -> snapshots.take("stock", () -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the supplier of stock must not return null; return an empty collection instead");
  }

  @Test
  void null_arguments_are_named() {
    assertThatThrownBy(() -> Snapshots.of(null)).hasMessage("vigil must not be null");
    assertThatThrownBy(() -> snapshots.take("stock", null, item -> item))
        .hasMessage("items must not be null");
    assertThatThrownBy(() -> snapshots.take("stock", () -> List.of(1), null))
        .hasMessage("key must not be null");
    assertThatThrownBy(() -> snapshots.take((Table) null)).hasMessage("table must not be null");
    assertThatThrownBy(() -> snapshots.take("stock", () -> null, item -> item))
        .hasMessage(
            "the supplier of stock must not return null; return an empty collection instead");
  }
}
