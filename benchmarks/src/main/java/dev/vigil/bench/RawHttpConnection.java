package dev.vigil.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 keep-alive connection that POSTs a small JSON body and reads the answer, on a plain
 * socket with its own buffer: a sender that costs a few microseconds of CPU per request, so that
 * the client does not crowd the servers it measures off a 2-core machine (the JDK's HttpClient
 * costs 250–450 µs per request). Understands only what the two servers answer: a status line,
 * header fields and a body framed by {@code Content-Length} (absent meaning empty, as for a 204).
 */
final class RawHttpConnection implements AutoCloseable {
  static final String BODY =
      "{\"order_id\":\"o-1234567\",\"customer\":\"c-42\",\"status\":\"completed\"}";

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String hostHeader;
  private final byte[] buffer = new byte[8192];
  private int start;
  private int end;

  RawHttpConnection(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setTcpNoDelay(true);
    in = socket.getInputStream();
    out = socket.getOutputStream();
    hostHeader = "127.0.0.1:" + port;
  }

  /** Returns the bytes of a POST of {@link #BODY} to {@code path}, built once per path. */
  byte[] request(String path) {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: "
            + hostHeader
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }

  /** Writes {@code request} in one call and returns the status of the answer, body read. */
  int exchange(byte[] request) throws IOException {
    out.write(request);
    return readResponse();
  }

  private int readResponse() throws IOException {
    int status = parseStatus(readLine());
    long length = 0;
    for (String field = readLine(); !field.isEmpty(); field = readLine()) {
      int colon = field.indexOf(':');
      if (colon > 0 && field.regionMatches(true, 0, "content-length", 0, colon)) {
        length = Long.parseLong(field.substring(colon + 1).trim());
      } else if (colon > 0 && field.regionMatches(true, 0, "transfer-encoding", 0, colon)) {
        throw new IOException("chunked responses are not read by this sender: " + field);
      }
    }
    skip(length);
    return status;
  }

  private static int parseStatus(String line) throws IOException {
    if (!line.startsWith("HTTP/1.1 ") || line.length() < 12) {
      throw new IOException("not an HTTP/1.1 status line: '" + line + "'");
    }
    return Integer.parseInt(line, 9, 12, 10);
  }

  /** Reads one line without its CRLF; headers are ASCII. */
  private String readLine() throws IOException {
    while (true) {
      for (int i = start; i < end; i++) {
        if (buffer[i] == '\n') {
          int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
          String line = new String(buffer, start, lineEnd - start, StandardCharsets.ISO_8859_1);
          start = i + 1;
          return line;
        }
      }
      fill();
    }
  }

  private void skip(long length) throws IOException {
    long left = length;
    while (left > 0) {
      if (start == end) {
        fill();
      }
      int taken = (int) Math.min(left, end - start);
      start += taken;
      left -= taken;
    }
  }

  /** Reads more bytes, first moving what is left to the front of the buffer. */
  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      throw new IOException("a response line longer than " + buffer.length + " bytes");
    }
    int read = in.read(buffer, end, buffer.length - end);
    if (read < 0) {
      throw new IOException("the server closed the connection");
    }
    end += read;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
