package dev.vigil.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Writes HTTP/1.1 responses, always with an explicit length so that keep-alive works. */
public final class ResponseWriter {
  private ResponseWriter() {}

  /**
   * Writes {@code response} and flushes.
   *
   * @param out the connection's output
   * @param response what to write
   * @param method the request's method: a {@code HEAD} response has no body
   * @param keepAlive whether the connection stays open afterwards
   * @throws IOException when the peer has gone
   */
  public static void write(
      OutputStream out, WireResponse response, String method, boolean keepAlive)
      throws IOException {
    int status = response.status();
    boolean bodyAllowed = status >= 200 && status != 204 && status != 304;
    StringBuilder head = new StringBuilder(128);
    head.append("HTTP/1.1 ").append(status).append(' ').append(ReasonPhrases.of(status));
    head.append("\r\n");
    for (Map.Entry<String, String> header : response.headers()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!name.equals("content-length") && !name.equals("connection")) {
        head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
      }
    }
    if (bodyAllowed) {
      head.append("Content-Length: ").append(response.body().length).append("\r\n");
    }
    if (!keepAlive) {
      head.append("Connection: close\r\n");
    }
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    if (bodyAllowed && !method.equals("HEAD")) {
      out.write(response.body());
    }
    out.flush();
  }
}
