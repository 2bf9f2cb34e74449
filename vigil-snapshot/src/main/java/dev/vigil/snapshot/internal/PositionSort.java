package dev.vigil.snapshot.internal;

/** A merge sort of row positions (primitive longs) by a comparison of the rows they point to. */
final class PositionSort {
  private static final int INSERTION_SORT_BELOW = 24;

  /** Compares the rows at two positions. */
  @FunctionalInterface
  interface PositionOrder {
    int compare(long left, long right);
  }

  private PositionSort() {}

  static void sort(long[] positions, PositionOrder order) {
    long[] scratch = positions.clone();
    sort(scratch, positions, 0, positions.length, order);
  }

  /**
   * Sorts {@code source[from, to)} into {@code target[from, to)}; both start with equal content.
   */
  private static void sort(long[] source, long[] target, int from, int to, PositionOrder order) {
    if (to - from < INSERTION_SORT_BELOW) {
      insertionSort(target, from, to, order);
      return;
    }
    int middle = (from + to) >>> 1;
    // Each half is sorted into the source array, so that merging writes into the target.
    sort(target, source, from, middle, order);
    sort(target, source, middle, to, order);
    if (order.compare(source[middle - 1], source[middle]) <= 0) {
      System.arraycopy(source, from, target, from, to - from);
      return;
    }
    int left = from;
    int right = middle;
    for (int i = from; i < to; i++) {
      if (right >= to || (left < middle && order.compare(source[left], source[right]) <= 0)) {
        target[i] = source[left++];
      } else {
        target[i] = source[right++];
      }
    }
  }

  private static void insertionSort(long[] values, int from, int to, PositionOrder order) {
    for (int i = from + 1; i < to; i++) {
      long value = values[i];
      int j = i - 1;
      while (j >= from && order.compare(values[j], value) > 0) {
        values[j + 1] = values[j];
        j--;
      }
      values[j + 1] = value;
    }
  }
}
