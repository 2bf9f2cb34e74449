package dev.vigil.doubles;

import dev.vigil.Vigil;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One end of a {@link FakeTransport}: a blocking {@link ByteChannel} (also as streams) whose writes
 * arrive at the other end, every write and close recorded on the timeline, everything it wrote kept
 * for assertions, and waits for what the other end sent.
 *
 * <p>A read blocks its thread until bytes arrive, the other end shuts its output or closes (then
 * -1, the end of the stream), or this end closes ({@link
 * java.nio.channels.AsynchronousCloseException}); an interrupt ends it with {@link
 * java.io.InterruptedIOException}, the interrupt flag kept. Under virtual time a blocked reader is
 * a real thread that virtual time does not drive: drive protocol code on the context's scheduler
 * there, and keep blocking readers to real time.
 *
 * @since 0.1
 */
public final class TransportEnd implements ByteChannel {
  private final Vigil vigil;
  private final String name;
  private final String peerName;
  private final Pipe incoming;
  private final Pipe outgoing;
  private volatile boolean closed;

  TransportEnd(Vigil vigil, String name, String peerName, Pipe incoming, Pipe outgoing) {
    this.vigil = vigil;
    this.name = name;
    this.peerName = peerName;
    this.incoming = incoming;
    this.outgoing = outgoing;
  }

  /**
   * Returns this end's name, {@code client} or {@code server}, as the timeline shows it.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Reads what the other end sent, blocking until at least one byte arrived or the stream ended.
   *
   * @param dst where the bytes go
   * @return how many bytes were read, or -1 at the end of the stream
   * @throws IOException when this end is closed, or the read is interrupted
   */
  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    return incoming.read(dst);
  }

  /**
   * Sends all remaining bytes of {@code src} to the other end and records the write.
   *
   * @param src the bytes
   * @return how many bytes were written
   * @throws IOException when this end is closed or its output shut down, or the other end closed
   */
  @Override
  public int write(ByteBuffer src) throws IOException {
    ensureOpen();
    int count = src.remaining();
    ByteBuffer copy = src.duplicate();
    outgoing.send(src, name, peerName);
    byte[] bytes = new byte[count];
    copy.get(bytes);
    String summary = count + (count == 1 ? " byte " : " bytes ") + Printed.bytes(bytes, 0, count);
    record("wrote", summary, Map.of("bytes", String.valueOf(count)));
    return count;
  }

  /**
   * Sends {@code text} in UTF-8 to the other end: {@code client.writeText("HELLO\n")}.
   *
   * @param text the text
   * @throws IOException as {@link #write(ByteBuffer)}
   */
  public void writeText(String text) throws IOException {
    write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Returns a blocking stream over this end's reads; closing it closes this end.
   *
   * @return the stream
   */
  public InputStream inputStream() {
    return Channels.newInputStream(this);
  }

  /**
   * Returns a stream over this end's writes (each write recorded); closing it closes this end.
   *
   * @return the stream
   */
  public OutputStream outputStream() {
    return Channels.newOutputStream(this);
  }

  /**
   * Returns every byte this end wrote, in order, read by the other end or not.
   *
   * @return a copy
   */
  public byte[] written() {
    return outgoing.sent();
  }

  /**
   * Returns every byte this end wrote, decoded as UTF-8.
   *
   * @return the text, such as {@code "WORLD\n"}
   */
  public String writtenText() {
    return new String(written(), StandardCharsets.UTF_8);
  }

  /**
   * Returns how many bytes this end wrote that the other end has not read yet (in flight or
   * waiting), what asyncio calls the write-buffer size.
   *
   * @return the number of bytes
   */
  public int writeBufferSize() {
    return outgoing.unread();
  }

  /**
   * Returns how many bytes have arrived at this end and wait to be read.
   *
   * @return the number of bytes
   */
  public int available() {
    return incoming.available();
  }

  /**
   * Waits until {@code count} bytes have arrived at this end, and reads them.
   *
   * @param count how many bytes, at least 1
   * @param within how long to wait, on the context's time
   * @return the bytes
   * @throws dev.vigil.WaitFailedError when they do not arrive in time, or cannot any more
   */
  public byte[] awaitBytes(int count, Duration within) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    return vigil
        .eventually(() -> incoming.pollBytes(count))
        .describedAs(count + " bytes at the " + name + " end")
        .failFastWhen(noMore(), () -> incoming.cannotDeliver(count, false))
        .diagnostics(() -> "unread: " + incoming.showUnread())
        .within(within)
        .orElseThrow();
  }

  /**
   * Waits until a full line (ending in {@code \n}) has arrived at this end, and reads it.
   *
   * @param within how long to wait, on the context's time
   * @return the line in UTF-8, without {@code \n} or {@code \r\n}
   * @throws dev.vigil.WaitFailedError when no line arrives in time, or none can any more
   */
  public String awaitLine(Duration within) {
    Optional<String> line =
        vigil
            .eventually(incoming::pollLine)
            .describedAs("a line at the " + name + " end")
            .failFastWhen(noMore(), () -> incoming.cannotDeliver(0, true))
            .diagnostics(() -> "unread: " + incoming.showUnread())
            .within(within);
    return line.orElseThrow();
  }

  /**
   * Waits until the other end shut its output or closed and everything it sent arrived, and reads
   * what is left.
   *
   * @param within how long to wait, on the context's time
   * @return the bytes left unread before the end, possibly none
   * @throws dev.vigil.WaitFailedError when the stream does not end in time
   */
  public byte[] awaitEndOfStream(Duration within) {
    return vigil
        .eventually(incoming::pollRest)
        .describedAs("the end of the stream at the " + name + " end")
        .diagnostics(() -> "unread: " + incoming.showUnread())
        .within(within)
        .orElseThrow();
  }

  private String noMore() {
    return "nothing more can arrive: the " + peerName + " end's output ended or this end closed";
  }

  /**
   * Shuts this end's output (a half-close): the other end reads what was sent, then the end of the
   * stream, while this end can still read. Doing it twice does nothing.
   */
  public void shutdownOutput() {
    if (outgoing.shutOutput()) {
      record("shut its output", "", Map.of());
    }
  }

  /**
   * Tells whether this end's output is shut down, by {@link #shutdownOutput()} or {@link #close()}.
   *
   * @return {@code true} once no more bytes can be written
   */
  public boolean isOutputShutdown() {
    return outgoing.isOutputShut();
  }

  @Override
  public boolean isOpen() {
    return !closed;
  }

  /**
   * Tells whether this end was closed.
   *
   * @return {@code true} once closed
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Closes this end: its blocked reads end, the other end reads what was sent and then the end of
   * the stream, and its writes to this end fail. Closing twice does nothing.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    incoming.closeReader();
    outgoing.shutOutput();
    record("closed", "", Map.of());
  }

  private void ensureOpen() throws ClosedChannelException {
    if (closed) {
      throw new ClosedChannelException();
    }
  }

  private void record(String what, String summary, Map<String, String> attributes) {
    vigil
        .timeline()
        .append(FakeTransport.SOURCE, name + " " + what, null, null, summary, attributes);
  }

  @Override
  public String toString() {
    return "TransportEnd[" + name + (closed ? ", closed" : "") + "]";
  }
}
