package dev.vigil.leak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the live platform threads and waits for new ones to end. Enumerating the root thread group
 * is cheap where {@code Thread.getAllStackTraces()} would take every thread's stack; virtual
 * threads are in no group and so are not seen.
 */
final class LiveThreads {
  private LiveThreads() {}

  /** Returns the live threads now, as a set by identity (names may repeat or change). */
  static Set<Thread> now() {
    Set<Thread> live = Collections.newSetFromMap(new IdentityHashMap<>());
    live.addAll(Arrays.asList(enumerate()));
    return live;
  }

  /**
   * Waits until {@code deadlineNanos} (on {@link System#nanoTime()}) for the threads not in {@code
   * before} and not {@code ignored} to end, joining each in turn, never sleeping; a thread that one
   * of them starts meanwhile is waited for too.
   *
   * @return those still alive, oldest first
   */
  static List<Thread> stillAliveAfter(
      Set<Thread> before, Predicate<Thread> ignored, long deadlineNanos) {
    Set<Thread> waited = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Thread> fresh = started(before, ignored, waited);
    while (!fresh.isEmpty() && deadlineNanos - System.nanoTime() > 0) {
      for (Thread thread : fresh) {
        waited.add(thread);
        if (!join(thread, deadlineNanos)) {
          return started(before, ignored, Set.of()); // interrupted: report what is alive now
        }
      }
      fresh = started(before, ignored, waited);
    }
    return started(before, ignored, Set.of());
  }

  /** Joins until the deadline; false when the waiting thread was interrupted. */
  private static boolean join(Thread thread, long deadlineNanos) {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0) {
      return true;
    }
    try {
      // Never join(0, 0), which waits for ever: remaining > 0 makes millis or nanos positive.
      thread.join(remaining / 1_000_000, (int) (remaining % 1_000_000));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static List<Thread> started(
      Set<Thread> before, Predicate<Thread> ignored, Set<Thread> skipped) {
    List<Thread> started = new ArrayList<>();
    for (Thread thread : enumerate()) {
      if (thread.isAlive()
          && !before.contains(thread)
          && !skipped.contains(thread)
          && !ignored.test(thread)) {
        started.add(thread);
      }
    }
    started.sort(Comparator.comparingLong(Thread::getId));
    return started;
  }

  private static Thread[] enumerate() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    for (ThreadGroup parent = root.getParent(); parent != null; parent = parent.getParent()) {
      root = parent;
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int count;
    while ((count = root.enumerate(threads, true)) == threads.length) {
      threads = new Thread[threads.length * 2];
    }
    return Arrays.copyOf(threads, count);
  }
}
