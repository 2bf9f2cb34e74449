package dev.vigil.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The floor under both servers: blocking sockets, a thread per connection, and nothing else — each
 * read is taken as one whole request (the raw senders write a request in one call), answered with a
 * fixed {@code 200}, neither parsed nor recorded. What it costs is the kernel's part (a blocking
 * read, a write, a thread switch per request), which no thread-per-connection server gets below.
 */
final class FloorCapture implements CaptureTarget {
  private static final String THREAD_PREFIX = "http-bench-floor-";
  private static final byte[] OK =
      "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket listener;
  private final Thread acceptor;
  private final AtomicLong reads = new AtomicLong();

  FloorCapture() throws IOException {
    listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::accept, THREAD_PREFIX + "accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void accept() {
    try {
      for (int n = 1; ; n++) {
        Socket socket = listener.accept();
        socket.setTcpNoDelay(true);
        Thread connection = new Thread(() -> serve(socket), THREAD_PREFIX + "conn-" + n);
        connection.setDaemon(true);
        connection.start();
      }
    } catch (IOException e) {
      // closed: no more connections
    }
  }

  private void serve(Socket socket) {
    byte[] buffer = new byte[8192];
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (in.read(buffer) > 0) {
        reads.incrementAndGet();
        out.write(OK);
      }
    } catch (IOException e) {
      // the sender went away
    }
  }

  @Override
  public int port() {
    return listener.getLocalPort();
  }

  @Override
  public Predicate<String> isServerThread() {
    return name -> name.startsWith(THREAD_PREFIX);
  }

  /** Checks that every read was one whole request, as this server assumes. */
  @Override
  public void checkCaptured(long answered, long retried) {
    if (reads.get() != answered || retried != 0) {
      throw new IllegalStateException(
          "the floor server read " + reads.get() + " times for " + answered + " requests");
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing: nothing to do
    }
    CaptureTarget.join(acceptor);
  }
}
