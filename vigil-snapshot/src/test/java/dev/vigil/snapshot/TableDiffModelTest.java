package dev.vigil.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seeded random tables with composite text-and-number keys, changed at random: every way of diffing
 * them (a snapshot and a streamed diff, two snapshots, a query read in random order) gives exactly
 * the changes a model of the table predicts, in key order.
 */
class TableDiffModelTest {
  private static final int SCENARIOS = 40;
  private static final String[] NAMES = {"", "a", "A", "b", "ab", "a b", "é", "z", "Z9"};
  private static final Comparator<List<Object>> KEY_ORDER =
      Comparator.<List<Object>, String>comparing(key -> (String) key.get(0))
          .thenComparing(key -> (Integer) key.get(1));

  private final TestDatabase h2 = TestDatabase.h2("diff-model");

  @AfterEach
  void dropTables() throws SQLException {
    h2.dropEverything();
  }

  @Test
  void every_diff_matches_the_changes_a_model_predicts() throws SQLException {
    for (int seed = 0; seed < SCENARIOS; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      h2.execute(
          "drop table if exists t",
          "create table t (name varchar(8), n int, amount int, note varchar(10),"
              + " primary key (name, n))");
      TreeMap<List<Object>, Map<String, @Nullable Object>> model = new TreeMap<>(KEY_ORDER);
      for (int i = 0; i < 150; i++) {
        upsert(random, model, randomKey(random));
      }
      Table table = Table.named(h2.dataSource(), "t");
      Table shuffled =
          Table.query(h2.dataSource(), "t", "select * from t order by rand()").keyedBy("name", "n");
      TableSnapshot before = table.snapshot();
      TableSnapshot shuffledBefore = shuffled.snapshot();
      TreeMap<List<Object>, Map<String, @Nullable Object>> old = new TreeMap<>(model);
      change(random, model);
      List<RowChange> expected = expectedChanges(old, model);

      assertThat(table.diffSince(before)).as("seed %d, streamed", seed).isEqualTo(expected);
      assertThat(before.diffTo(table.snapshot()))
          .as("seed %d, two snapshots", seed)
          .isEqualTo(expected);
      assertThat(shuffled.diffSince(shuffledBefore))
          .as("seed %d, shuffled", seed)
          .isEqualTo(expected);
    }
  }

  private void change(
      SplittableRandom random, Map<List<Object>, Map<String, @Nullable Object>> model)
      throws SQLException {
    for (int i = random.nextInt(30); i > 0; i--) {
      List<Object> key = randomKey(random);
      if (random.nextInt(3) == 0 && model.containsKey(key)) {
        model.remove(key);
        write("delete from t where name = ? and n = ?", key.get(0), key.get(1));
      } else {
        upsert(random, model, key);
      }
    }
  }

  private void upsert(
      SplittableRandom random,
      Map<List<Object>, Map<String, @Nullable Object>> model,
      List<Object> key)
      throws SQLException {
    Integer amount = random.nextInt(5) == 0 ? null : random.nextInt(-3, 4);
    String note = random.nextInt(5) == 0 ? null : NAMES[random.nextInt(NAMES.length)];
    Map<String, @Nullable Object> row = new LinkedHashMap<>();
    row.put("NAME", key.get(0));
    row.put("N", key.get(1));
    row.put("AMOUNT", amount);
    row.put("NOTE", note);
    model.put(key, row);
    write("merge into t key (name, n) values (?, ?, ?, ?)", key.get(0), key.get(1), amount, note);
  }

  private static List<RowChange> expectedChanges(
      Map<List<Object>, Map<String, @Nullable Object>> before,
      Map<List<Object>, Map<String, @Nullable Object>> after) {
    TreeMap<List<Object>, RowChange> changes = new TreeMap<>(KEY_ORDER);
    before.forEach(
        (key, row) -> {
          Map<String, @Nullable Object> now = after.get(key);
          if (now == null) {
            changes.put(key, RowChange.deleted(key, row));
          } else if (!now.equals(row)) {
            changes.put(key, RowChange.updated(key, row, now));
          }
        });
    after.forEach(
        (key, row) -> {
          if (!before.containsKey(key)) {
            changes.put(key, RowChange.inserted(key, row));
          }
        });
    return new ArrayList<>(changes.values());
  }

  private static List<Object> randomKey(SplittableRandom random) {
    return List.of(NAMES[random.nextInt(NAMES.length)], random.nextInt(-20, 20));
  }

  private void write(String sql, @Nullable Object... values) throws SQLException {
    DataSource dataSource = h2.dataSource();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}
