package dev.vigil.bench;

import dev.vigil.snapshot.Diff;
import dev.vigil.snapshot.Table;
import dev.vigil.snapshot.TableSnapshot;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.assertj.db.type.AssertDbConnectionFactory;
import org.assertj.db.type.Change;
import org.assertj.db.type.Changes;

/**
 * Table snapshots on an in-memory H2 table of id, sku, quantity and a timestamp: the time of a
 * snapshot, a 1% change (not timed), a second snapshot and their diff, on 1,000,000 rows; the live
 * heap the two snapshots keep; and the same cycle beside assertj-db 3.0.0's {@code Changes} on
 * 20,000 rows, in the same run.
 *
 * <p>Usage: {@code ./bench snapshot [--no-assertj-db]}; assertj-db takes 15–20 s here on 20,000
 * rows (its diff looks each row up by scanning the other side).
 */
public final class SnapshotBenchmark {
  private static final int LARGE = 1_000_000;
  private static final int SMALL = 20_000;
  private static final int WARM_UPS = 2;
  private static final int RUNS = 5;

  private SnapshotBenchmark() {}

  /** Runs every measurement and prints BENCH and RATIO lines. */
  public static void main(String[] args) throws SQLException {
    boolean withAssertjDb = !Arrays.asList(args).contains("--no-assertj-db");
    InventoryDatabase large = new InventoryDatabase("large", LARGE);
    Report.bench("snapshot-diff-1m-rows", medianMillis(large), "ms");
    streamedDiff(large);
    Report.bench("snapshot-diff-1m-heap", retainedMebibytes(large), "MiB");
    large.drop();

    InventoryDatabase small = new InventoryDatabase("small", SMALL);
    double vigil = medianMillis(small);
    Report.bench("snapshot-diff-20k-rows-vigil", vigil, "ms");
    if (withAssertjDb) {
      InventoryDatabase warmUp = new InventoryDatabase("warm-up", 1_000);
      assertjDbMillis(warmUp);
      double assertjDb = assertjDbMillis(small);
      Report.bench("snapshot-diff-20k-rows-assertj-db", assertjDb, "ms");
      Report.ratio("snapshot-vs-assertj-db", assertjDb, vigil);
    } else {
      Report.note("assertj-db skipped (--no-assertj-db)");
    }
  }

  /** Snapshot, change 1% (not timed), snapshot, diff: the median after warm-up runs. */
  private static double medianMillis(InventoryDatabase database) throws SQLException {
    Table inventory = Table.named(database.dataSource(), "inventory");
    long[] total = new long[RUNS];
    long[][] phases = new long[3][RUNS];
    for (int run = -WARM_UPS; run < RUNS; run++) {
      long start = System.nanoTime();
      TableSnapshot before = inventory.snapshot();
      long first = System.nanoTime() - start;
      int expected = database.changeOnePercent();
      start = System.nanoTime();
      TableSnapshot after = inventory.snapshot();
      long second = System.nanoTime() - start;
      start = System.nanoTime();
      Diff diff = before.diffTo(after);
      long merge = System.nanoTime() - start;
      check(diff.size(), expected, "Vigil");
      if (run >= 0) {
        total[run] = first + second + merge;
        phases[0][run] = first;
        phases[1][run] = second;
        phases[2][run] = merge;
      }
    }
    Report.note(
        database.rows()
            + " rows, medians: first snapshot "
            + millis(phases[0])
            + " ms, second "
            + millis(phases[1])
            + " ms, diff "
            + millis(phases[2])
            + " ms");
    return Report.percentile(total, 50) / 1e6;
  }

  private static String millis(long[] nanos) {
    return Report.format(Report.percentile(nanos, 50) / 1e6);
  }

  /** The same cycle with the second side merged as it is read ({@code diffSince}). */
  private static void streamedDiff(InventoryDatabase database) throws SQLException {
    Table inventory = Table.named(database.dataSource(), "inventory");
    long[] nanos = new long[RUNS];
    for (int run = -1; run < RUNS; run++) {
      long start = System.nanoTime();
      TableSnapshot before = inventory.snapshot();
      long firstSnapshot = System.nanoTime() - start;
      int expected = database.changeOnePercent();
      start = System.nanoTime();
      Diff diff = inventory.diffSince(before);
      long rest = System.nanoTime() - start;
      check(diff.size(), expected, "Vigil diffSince");
      if (run >= 0) {
        nanos[run] = firstSnapshot + rest;
      }
    }
    Report.note(
        "1m rows with diffSince (the second side streamed, not kept): "
            + Report.format(Report.percentile(nanos, 50) / 1e6)
            + " ms");
  }

  /** The live heap kept by two snapshots of the table, measured after full collections. */
  private static double retainedMebibytes(InventoryDatabase database) throws SQLException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Table inventory = Table.named(database.dataSource(), "inventory");
    long baseline = usedAfterGc(memory);
    TableSnapshot before = inventory.snapshot();
    database.changeOnePercent();
    TableSnapshot after = inventory.snapshot();
    long retained = usedAfterGc(memory) - baseline;
    Report.note(
        "two snapshots of "
            + before.rowCount()
            + " rows: "
            + Report.format(retained / (double) (2 * before.rowCount()))
            + " bytes per row");
    Reference.reachabilityFence(before);
    Reference.reachabilityFence(after);
    return retained / (1024.0 * 1024.0);
  }

  /** assertj-db's start point, change (not timed), end point and list of changes. */
  private static double assertjDbMillis(InventoryDatabase database) throws SQLException {
    Changes changes =
        AssertDbConnectionFactory.of(database.dataSource())
            .create()
            .changes()
            .table("INVENTORY")
            .build();
    long start = System.nanoTime();
    changes.setStartPointNow();
    long startPoint = System.nanoTime() - start;
    int expected = database.changeOnePercent();
    start = System.nanoTime();
    changes.setEndPointNow();
    List<Change> found = changes.getChangesList();
    long rest = System.nanoTime() - start;
    check(found.size(), expected, "assertj-db");
    return (startPoint + rest) / 1e6;
  }

  private static void check(int found, int expected, String tool) {
    if (found != expected) {
      throw new IllegalStateException(tool + " found " + found + " changes, expected " + expected);
    }
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
