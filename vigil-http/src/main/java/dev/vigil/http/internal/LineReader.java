package dev.vigil.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Reads CRLF- (or LF-) terminated lines of bounded length, byte by byte from a buffered stream. */
final class LineReader {
  private final InputStream in;
  private byte[] buffer = new byte[256];
  private boolean started;

  LineReader(InputStream in) {
    this.in = in;
  }

  /** Forgets that a request was under way; called before reading the next one. */
  void reset() {
    started = false;
  }

  /** Tells whether a byte has been read since {@link #reset()}. */
  boolean started() {
    return started;
  }

  /**
   * Reads one line without its terminator.
   *
   * @param max the longest line accepted
   * @param status the status to reject a longer line with
   * @param what what the line is, for the rejection
   * @return the line in ISO-8859-1, or {@code null} at end of stream before any byte of it
   */
  @Nullable String readLine(int max, int status, String what)
      throws IOException, MalformedRequestException {
    int length = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (length == 0) {
          return null;
        }
        throw new IOException("connection closed in the middle of a " + what);
      }
      started = true;
      if (b == '\n') {
        if (length > 0 && buffer[length - 1] == '\r') {
          length--;
        }
        return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
      }
      if (length >= max) {
        throw new MalformedRequestException(
            status, what + " longer than " + max + " bytes", null, null);
      }
      if (length == buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, Math.min(max + 1, buffer.length * 2));
      }
      buffer[length++] = (byte) b;
    }
  }
}
