package dev.vigil.snapshot.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Reads back, in order, what a {@link RowBuffer} wrote into a range of bytes. */
final class ByteReader {
  private final byte[] bytes;
  private int position;

  ByteReader(byte[] bytes, int from) {
    this.bytes = bytes;
    this.position = from;
  }

  int position() {
    return position;
  }

  int readByte() {
    return bytes[position++] & 0xFF;
  }

  int readOrderedInt() {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      value = (value << 8) | readByte();
    }
    return value ^ Integer.MIN_VALUE;
  }

  long readOrderedLong() {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | readByte();
    }
    return value ^ Long.MIN_VALUE;
  }

  int readVarInt() {
    return (int) readVarLong();
  }

  long readVarLong() {
    long value = 0;
    int shift = 0;
    int b;
    do {
      b = readByte();
      value |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return value;
  }

  long readZigZag() {
    long raw = readVarLong();
    return (raw >>> 1) ^ -(raw & 1);
  }

  byte[] readSized() {
    int length = readVarInt();
    byte[] value = Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return value;
  }

  byte[] readTerminated() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (true) {
      int b = readByte();
      if (b != 0) {
        out.write(b);
      } else if (readByte() == 0) {
        return out.toByteArray();
      } else {
        out.write(0);
      }
    }
  }
}
