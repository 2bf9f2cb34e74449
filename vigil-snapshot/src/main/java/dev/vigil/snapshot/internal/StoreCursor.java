package dev.vigil.snapshot.internal;

import org.jspecify.annotations.Nullable;

/** Walks a {@link RowStore}'s rows, chunk by chunk or through its sorted positions. */
final class StoreCursor implements RowCursor {
  private final RowStore store;
  private final long @Nullable [] order;
  private int nextIndex;
  private int chunk;
  private int offset;
  private byte[] array = new byte[0];
  private int keyFrom;
  private int keyTo;
  private int valueFrom;
  private int valueTo;

  StoreCursor(RowStore store, long @Nullable [] order) {
    this.store = store;
    this.order = order;
  }

  @Override
  public boolean next() {
    if (order != null) {
      if (nextIndex == order.length) {
        return false;
      }
      long position = order[nextIndex++];
      load(store.chunk(position), RowStore.offset(position));
      return true;
    }
    while (chunk < store.chunkCount() && offset >= store.chunkSize(chunk)) {
      chunk++;
      offset = 0;
    }
    if (chunk == store.chunkCount()) {
      return false;
    }
    load(store.chunkAt(chunk), offset);
    offset = valueTo;
    return true;
  }

  private void load(byte[] bytes, int at) {
    array = bytes;
    keyFrom = at + RowStore.varIntSize(bytes, at);
    keyTo = keyFrom + RowStore.readVarInt(bytes, at);
    valueFrom = keyTo + RowStore.varIntSize(bytes, keyTo);
    valueTo = valueFrom + RowStore.readVarInt(bytes, keyTo);
  }

  @Override
  public byte[] keyArray() {
    return array;
  }

  @Override
  public int keyFrom() {
    return keyFrom;
  }

  @Override
  public int keyTo() {
    return keyTo;
  }

  @Override
  public byte[] valueArray() {
    return array;
  }

  @Override
  public int valueFrom() {
    return valueFrom;
  }

  @Override
  public int valueTo() {
    return valueTo;
  }
}
