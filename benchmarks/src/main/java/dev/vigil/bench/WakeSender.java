package dev.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * A sender thread that POSTs one request when told, on a keep-alive connection of its own, after an
 * optional delay; the waiting thread measures how soon it hears of the request.
 */
final class WakeSender implements AutoCloseable {
  private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final RawHttpConnection connection;
  private final Thread thread;
  private final long delayNanos;
  private volatile byte @Nullable [] next;
  private volatile long sentAt;
  private volatile long answered;
  private volatile @Nullable Throwable failure;
  private volatile boolean closing;

  WakeSender(int port, long delayNanos) throws IOException {
    this.connection = new RawHttpConnection(port);
    this.delayNanos = delayNanos;
    this.thread = new Thread(this::loop, "http-bench-wake-sender");
    thread.setDaemon(true);
    thread.start();
  }

  /** Returns the bytes of a POST to {@code path}. */
  byte[] request(String path) {
    return connection.request(path);
  }

  /** Hands {@code request} to the sender thread, which sends it after its delay. */
  void send(byte[] request) {
    next = request;
    LockSupport.unpark(thread);
  }

  /** Returns {@link System#nanoTime()} just before the last request's first byte was written. */
  long sentAt() {
    return sentAt;
  }

  /** Waits, spinning briefly and then parking, until the sender has read its answer. */
  void awaitAnswer(long count) {
    long spinUntil = System.nanoTime() + 20_000;
    long giveUpAt = System.nanoTime() + GIVE_UP_NANOS;
    while (answered < count) {
      Throwable failed = failure;
      if (failed != null) {
        throw new UncheckedIOException(new IOException("the wake sender failed", failed));
      }
      long now = System.nanoTime();
      if (now - spinUntil < 0) {
        Thread.onSpinWait();
      } else if (now - giveUpAt < 0) {
        LockSupport.parkNanos(10_000);
      } else {
        throw new IllegalStateException("no answer to request " + count + " within 10 s");
      }
    }
  }

  private void loop() {
    long exchanged = 0;
    try (connection) {
      while (!closing) {
        byte[] request = next;
        if (request == null) {
          LockSupport.parkNanos(100_000_000);
          continue;
        }
        next = null;
        if (delayNanos > 0) {
          LockSupport.parkNanos(delayNanos);
        }
        sentAt = System.nanoTime();
        connection.exchange(request);
        answered = ++exchanged;
      }
    } catch (IOException | RuntimeException e) {
      if (!closing) {
        failure = e;
      }
    }
  }

  @Override
  public void close() {
    closing = true;
    LockSupport.unpark(thread);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(15));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
