package dev.vigil.snapshot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The merge sort of positions orders them as the comparison says, at every size. */
class PositionSortTest {
  @Test
  void sorts_arrays_of_every_size_with_and_without_duplicates() {
    SplittableRandom random = new SplittableRandom(5);
    for (int size : new int[] {0, 1, 2, 23, 24, 25, 100, 1_000, 10_007}) {
      for (int bound : new int[] {3, Integer.MAX_VALUE}) {
        long[] positions = random.longs(size, 0, bound).toArray();
        long[] expected = positions.clone();
        Arrays.sort(expected);

        PositionSort.sort(positions, Long::compare);

        assertThat(positions).as("size %d, values below %d", size, bound).isEqualTo(expected);
      }
    }
  }

  @Test
  void sorts_by_the_comparison_given_not_by_the_numbers() {
    long[] positions = {1, 2, 3, 4, 5};

    PositionSort.sort(positions, (left, right) -> Long.compare(right, left));

    assertThat(positions).containsExactly(5, 4, 3, 2, 1);
  }
}
