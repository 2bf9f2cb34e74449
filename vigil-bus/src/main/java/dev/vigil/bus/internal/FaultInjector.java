package dev.vigil.bus.internal;

import dev.vigil.bus.FaultPlan;
import dev.vigil.bus.FaultRate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Decides, reproducibly, when a planned fault strikes. Every decision draws from one seeded random
 * in call order, so the same seed and the same operations strike the same messages. Without a plan
 * it costs one volatile read.
 */
final class FaultInjector {
  private final SplittableRandom random;
  private final Map<String, FaultPlan> byTarget = new HashMap<>();
  private final Map<String, Long> opportunities = new HashMap<>();
  private FaultPlan busWide = FaultPlan.none();
  private volatile boolean armed;

  FaultInjector(long seed) {
    this.random = new SplittableRandom(seed);
  }

  synchronized void plan(FaultPlan plan) {
    busWide = plan;
    armed = true;
  }

  synchronized void plan(String target, FaultPlan plan) {
    byTarget.put(target, plan);
    armed = true;
  }

  synchronized void clear() {
    busWide = FaultPlan.none();
    byTarget.clear();
    opportunities.clear();
    armed = false;
  }

  /** Returns the plan for a queue or topic: its own if it has one, else the bus-wide plan. */
  FaultPlan planFor(String target) {
    if (!armed) {
      return FaultPlan.none();
    }
    synchronized (this) {
      return byTarget.getOrDefault(target, busWide);
    }
  }

  /**
   * Counts an opportunity for fault {@code kind} at {@code target} and tells whether it strikes.
   */
  boolean strikes(String kind, String target, FaultRate rate) {
    if (!rate.active()) {
      return false;
    }
    synchronized (this) {
      long n = opportunities.merge(kind + " " + target, 1L, Long::sum);
      if (rate.everyNth() > 0 && n % rate.everyNth() == 0) {
        return true;
      }
      return rate.probability() > 0 && random.nextDouble() < rate.probability();
    }
  }

  /** Draws a number in [0, bound). */
  synchronized long draw(long bound) {
    return bound <= 0 ? 0 : random.nextLong(bound);
  }
}
