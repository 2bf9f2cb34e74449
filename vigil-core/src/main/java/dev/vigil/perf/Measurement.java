package dev.vigil.perf;

import org.jspecify.annotations.Nullable;

/** One measured operation: its name, when it started, and when and how it ended. */
final class Measurement {
  final String name;
  final long startNanos;
  private long endNanos;
  private boolean done;
  private @Nullable Throwable failure;

  Measurement(String name, long startNanos) {
    this.name = name;
    this.startNanos = startNanos;
  }

  synchronized void finish(long nanos, @Nullable Throwable error) {
    endNanos = nanos;
    failure = error;
    done = true;
  }

  synchronized boolean done() {
    return done;
  }

  synchronized long endNanos() {
    return endNanos;
  }

  synchronized long tookNanos() {
    return endNanos - startNanos;
  }

  synchronized @Nullable Throwable failure() {
    return failure;
  }
}
