package dev.vigil.time;

import java.util.ArrayList;
import java.util.List;

/**
 * The fibers parked on one blocking object (a latch, a queue, a task's outcome), woken all at once
 * when its state changes; each then looks again whether it may go on.
 */
final class FiberWaiters {
  private final VirtualScheduler scheduler;
  private final List<Fiber<?>> parked = new ArrayList<>();

  FiberWaiters(VirtualScheduler scheduler) {
    this.scheduler = scheduler;
  }

  synchronized void add(Fiber<?> fiber) {
    if (!parked.contains(fiber)) {
      parked.add(fiber);
    }
  }

  synchronized void remove(Fiber<?> fiber) {
    parked.remove(fiber);
  }

  synchronized int size() {
    return parked.size();
  }

  /** Wakes every parked fiber, in the order they parked, and any real thread waiting. */
  void changed() {
    List<Fiber<?>> woken;
    synchronized (this) {
      woken = List.copyOf(parked);
      parked.clear();
    }
    woken.forEach(Fiber::wake);
    scheduler.stateChanged();
  }
}
