package dev.vigil.snapshot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte encodings: ordered numbers and terminated bytes sort as their values, and read back. */
class RowBufferTest {
  private static final SplittableRandom RANDOM = new SplittableRandom(11);

  @Test
  void ordered_ints_and_longs_compare_as_unsigned_bytes_the_way_the_numbers_compare() {
    long[] edges = {Long.MIN_VALUE, Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE, Long.MAX_VALUE};
    for (int i = 0; i < 2_000; i++) {
      long a = i < edges.length ? edges[i] : RANDOM.nextLong();
      long b = i < edges.length ? edges[(i + 3) % edges.length] : RANDOM.nextLong();
      RowBuffer left = new RowBuffer();
      RowBuffer right = new RowBuffer();
      left.writeOrderedLong(a);
      right.writeOrderedLong(b);
      assertThat(Integer.signum(compare(left, right)))
          .as("%d vs %d", a, b)
          .isEqualTo(Long.signum(Long.compare(a, b)));
      left.clear();
      right.clear();
      left.writeOrderedInt((int) a);
      right.writeOrderedInt((int) b);
      assertThat(Integer.signum(compare(left, right)))
          .isEqualTo(Integer.signum(Integer.compare((int) a, (int) b)));
    }
  }

  @Test
  void terminated_bytes_followed_by_more_sort_by_the_bytes_first() {
    for (int i = 0; i < 2_000; i++) {
      byte[] a = randomBytes();
      byte[] b = randomBytes();
      int tailA = RANDOM.nextInt(3);
      int tailB = RANDOM.nextInt(3);
      RowBuffer left = new RowBuffer();
      RowBuffer right = new RowBuffer();
      left.writeTerminated(a);
      left.writeOrderedInt(tailA);
      right.writeTerminated(b);
      right.writeOrderedInt(tailB);
      int expected = Arrays.compareUnsigned(a, b);
      if (expected == 0) {
        expected = Integer.compare(tailA, tailB);
      }
      assertThat(Integer.signum(compare(left, right)))
          .as("%s/%d vs %s/%d", Arrays.toString(a), tailA, Arrays.toString(b), tailB)
          .isEqualTo(Integer.signum(expected));
    }
  }

  @Test
  void every_encoding_reads_back_what_was_written() {
    RowBuffer buffer = new RowBuffer();
    byte[] bytes = {0, 1, 0, (byte) 0xFF, 0};
    buffer.writeOrderedInt(-42);
    buffer.writeOrderedLong(Long.MIN_VALUE + 1);
    buffer.writeVarInt(300);
    buffer.writeZigZag(-1_000_000_000_000L);
    buffer.writeSized(bytes);
    buffer.writeTerminated(bytes);
    buffer.writeByte(7);

    ByteReader in = new ByteReader(buffer.array(), 0);

    assertThat(in.readOrderedInt()).isEqualTo(-42);
    assertThat(in.readOrderedLong()).isEqualTo(Long.MIN_VALUE + 1);
    assertThat(in.readVarInt()).isEqualTo(300);
    assertThat(in.readZigZag()).isEqualTo(-1_000_000_000_000L);
    assertThat(in.readSized()).isEqualTo(bytes);
    assertThat(in.readTerminated()).isEqualTo(bytes);
    assertThat(in.readByte()).isEqualTo(7);
    assertThat(in.position()).isEqualTo(buffer.size());
  }

  @Test
  void text_is_written_as_its_utf8_bytes_whether_ascii_or_not() {
    for (String text :
        new String[] {"", "sku-1", "a\0b", "héllo", "\u20ac", "\uD83D\uDE00", "\u007F"}) {
      byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      RowBuffer fast = new RowBuffer();
      RowBuffer plain = new RowBuffer();
      fast.writeSizedText(text);
      fast.writeTerminatedText(text);
      plain.writeSized(utf8);
      plain.writeTerminated(utf8);

      assertThat(Arrays.copyOf(fast.array(), fast.size()))
          .as(text)
          .isEqualTo(Arrays.copyOf(plain.array(), plain.size()));
    }
  }

  @Test
  void a_buffer_grows_past_its_first_capacity() {
    RowBuffer buffer = new RowBuffer();
    byte[] big = new byte[10_000];
    Arrays.fill(big, (byte) 1);
    buffer.writeTerminated(big);

    assertThat(new ByteReader(buffer.array(), 0).readTerminated()).isEqualTo(big);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[RANDOM.nextInt(4)];
    for (int i = 0; i < bytes.length; i++) {
      // Few distinct values, zero and 0xFF among them, so that prefixes and escapes meet often.
      bytes[i] = new byte[] {0, 1, (byte) 0xFF, 'a'}[RANDOM.nextInt(4)];
    }
    return bytes;
  }

  private static int compare(RowBuffer left, RowBuffer right) {
    return Arrays.compareUnsigned(left.array(), 0, left.size(), right.array(), 0, right.size());
  }
}
