package dev.vigil.leak;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Threads a test plants on purpose: each waits on one latch until {@link #close()} releases it and
 * joins it, so no test leaks its plants into the next.
 */
final class PlantedThreads implements AutoCloseable {
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Thread> planted = new CopyOnWriteArrayList<>();

  /** Starts a thread named {@code name} that waits until released. */
  Thread start(String name, boolean daemon) {
    Thread thread = new Thread(this::awaitRelease, name);
    thread.setDaemon(daemon);
    planted.add(thread);
    thread.start();
    return thread;
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    release.countDown();
    try {
      for (Thread thread : planted) {
        thread.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while joining planted threads", e);
    }
  }
}
