package dev.vigil.time;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The fibers of one scheduler whose body has begun and not ended, for listing and for closing. */
final class FiberRegistry {
  /** How long closing waits for each parked fiber to end; a body that never ends is left. */
  private static final long ABANDON_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final Set<Fiber<?>> live = new LinkedHashSet<>();

  synchronized void started(Fiber<?> fiber) {
    live.add(fiber);
  }

  synchronized void ended(Fiber<?> fiber) {
    live.remove(fiber);
  }

  /** Returns the live fibers in the order they began. */
  synchronized List<Fiber<?>> live() {
    return List.copyOf(live);
  }

  /** Ends every parked fiber by throwing out of its park; called when the scheduler closes. */
  void abandonAll() {
    live().forEach(fiber -> fiber.abandon(ABANDON_WAIT_NANOS));
  }
}
