package dev.vigil.timeline;

import dev.vigil.time.Signal;
import dev.vigil.time.TimeSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A test time source that moves one nanosecond on every read, so two reads never agree and the
 * order of reads is the order of the times read. One thread can be held inside its next read of the
 * instant, to let another thread overtake it deterministically.
 *
 * <p>One read of the instant in three yields the processor after reading, so that of threads racing
 * to append, one is often switched out between reading the time and what follows while another runs
 * on.
 */
final class CountingTimeSource implements TimeSource {
  private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");
  private final AtomicLong reads = new AtomicLong();
  private volatile @Nullable Thread held;
  private final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  /** Holds {@code thread} inside its next {@link #instant()}, after the time is read. */
  void holdNextRead(Thread thread) {
    held = thread;
  }

  /** Returns once the held thread has read the time and waits to return it. */
  void awaitHeld() throws InterruptedException {
    holding.await();
  }

  /** Lets the held thread return the time it read. */
  void release() {
    released.countDown();
  }

  @Override
  public long nanoTime() {
    return reads.incrementAndGet();
  }

  @Override
  public Instant instant() {
    long read = reads.incrementAndGet();
    if (read % 3 == 0) {
      Thread.yield();
    }
    Instant now = ORIGIN.plusNanos(read);
    if (Thread.currentThread() == held) {
      held = null;
      holding.countDown();
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return now;
  }

  @Override
  public Clock clock() {
    return Clock.fixed(instant(), ZoneOffset.UTC);
  }

  @Override
  public ScheduledExecutorService scheduler() {
    throw new UnsupportedOperationException("CountingTimeSource has no scheduler");
  }

  @Override
  public boolean isVirtual() {
    return true;
  }

  @Override
  public boolean awaitChange(Signal signal, long seenVersion, long wakeAtNanos) {
    throw new UnsupportedOperationException("CountingTimeSource does not wait");
  }

  @Override
  public void close() {}
}
