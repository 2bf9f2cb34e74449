package dev.vigil.doubles;

import dev.vigil.Vigil;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of a fake transport: every byte the writer sent, how far they were delivered (after
 * the delivery delay) and how far the reader read. Reads block on real threads until bytes arrive,
 * the writer's output ends, or the reader closes.
 */
final class Pipe {
  /** Bytes {@code [delivered, upTo)} (and the end, when {@code end}) arrive at {@code dueNanos}. */
  private record Delivery(long dueNanos, int upTo, boolean end) {}

  private final Vigil vigil;
  private final long delayNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Delivery> inFlight = new ArrayDeque<>();
  private byte[] data = new byte[256];
  private int sent;
  private int delivered;
  private int consumed;
  private boolean outputShut;
  private boolean ended;
  private boolean readerClosed;

  Pipe(Vigil vigil, long delayNanos) {
    this.vigil = vigil;
    this.delayNanos = delayNanos;
  }

  /** Sends the bytes; they arrive now, or after the delay in order with everything before them. */
  void send(ByteBuffer src, String writer, String reader) throws IOException {
    lock.lock();
    try {
      if (outputShut) {
        throw new IOException("the " + writer + " end's output is shut down");
      }
      if (readerClosed) {
        throw new IOException("Broken pipe: the " + reader + " end is closed");
      }
      int count = src.remaining();
      if (sent + count > data.length) {
        data = Arrays.copyOf(data, Math.max(data.length * 2, sent + count));
      }
      src.get(data, sent, count);
      sent += count;
      deliver(new Delivery(0, sent, false));
    } finally {
      lock.unlock();
    }
  }

  /** Ends the writer's output: the reader reads what was sent, then the end of the stream. */
  boolean shutOutput() {
    lock.lock();
    try {
      if (outputShut) {
        return false;
      }
      outputShut = true;
      deliver(new Delivery(0, sent, true));
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** The reader closed: waiting reads end, later reads and writes fail. */
  void closeReader() {
    lock.lock();
    try {
      readerClosed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void deliver(Delivery now) {
    if (delayNanos == 0) {
      arrive(now);
      return;
    }
    inFlight.add(new Delivery(vigil.time().nanoTime() + delayNanos, now.upTo(), now.end()));
    // The task delivers everything due, in order, so tasks of one instant may run in any order.
    var unused = vigil.scheduler().schedule(this::deliverDue, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void deliverDue() {
    lock.lock();
    try {
      long now = vigil.time().nanoTime();
      while (!inFlight.isEmpty() && inFlight.peek().dueNanos() - now <= 0) {
        arrive(inFlight.poll());
      }
    } finally {
      lock.unlock();
    }
    vigil.signal().pulse(); // waits for bytes look again
  }

  private void arrive(Delivery delivery) {
    delivered = delivery.upTo();
    ended |= delivery.end();
    changed.signalAll();
  }

  /** Reads what has arrived into {@code dst}, blocking until something did; -1 at the end. */
  int read(ByteBuffer dst) throws IOException {
    lock.lock();
    try {
      boolean waited = false;
      while (delivered == consumed && !ended && !readerClosed && dst.hasRemaining()) {
        waited = true;
        try {
          changed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading from a fake transport");
        }
      }
      if (readerClosed) {
        throw waited ? new AsynchronousCloseException() : new ClosedChannelException();
      }
      if (delivered == consumed && ended && dst.hasRemaining()) {
        return -1;
      }
      int count = Math.min(dst.remaining(), delivered - consumed);
      dst.put(data, consumed, count);
      consumed += count;
      return count;
    } finally {
      lock.unlock();
    }
  }

  /** Takes the next full line (UTF-8, without its line break) if one has arrived. */
  Optional<String> pollLine() {
    lock.lock();
    try {
      for (int i = consumed; i < delivered; i++) {
        if (data[i] == '\n') {
          int end = i > consumed && data[i - 1] == '\r' ? i - 1 : i;
          String line = new String(data, consumed, end - consumed, StandardCharsets.UTF_8);
          consumed = i + 1;
          return Optional.of(line);
        }
      }
      return Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  /** Takes exactly {@code count} bytes if that many have arrived. */
  Optional<byte[]> pollBytes(int count) {
    lock.lock();
    try {
      if (delivered - consumed < count) {
        return Optional.empty();
      }
      consumed += count;
      return Optional.of(Arrays.copyOfRange(data, consumed - count, consumed));
    } finally {
      lock.unlock();
    }
  }

  /** Takes everything left once the end of the stream has arrived. */
  Optional<byte[]> pollRest() {
    lock.lock();
    try {
      if (!ended) {
        return Optional.empty();
      }
      byte[] rest = Arrays.copyOfRange(data, consumed, delivered);
      consumed = delivered;
      return Optional.of(rest);
    } finally {
      lock.unlock();
    }
  }

  /** Whether fewer than {@code count} bytes or no line break can still arrive for the reader. */
  boolean cannotDeliver(int count, boolean line) {
    lock.lock();
    try {
      if (readerClosed) {
        return true;
      }
      if (!ended) {
        return false;
      }
      boolean hasLine = false;
      for (int i = consumed; i < delivered && line; i++) {
        hasLine |= data[i] == '\n';
      }
      return line ? !hasLine : delivered - consumed < count;
    } finally {
      lock.unlock();
    }
  }

  byte[] sent() {
    lock.lock();
    try {
      return Arrays.copyOf(data, sent);
    } finally {
      lock.unlock();
    }
  }

  /** Bytes sent and not yet read: what asyncio calls the writer's write-buffer size. */
  int unread() {
    lock.lock();
    try {
      return sent - consumed;
    } finally {
      lock.unlock();
    }
  }

  /** Bytes arrived and not yet read. */
  int available() {
    lock.lock();
    try {
      return delivered - consumed;
    } finally {
      lock.unlock();
    }
  }

  boolean isOutputShut() {
    lock.lock();
    try {
      return outputShut;
    } finally {
      lock.unlock();
    }
  }

  /** What has arrived and is not read yet, printable, for wait failures. */
  String showUnread() {
    lock.lock();
    try {
      return Printed.bytes(data, consumed, delivered) + (ended ? " then end of stream" : "");
    } finally {
      lock.unlock();
    }
  }
}
