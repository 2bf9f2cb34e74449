package dev.vigil.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sender threads, each on a keep-alive connection of its own ({@link RawHttpConnection}), POSTing
 * one request after another to one path until stopped, counting the answers. Bounded: every sender
 * stops by itself after {@link #MAX_RUN} even if nobody stops it.
 */
final class HttpSenders implements AutoCloseable {
  static final String THREAD_PREFIX = "http-bench-sender-";
  private static final long MAX_RUN = TimeUnit.MINUTES.toNanos(2);
  // One counter per sender, 16 longs (128 bytes) apart, so that senders never share a cache line.
  private static final int STRIDE = 16;

  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLongArray answered;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean stopping;

  private HttpSenders(int count) {
    answered = new AtomicLongArray(count * STRIDE);
  }

  /** Connects {@code count} senders to {@code port} and starts them POSTing to {@code path}. */
  static HttpSenders start(int count, int port, String path) throws IOException {
    HttpSenders senders = new HttpSenders(count);
    List<RawHttpConnection> connections = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      connections.add(new RawHttpConnection(port));
    }
    for (int i = 0; i < count; i++) {
      RawHttpConnection connection = connections.get(i);
      int slot = i * STRIDE;
      Thread thread =
          new Thread(() -> senders.loop(connection, path, slot), THREAD_PREFIX + (i + 1));
      thread.setDaemon(true);
      senders.threads.add(thread);
    }
    senders.threads.forEach(Thread::start);
    return senders;
  }

  private void loop(RawHttpConnection connection, String path, int slot) {
    byte[] request = connection.request(path);
    long giveUpAt = System.nanoTime() + MAX_RUN;
    try (connection) {
      while (!stopping && System.nanoTime() - giveUpAt < 0) {
        int status = connection.exchange(request);
        if (status != 200) {
          throw new IOException("server answered " + status + " to POST " + path);
        }
        answered.lazySet(slot, answered.get(slot) + 1);
      }
    } catch (IOException | RuntimeException e) {
      if (!stopping) {
        failure.compareAndSet(null, e);
      }
    }
  }

  /** Returns how many answers all senders have read so far. */
  long answered() {
    long sum = 0;
    for (int i = 0; i < answered.length(); i += STRIDE) {
      sum += answered.get(i);
    }
    return sum;
  }

  /** Throws the first failure of any sender: a benchmark on a broken exchange measures nothing. */
  void check() {
    Throwable failed = failure.get();
    if (failed != null) {
      throw new UncheckedIOException(
          "a sender failed", failed instanceof IOException io ? io : new IOException(failed));
    }
  }

  /** Stops the senders after their current exchange and closes their connections. */
  @Override
  public void close() {
    stopping = true;
    try {
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(15));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    check();
  }
}
