package dev.vigil;

import dev.vigil.time.Signal;
import dev.vigil.time.TimeSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A test time source that never sleeps: where a wait would park, time jumps straight to the wake
 * time, so elapsed times in failure messages are exact and tests take no wall time.
 */
final class SteppingTimeSource implements TimeSource {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private volatile long now;
  private volatile Runnable onPark = () -> {};

  /** Runs {@code action} each time a wait parks, before time jumps: a stand-in for other work. */
  void onPark(Runnable action) {
    this.onPark = action;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public Instant instant() {
    return EPOCH.plusNanos(now);
  }

  @Override
  public Clock clock() {
    return Clock.fixed(instant(), ZoneOffset.UTC);
  }

  @Override
  public ScheduledExecutorService scheduler() {
    throw new UnsupportedOperationException("SteppingTimeSource has no scheduler");
  }

  @Override
  public boolean isVirtual() {
    return true;
  }

  @Override
  public boolean awaitChange(Signal signal, long seenVersion, long wakeAtNanos) {
    onPark.run();
    if (signal.version() != seenVersion) {
      return true;
    }
    now = Math.max(now, wakeAtNanos);
    return false;
  }

  @Override
  public void close() {}
}
