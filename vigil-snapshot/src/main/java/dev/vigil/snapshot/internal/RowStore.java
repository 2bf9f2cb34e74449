package dev.vigil.snapshot.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot's rows as bytes: each row is its key's length and bytes, then its values' length and
 * bytes, appended one after the other into chunks. There is no object per row; a row never spans
 * two chunks, and a row is addressed by its chunk and offset packed into a long.
 *
 * <p>Rows are kept in key order: when they arrive out of order, a sorted array of their positions
 * is built once, after reading.
 */
public final class RowStore {
  private static final int FIRST_CHUNK = 4 << 10;
  private static final int MAX_CHUNK = 1 << 20;
  private static final int MAX_LENGTH_BYTES = 10;

  private final List<byte[]> chunks = new ArrayList<>();
  private int[] chunkSizes = new int[8];
  private byte[] current = new byte[0];
  private int used;
  private int rowCount;
  private long @Nullable [] order;

  private RowStore() {}

  /**
   * Reads every row of a cursor, sorting them when they did not arrive in key order.
   *
   * @param rows the rows, read with {@code requireOrder} false
   * @param codec decodes a duplicate key for its error
   * @return the rows in key order
   * @throws SQLException when reading fails
   * @throws KeyException when a key is null or two rows have the same key
   */
  public static RowStore read(ResultSetCursor rows, RowCodec codec) throws SQLException {
    RowStore store = new RowStore();
    while (rows.next()) {
      store.append(rows.key(), rows.values());
    }
    store.finish();
    if (!rows.inOrder()) {
      store.sort(codec);
    }
    return store;
  }

  /** Returns how many rows there are. */
  public int rowCount() {
    return rowCount;
  }

  /** Returns whether the rows arrived in key order (no sort was needed). */
  public boolean arrivedInOrder() {
    return order == null;
  }

  /** Returns a cursor over the rows in key order. */
  public RowCursor cursor() {
    return new StoreCursor(this, order);
  }

  void append(RowBuffer key, RowBuffer values) {
    int needed = key.size() + values.size() + 2 * MAX_LENGTH_BYTES;
    if (used + needed > current.length) {
      startChunk(needed);
    }
    used = writeVarInt(current, used, key.size());
    System.arraycopy(key.array(), 0, current, used, key.size());
    used += key.size();
    used = writeVarInt(current, used, values.size());
    System.arraycopy(values.array(), 0, current, used, values.size());
    used += values.size();
    chunkSizes[chunks.size() - 1] = used;
    rowCount++;
  }

  private void startChunk(int needed) {
    trimCurrent();
    int size = Math.max(needed, Math.min(MAX_CHUNK, Math.max(FIRST_CHUNK, current.length * 2)));
    current = new byte[size];
    used = 0;
    chunks.add(current);
    if (chunks.size() > chunkSizes.length) {
      chunkSizes = Arrays.copyOf(chunkSizes, chunkSizes.length * 2);
    }
  }

  private void finish() {
    trimCurrent();
  }

  private void trimCurrent() {
    if (!chunks.isEmpty() && used < current.length) {
      current = Arrays.copyOf(current, used);
      chunks.set(chunks.size() - 1, current);
    }
  }

  private void sort(RowCodec codec) {
    long[] positions = new long[rowCount];
    int next = 0;
    for (int chunk = 0; chunk < chunks.size(); chunk++) {
      for (int offset = 0; offset < chunkSizes[chunk]; offset = rowEnd(chunks.get(chunk), offset)) {
        positions[next++] = ((long) chunk << 32) | offset;
      }
    }
    PositionSort.sort(positions, this::compareKeys);
    for (int i = 1; i < positions.length; i++) {
      if (compareKeys(positions[i - 1], positions[i]) == 0) {
        throw KeyException.duplicate(codec.decodeKey(chunk(positions[i]), keyFrom(positions[i])));
      }
    }
    order = positions;
  }

  int compareKeys(long left, long right) {
    byte[] leftChunk = chunk(left);
    byte[] rightChunk = chunk(right);
    int leftFrom = keyFrom(left);
    int rightFrom = keyFrom(right);
    return Arrays.compareUnsigned(
        leftChunk,
        leftFrom,
        leftFrom + readVarInt(leftChunk, offset(left)),
        rightChunk,
        rightFrom,
        rightFrom + readVarInt(rightChunk, offset(right)));
  }

  byte[] chunk(long position) {
    return chunks.get((int) (position >>> 32));
  }

  int chunkCount() {
    return chunks.size();
  }

  byte[] chunkAt(int index) {
    return chunks.get(index);
  }

  int chunkSize(int index) {
    return chunkSizes[index];
  }

  static int offset(long position) {
    return (int) position;
  }

  /** Where the key bytes of the row at this position start, past its length. */
  private int keyFrom(long position) {
    return offset(position) + varIntSize(chunk(position), offset(position));
  }

  /** Where the row starting at this offset ends. */
  static int rowEnd(byte[] chunk, int offset) {
    int keyFrom = offset + varIntSize(chunk, offset);
    int valueLengthAt = keyFrom + readVarInt(chunk, offset);
    int valueFrom = valueLengthAt + varIntSize(chunk, valueLengthAt);
    return valueFrom + readVarInt(chunk, valueLengthAt);
  }

  static int readVarInt(byte[] bytes, int at) {
    int value = 0;
    int shift = 0;
    int position = at;
    int b;
    do {
      b = bytes[position++];
      value |= (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return value;
  }

  static int varIntSize(byte[] bytes, int at) {
    int position = at;
    while ((bytes[position] & 0x80) != 0) {
      position++;
    }
    return position - at + 1;
  }

  private static int writeVarInt(byte[] bytes, int at, int value) {
    int position = at;
    int rest = value;
    while ((rest & ~0x7F) != 0) {
      bytes[position++] = (byte) ((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    bytes[position++] = (byte) rest;
    return position;
  }
}
