package dev.vigil.http.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.jspecify.annotations.Nullable;

/**
 * Accepts connections and serves each on a daemon thread of its own. A test server sees a handful
 * of connections, so blocking I/O with a thread per connection is both the simplest design and the
 * cheapest in CPU per request: no selector wake-ups, no hand-off between threads.
 */
public final class ConnectionServer implements AutoCloseable {
  private static final Duration JOIN_ON_CLOSE = Duration.ofSeconds(2);

  private final ServerSocket listener;
  private final boolean secure;
  private final long bodyLimit;
  private final ExchangeHandler handler;
  private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
  private final StallSweeper sweeper;
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final AtomicLong connections = new AtomicLong();
  private final Thread acceptor;
  private volatile boolean closing;

  private ConnectionServer(
      ServerSocket listener,
      boolean secure,
      long bodyLimit,
      Duration readTimeout,
      ExchangeHandler handler) {
    this.listener = listener;
    this.secure = secure;
    this.bodyLimit = bodyLimit;
    this.handler = handler;
    this.sweeper =
        new StallSweeper(open, readTimeout.toNanos(), "vigil-http-" + port() + "-sweeper");
    this.acceptor = new Thread(this::acceptLoop, "vigil-http-" + port() + "-accept");
    acceptor.setDaemon(true);
  }

  /**
   * Binds and starts accepting.
   *
   * @param address the address to bind to
   * @param port the port, 0 for any free one
   * @param tls the TLS context for HTTPS, or {@code null} for plain HTTP
   * @param bodyLimit the largest request body accepted
   * @param readTimeout how long a connection may wait for a request's bytes before it is closed
   * @param handler what records and answers the requests
   * @return the running server
   * @throws IOException when the address cannot be bound
   */
  public static ConnectionServer start(
      InetAddress address,
      int port,
      @Nullable SSLContext tls,
      long bodyLimit,
      Duration readTimeout,
      ExchangeHandler handler)
      throws IOException {
    ServerSocket listener =
        tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
    try {
      listener.setReuseAddress(true);
      listener.bind(new InetSocketAddress(address, port), 128);
      if (listener instanceof SSLServerSocket secureListener) {
        secureListener.setUseClientMode(false);
      }
    } catch (IOException | RuntimeException e) {
      listener.close();
      throw e;
    }
    ConnectionServer server =
        new ConnectionServer(listener, tls != null, bodyLimit, readTimeout, handler);
    server.acceptor.start();
    server.sweeper.start();
    return server;
  }

  /**
   * Returns the port bound.
   *
   * @return the local port
   */
  public int port() {
    return listener.getLocalPort();
  }

  boolean isClosing() {
    return closing;
  }

  void forget(HttpConnection connection) {
    open.remove(connection);
    threads.remove(Thread.currentThread());
  }

  private void acceptLoop() {
    while (!closing) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        continue; // closed by close(), or a transient accept failure: the loop condition decides
      }
      try {
        socket.setTcpNoDelay(true);
        serve(socket);
      } catch (IOException | RuntimeException e) {
        closeQuietly(socket);
      }
    }
  }

  private void serve(Socket socket) {
    long number = connections.incrementAndGet();
    HttpConnection connection = new HttpConnection(socket, secure, bodyLimit, handler, this);
    Thread thread = new Thread(connection, "vigil-http-" + port() + "-conn-" + number);
    thread.setDaemon(true);
    open.add(connection);
    threads.add(thread);
    if (closing) {
      closeQuietly(socket);
    }
    thread.start();
  }

  /** Stops accepting, closes every connection and waits briefly for their threads to end. */
  @Override
  public void close() {
    close(() -> {});
  }

  /**
   * Stops accepting and closes every connection, runs {@code unblock} (to release threads held by
   * something other than their socket), then waits briefly for the connection threads to end.
   *
   * @param unblock releases connection threads blocked outside socket I/O
   */
  public void close(Runnable unblock) {
    closing = true;
    closeQuietly(listener);
    sweeper.stop();
    open.forEach(HttpConnection::close);
    unblock.run();
    long deadline = System.nanoTime() + JOIN_ON_CLOSE.toNanos();
    join(acceptor, deadline);
    join(sweeper.thread(), deadline);
    for (Thread thread : threads) {
      join(thread, deadline);
    }
  }

  private static void join(Thread thread, long deadline) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0 || thread == Thread.currentThread()) {
      return;
    }
    try {
      thread.join(Math.max(1, remaining / 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // Closing on shutdown: a failure leaves nothing to do.
    }
  }
}
