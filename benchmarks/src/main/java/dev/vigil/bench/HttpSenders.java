package dev.vigil.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Sender threads POSTing one request after another to one path until stopped, counting the answers:
 * each on a keep-alive connection of its own ({@link RawHttpConnection}), or all through one JDK
 * {@code HttpClient} ({@link JdkClientSender}). Bounded: every sender stops by itself after {@link
 * #MAX_RUN} even if nobody stops it.
 */
final class HttpSenders implements AutoCloseable {
  static final String THREAD_PREFIX = "http-bench-sender-";
  private static final long MAX_RUN = TimeUnit.MINUTES.toNanos(2);
  // One counter per sender, 16 longs (128 bytes) apart, so that senders never share a cache line.
  private static final int STRIDE = 16;

  /** How the senders send: the label names them in comments, the suffix in BENCH lines. */
  enum Kind {
    RAW_SOCKET("raw-socket", ""),
    JDK_CLIENT("JDK HttpClient", "-jdk-client");

    final String label;
    final String suffix;

    Kind(String label, String suffix) {
      this.label = label;
      this.suffix = suffix;
    }
  }

  /** One sender's exchange: POSTs the request and returns the answer's status, body read. */
  private interface Poster {
    int post() throws IOException, InterruptedException;
  }

  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLongArray answered;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final @Nullable JdkClientSender client;
  private volatile boolean stopping;

  private HttpSenders(int count, @Nullable JdkClientSender client) {
    this.answered = new AtomicLongArray(count * STRIDE);
    this.client = client;
  }

  /** Tells whether a Java thread works for the senders, by name: theirs or the JDK client's. */
  static boolean isSenderThread(String name) {
    return name.startsWith(THREAD_PREFIX) || name.startsWith(JdkClientSender.THREAD_PREFIX);
  }

  /** Starts {@code count} senders of {@code kind} POSTing to {@code path} on {@code port}. */
  static HttpSenders start(Kind kind, int count, int port, String path) throws IOException {
    return kind == Kind.RAW_SOCKET
        ? startRaw(count, port, path)
        : startJdkClient(count, new JdkClientSender(port, path));
  }

  private static HttpSenders startRaw(int count, int port, String path) throws IOException {
    HttpSenders senders = new HttpSenders(count, null);
    List<RawHttpConnection> connections = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      connections.add(new RawHttpConnection(port));
    }
    for (int i = 0; i < count; i++) {
      RawHttpConnection connection = connections.get(i);
      byte[] request = connection.request(path);
      senders.add(() -> connection.exchange(request), connection::close, path);
    }
    senders.threads.forEach(Thread::start);
    return senders;
  }

  private static HttpSenders startJdkClient(int count, JdkClientSender client) {
    HttpSenders senders = new HttpSenders(count, client);
    for (int i = 0; i < count; i++) {
      senders.add(client::post, () -> {}, "the JDK client's path");
    }
    senders.threads.forEach(Thread::start);
    return senders;
  }

  private void add(Poster poster, Closeable connection, String path) {
    int slot = threads.size() * STRIDE;
    Thread thread =
        new Thread(
            () -> loop(poster, connection, path, slot), THREAD_PREFIX + (threads.size() + 1));
    thread.setDaemon(true);
    threads.add(thread);
  }

  private void loop(Poster poster, Closeable connection, String path, int slot) {
    long giveUpAt = System.nanoTime() + MAX_RUN;
    try (connection) {
      while (!stopping && System.nanoTime() - giveUpAt < 0) {
        int status = poster.post();
        if (status != 200) {
          throw new IOException("server answered " + status + " to POST " + path);
        }
        answered.lazySet(slot, answered.get(slot) + 1);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
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

  /** Returns how many sends failed once and were sent again (only the JDK client retries). */
  long retries() {
    return client == null ? 0 : client.retries();
  }

  /** Returns the first few distinct messages of the failures that were retried. */
  Set<String> retryReasons() {
    return client == null ? Set.of() : client.retryReasons();
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
