package dev.vigil.flow;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Detects signals to one subscriber that run at the same time on different threads (rule 1.3 of
 * Reactive Streams: signals are serial). A signal that re-enters on the same thread, such as an
 * {@code onNext} caused by a {@code request} inside {@code onNext}, is serial and allowed.
 */
final class SignalGuard {
  private record Owner(Thread thread, String signal) {}

  private final AtomicReference<@Nullable Owner> owner = new AtomicReference<>();
  // Read and written only by the owning thread; handing over the owner orders it.
  private int depth;

  /**
   * Enters a signal.
   *
   * @param signal the signal's name, shown to a thread that overlaps it
   * @return {@code null} when the caller owns the subscriber now (and must call {@link #exit}), or
   *     the signal running on another thread, with that thread's name
   */
  @Nullable String enter(String signal) {
    Thread me = Thread.currentThread();
    Owner current = owner.compareAndExchange(null, new Owner(me, signal));
    if (current == null) {
      depth = 1;
      return null;
    }
    if (current.thread() == me) {
      depth++;
      return null;
    }
    return current.signal() + " on thread \"" + current.thread().getName() + "\"";
  }

  /** Leaves a signal entered with a {@code null} result from {@link #enter}. */
  void exit() {
    if (--depth == 0) {
      owner.set(null);
    }
  }
}
