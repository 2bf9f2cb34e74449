package dev.vigil.http.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered input without locks: one connection's thread reads its requests byte by byte, and
 * {@link java.io.BufferedInputStream} takes a monitor on every {@code read()}, which the line
 * parser would pay a few hundred times per request.
 */
final class SocketInput extends InputStream {
  private final InputStream in;
  private final byte[] buffer;
  private int position;
  private int limit;

  SocketInput(InputStream in, int size) {
    this.in = in;
    this.buffer = new byte[size];
  }

  @Override
  public int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xFF;
  }

  @Override
  public int read(byte[] target, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (position == limit) {
      if (length >= buffer.length) {
        return in.read(target, offset, length); // a large body: skip the copy
      }
      if (!fill()) {
        return -1;
      }
    }
    int count = Math.min(length, limit - position);
    System.arraycopy(buffer, position, target, offset, count);
    position += count;
    return count;
  }

  @Override
  public int available() throws IOException {
    return limit - position + in.available();
  }

  private boolean fill() throws IOException {
    int count = in.read(buffer, 0, buffer.length);
    if (count <= 0) {
      return false;
    }
    position = 0;
    limit = count;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
