package dev.vigil.flow;

/** Arithmetic on demand, where {@code Long.MAX_VALUE} means unbounded (rule 3.17). */
final class Demand {
  private Demand() {}

  /** Adds two demands, staying at {@code Long.MAX_VALUE} once there. */
  static long add(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
