package dev.vigil.snapshot.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that one row is encoded into before it is appended to a {@link RowStore}
 * or compared as the current row of a stream.
 *
 * <p>Fixed-width numbers are written big-endian with the sign bit flipped, so that unsigned byte
 * comparison orders them as numbers; variable-length numbers are zigzag varints, for values only.
 */
public final class RowBuffer {
  private byte[] bytes = new byte[64];
  private int size;

  /** Empties the buffer, keeping its capacity. */
  public void clear() {
    size = 0;
  }

  /** Returns the number of bytes written. */
  public int size() {
    return size;
  }

  /** Returns the backing array; bytes from 0 to {@link #size()} are the content. */
  public byte[] array() {
    return bytes;
  }

  /** Replaces the content with a copy of another buffer's. */
  public void copyFrom(RowBuffer other) {
    clear();
    writeBytes(other.bytes, 0, other.size);
  }

  /** Writes one byte. */
  public void writeByte(int value) {
    ensure(1);
    bytes[size++] = (byte) value;
  }

  /** Writes an int in four bytes, ordered as signed ints when compared as unsigned bytes. */
  public void writeOrderedInt(int value) {
    ensure(4);
    int flipped = value ^ Integer.MIN_VALUE;
    bytes[size++] = (byte) (flipped >>> 24);
    bytes[size++] = (byte) (flipped >>> 16);
    bytes[size++] = (byte) (flipped >>> 8);
    bytes[size++] = (byte) flipped;
  }

  /** Writes a long in eight bytes, ordered as signed longs when compared as unsigned bytes. */
  public void writeOrderedLong(long value) {
    ensure(8);
    long flipped = value ^ Long.MIN_VALUE;
    for (int shift = 56; shift >= 0; shift -= 8) {
      bytes[size++] = (byte) (flipped >>> shift);
    }
  }

  /** Writes a non-negative int in one to five bytes. */
  public void writeVarInt(int value) {
    writeVarLong(value & 0xFFFFFFFFL);
  }

  /** Writes a non-negative long in one to ten bytes, seven bits at a time. */
  public void writeVarLong(long value) {
    ensure(10);
    long rest = value;
    while ((rest & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    bytes[size++] = (byte) rest;
  }

  /** Writes any long as a zigzag varint, so that small negative numbers stay short. */
  public void writeZigZag(long value) {
    writeVarLong((value << 1) ^ (value >> 63));
  }

  /** Writes a length, then the bytes. */
  public void writeSized(byte[] value) {
    writeVarInt(value.length);
    writeBytes(value, 0, value.length);
  }

  /**
   * Writes bytes so that the encoding sorts as the bytes do and ends where it says: each zero byte
   * becomes {@code 00 FF}, and the end is {@code 00 00}, which sorts before any continuation.
   */
  public void writeTerminated(byte[] value) {
    ensure(value.length * 2 + 2);
    for (byte b : value) {
      bytes[size++] = b;
      if (b == 0) {
        bytes[size++] = (byte) 0xFF;
      }
    }
    bytes[size++] = 0;
    bytes[size++] = 0;
  }

  /**
   * Writes a string's UTF-8 bytes, sized like {@link #writeSized}, without a byte array for the
   * common case of ASCII text.
   */
  public void writeSizedText(String value) {
    if (!isAscii(value, 0)) {
      writeSized(value.getBytes(StandardCharsets.UTF_8));
      return;
    }
    int length = value.length();
    writeVarInt(length);
    ensure(length);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) value.charAt(i);
    }
  }

  /**
   * Writes a string's UTF-8 bytes like {@link #writeTerminated}, without a byte array for the
   * common case of ASCII text with no NUL character.
   */
  public void writeTerminatedText(String value) {
    if (!isAscii(value, 1)) {
      writeTerminated(value.getBytes(StandardCharsets.UTF_8));
      return;
    }
    int length = value.length();
    ensure(length + 2);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) value.charAt(i);
    }
    bytes[size++] = 0;
    bytes[size++] = 0;
  }

  private static boolean isAscii(String value, int lowest) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < lowest || c > 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** Writes a range of bytes as they are. */
  public void writeBytes(byte[] source, int from, int length) {
    ensure(length);
    System.arraycopy(source, from, bytes, size, length);
    size += length;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
