package dev.vigil.http.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads HTTP/1.1 requests off one connection: request line, header fields, and a body framed by
 * {@code Content-Length} or chunked transfer coding. Strict where leniency would hide a sender's
 * bug or allow request smuggling (both framings at once, folded headers, spaces before the colon),
 * and bounded everywhere, so that no input can make it allocate without limit.
 */
public final class HttpRequestReader {
  private static final int MAX_REQUEST_LINE = 8 * 1024;
  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int MAX_HEADER_FIELDS = 200;
  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  private final InputStream in;
  private final OutputStream out;
  private final long bodyLimit;
  private final LineReader lines;

  /**
   * Creates a reader for one connection.
   *
   * @param in the connection's input, buffered
   * @param out the connection's output, for {@code 100 Continue}
   * @param bodyLimit the largest body accepted, in bytes
   */
  public HttpRequestReader(InputStream in, OutputStream out, long bodyLimit) {
    this.in = in;
    this.out = out;
    this.bodyLimit = bodyLimit;
    this.lines = new LineReader(in);
  }

  /**
   * Tells whether any byte of a request has been read since the last complete one.
   *
   * @return {@code true} in the middle of a request
   */
  public boolean inRequest() {
    return lines.started();
  }

  /**
   * Reads the next request.
   *
   * @return the request, or {@code null} when the peer closed the connection between requests
   * @throws IOException when the connection fails or closes in the middle of a request
   * @throws MalformedRequestException when the request cannot be served as sent
   */
  public @Nullable WireRequest read() throws IOException, MalformedRequestException {
    lines.reset();
    String requestLine = lines.readLine(MAX_REQUEST_LINE, 414, "request line");
    while (requestLine != null && requestLine.isEmpty()) {
      // RFC 9112 2.2: ignore empty lines before a request line.
      requestLine = lines.readLine(MAX_REQUEST_LINE, 414, "request line");
    }
    if (requestLine == null) {
      return null;
    }
    RequestLine line = RequestLine.parse(requestLine);
    List<Map.Entry<String, String>> headers = readFields(line, "header");
    Framing framing = Framing.of(headers, line, bodyLimit);
    if (framing.expectsContinue() && framing.hasBody()) {
      out.write(CONTINUE);
      out.flush();
    }
    byte[] body = framing.chunked() ? readChunked(line) : readFixed(framing.length(), line);
    boolean keepAlive = framing.keepAlive();
    return new WireRequest(
        line.method(), line.path(), line.query(), line.version(), headers, body, keepAlive);
  }

  /** Reads header or trailer fields up to the empty line, within the same bounds. */
  private List<Map.Entry<String, String>> readFields(RequestLine line, String kind)
      throws IOException, MalformedRequestException {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    int total = 0;
    while (true) {
      String field = lines.readLine(MAX_HEADER_BYTES, 431, kind + " field");
      if (field == null) {
        throw new IOException("connection closed in the " + kind + "s of " + line);
      }
      if (field.isEmpty()) {
        return fields;
      }
      total += field.length();
      if (total > MAX_HEADER_BYTES || fields.size() >= MAX_HEADER_FIELDS) {
        throw line.reject(
            431,
            kind
                + " fields exceed "
                + MAX_HEADER_BYTES
                + " bytes or "
                + MAX_HEADER_FIELDS
                + " fields");
      }
      fields.add(HeaderField.parse(field, line));
    }
  }

  private byte[] readFixed(long length, RequestLine line) throws IOException {
    byte[] body = in.readNBytes((int) length);
    if (body.length < length) {
      throw new IOException(
          "connection closed after " + body.length + " of " + length + " body bytes of " + line);
    }
    return body;
  }

  private byte[] readChunked(RequestLine line) throws IOException, MalformedRequestException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = lines.readLine(1024, 400, "chunk size");
      if (sizeLine == null) {
        throw new IOException("connection closed in the chunked body of " + line);
      }
      long size = ChunkSize.parse(sizeLine, line);
      if (size == 0) {
        readFields(line, "trailer"); // trailers are read to stay in step, then dropped
        return body.toByteArray();
      }
      if (body.size() + size > bodyLimit) {
        throw line.reject(413, "chunked body exceeds the limit of " + bodyLimit + " bytes");
      }
      byte[] chunk = readFixed(size, line);
      body.write(chunk);
      String end = lines.readLine(2, 400, "chunk end");
      if (end == null || !end.isEmpty()) {
        throw line.reject(400, "chunk of " + size + " bytes not followed by CRLF");
      }
    }
  }

  /** Parses the hexadecimal size of a chunk, ignoring chunk extensions. */
  private static final class ChunkSize {
    static long parse(String sizeLine, RequestLine line) throws MalformedRequestException {
      int end = sizeLine.indexOf(';');
      String hex = (end < 0 ? sizeLine : sizeLine.substring(0, end)).trim();
      if (hex.isEmpty() || hex.length() > 12 || !Ascii.isHex(hex)) {
        throw line.reject(400, "invalid chunk size '" + Ascii.shown(sizeLine) + "'");
      }
      return Long.parseLong(hex.toLowerCase(Locale.ROOT), 16);
    }

    private ChunkSize() {}
  }
}
