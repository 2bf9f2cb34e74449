package dev.vigil.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helper: several threads appending to one timeline at once. */
final class ConcurrentAppends {
  private ConcurrentAppends() {}

  /**
   * Starts {@code threads} producers (sources {@code producer-0…}), each appending {@code
   * perThread} ticks, and joins them.
   */
  static void run(Timeline timeline, int threads, int perThread) throws InterruptedException {
    List<Thread> producers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String source = "producer-" + t;
      producers.add(
          new Thread(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  timeline.append(source, "tick", null, null, "", Map.of());
                }
              }));
    }
    producers.forEach(Thread::start);
    for (Thread producer : producers) {
      producer.join();
    }
  }
}
