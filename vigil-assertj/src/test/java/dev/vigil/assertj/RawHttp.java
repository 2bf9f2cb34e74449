package dev.vigil.assertj;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sends exact HTTP/1.1 requests, so that the headers a failure lists are the test's own. */
final class RawHttp {
  private RawHttp() {}

  /**
   * Sends one request with these header lines and body, and waits for the answer, by which time the
   * server has recorded it.
   */
  static void send(int port, String requestLine, List<String> headers, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(requestLine).append("\r\n");
    head.append("Host: localhost\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    head.append("Content-Length: ").append(bytes.length).append("\r\n");
    head.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      // Guards the test against a server that never answers; no test relies on it firing.
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.flush();
      InputStream in = socket.getInputStream();
      in.readAllBytes(); // the server closes after answering, as asked
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
