package dev.vigil.http.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Serves one connection on its own thread: reads requests one after another (keep-alive), hands
 * each to the {@link ExchangeHandler} and writes its response. Whatever the peer sends or does, the
 * failure stays on this connection: it is recorded as a rejection and the connection closes.
 */
final class HttpConnection implements Runnable {
  private static final int BUFFER = 8192;

  private final Socket socket;
  private final boolean secure;
  private final long bodyLimit;
  private final ExchangeHandler handler;
  private final ConnectionServer server;

  /** When the connection began waiting for a request's bytes; 0 while a request is handled. */
  private volatile long readingSince;

  /** Set by the sweeper when it cut the connection's input for stalling. */
  private volatile boolean stalled;

  HttpConnection(
      Socket socket,
      boolean secure,
      long bodyLimit,
      ExchangeHandler handler,
      ConnectionServer server) {
    this.socket = socket;
    this.secure = secure;
    this.bodyLimit = bodyLimit;
    this.handler = handler;
    this.server = server;
  }

  @Override
  public void run() {
    try (socket) {
      OutputStream out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
      HttpRequestReader reader =
          new HttpRequestReader(new SocketInput(socket.getInputStream(), BUFFER), out, bodyLimit);
      while (serveOne(reader, out)) {
        // keep-alive: next request on the same connection
      }
    } catch (IOException | RuntimeException e) {
      // The peer went away while we wrote, or the socket was closed by close(): nothing to keep.
    } finally {
      server.forget(this);
    }
  }

  /** Serves one request; returns whether the connection stays open. */
  private boolean serveOne(HttpRequestReader reader, OutputStream out) throws IOException {
    WireRequest request;
    readingSince = System.nanoTime();
    try {
      request = reader.read();
    } catch (MalformedRequestException e) {
      String reason = String.valueOf(e.getMessage());
      reject(e.status(), reason, e.method(), e.path());
      ResponseWriter.write(out, WireResponse.text(e.status(), reason + "\n"), "", false);
      return false;
    } catch (SSLException e) {
      reject(0, "TLS failed: " + e.getMessage() + TlsHints.hint(e), null, null);
      return false;
    } catch (IOException e) {
      if (stalled && reader.inRequest()) {
        reject(408, "no complete request within the read timeout", null, null);
        ResponseWriter.write(out, WireResponse.text(408, "request timed out\n"), "", false);
      } else if (reader.inRequest()) {
        reject(0, "connection lost in the middle of a request: " + e.getMessage(), null, null);
      }
      return false;
    }
    readingSince = 0;
    if (request == null) {
      return false;
    }
    WireResponse response = handler.handle(request, secure);
    if (response.dropConnection() || server.isClosing()) {
      return false;
    }
    ResponseWriter.write(out, response, request.method(), request.keepAlive() && !stalled);
    return request.keepAlive() && !stalled;
  }

  /** Cuts the input of a connection that has waited longer than {@code timeoutNanos} to read. */
  void expireIfStalled(long now, long timeoutNanos) {
    long since = readingSince;
    if (since != 0 && now - since > timeoutNanos && !stalled) {
      stalled = true;
      try {
        // The reader sees the end of its input and can still answer 408 on the output.
        socket.shutdownInput();
      } catch (IOException | UnsupportedOperationException e) {
        close(); // TLS sockets cannot half-close: close outright
      }
    }
  }

  void close() {
    ConnectionServer.closeQuietly(socket);
  }

  private void reject(int status, String reason, @Nullable String method, @Nullable String path) {
    if (!server.isClosing()) {
      handler.rejected(status, reason, method, path);
    }
  }
}
