package dev.vigil.snapshot.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * The encoding of key columns: self-delimiting, and ordered for the common key types, so that
 * comparing a composite key's bytes orders rows by the first column, then the second. Numbers,
 * dates and times sort as values; text and binary sort by their UTF-8 bytes (Unicode code points,
 * not a database collation); decimals are written as text and sort as such, which only costs a
 * sort.
 */
final class KeyEncoding {
  private KeyEncoding() {}

  /** Encodes the key column's value; returns false, having written nothing, when it is null. */
  static boolean encode(ColumnKind kind, ResultSet rows, int column, RowBuffer out)
      throws SQLException {
    switch (kind) {
      case INTEGER -> {
        int value = rows.getInt(column);
        if (value == 0 && rows.wasNull()) {
          return false;
        }
        out.writeOrderedInt(value);
        return true;
      }
      case BIGINT -> {
        long value = rows.getLong(column);
        if (value == 0 && rows.wasNull()) {
          return false;
        }
        out.writeOrderedLong(value);
        return true;
      }
      case TEXT, OTHER -> {
        String value = rows.getString(column);
        if (value == null) {
          return false;
        }
        out.writeTerminatedText(value);
        return true;
      }
      case BINARY -> {
        byte[] value = rows.getBytes(column);
        return value != null && writeTerminated(value, out);
      }
      default -> {
        Object value = rows.getObject(column, javaType(kind));
        if (value == null) {
          return false;
        }
        writeObject(kind, value, out);
        return true;
      }
    }
  }

  private static boolean writeTerminated(byte[] value, RowBuffer out) {
    out.writeTerminated(value);
    return true;
  }

  private static void writeObject(ColumnKind kind, Object value, RowBuffer out) {
    switch (kind) {
      case REAL -> out.writeOrderedInt(orderedBits(Float.floatToIntBits((Float) value)));
      case DOUBLE -> out.writeOrderedLong(orderedBits(Double.doubleToLongBits((Double) value)));
      case BOOLEAN -> out.writeByte((Boolean) value ? 1 : 0);
      case DECIMAL -> out.writeTerminated(value.toString().getBytes(UTF_8));
      case DATE -> out.writeOrderedLong(((LocalDate) value).toEpochDay());
      case TIME -> out.writeOrderedLong(((LocalTime) value).toNanoOfDay());
      case TIME_TZ -> {
        OffsetTime time = (OffsetTime) value;
        out.writeOrderedLong(time.toLocalTime().toNanoOfDay());
        out.writeOrderedInt(time.getOffset().getTotalSeconds());
      }
      case TIMESTAMP -> {
        LocalDateTime timestamp = (LocalDateTime) value;
        out.writeOrderedLong(timestamp.toEpochSecond(ZoneOffset.UTC));
        out.writeOrderedInt(nanoOfSecond(timestamp));
      }
      case TIMESTAMP_TZ -> {
        OffsetDateTime timestamp = (OffsetDateTime) value;
        out.writeOrderedLong(timestamp.toEpochSecond());
        out.writeOrderedInt(timestamp.getNano());
        out.writeOrderedInt(timestamp.getOffset().getTotalSeconds());
      }
      default -> throw new IllegalStateException("not an object kind: " + kind);
    }
  }

  static Object decode(ColumnKind kind, ByteReader in) {
    return switch (kind) {
      case INTEGER -> in.readOrderedInt();
      case BIGINT -> in.readOrderedLong();
      case REAL -> Float.intBitsToFloat(orderedBits(in.readOrderedInt()));
      case DOUBLE -> Double.longBitsToDouble(orderedBits(in.readOrderedLong()));
      case BOOLEAN -> in.readByte() == 1;
      case TEXT, OTHER -> new String(in.readTerminated(), UTF_8);
      case BINARY -> in.readTerminated();
      case DECIMAL -> new BigDecimal(new String(in.readTerminated(), UTF_8));
      case DATE -> LocalDate.ofEpochDay(in.readOrderedLong());
      case TIME -> LocalTime.ofNanoOfDay(in.readOrderedLong());
      case TIME_TZ ->
          OffsetTime.of(
              LocalTime.ofNanoOfDay(in.readOrderedLong()),
              ZoneOffset.ofTotalSeconds(in.readOrderedInt()));
      case TIMESTAMP ->
          LocalDateTime.ofEpochSecond(in.readOrderedLong(), in.readOrderedInt(), ZoneOffset.UTC);
      case TIMESTAMP_TZ -> {
        Instant instant = Instant.ofEpochSecond(in.readOrderedLong(), in.readOrderedInt());
        yield OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(in.readOrderedInt()));
      }
    };
  }

  /** The class {@code ResultSet.getObject(column, type)} is asked for, for the object kinds. */
  static Class<?> javaType(ColumnKind kind) {
    return switch (kind) {
      case REAL -> Float.class;
      case DOUBLE -> Double.class;
      case BOOLEAN -> Boolean.class;
      case DECIMAL -> BigDecimal.class;
      case DATE -> LocalDate.class;
      case TIME -> LocalTime.class;
      case TIME_TZ -> OffsetTime.class;
      case TIMESTAMP -> LocalDateTime.class;
      case TIMESTAMP_TZ -> OffsetDateTime.class;
      default -> Object.class;
    };
  }

  /** The fraction of the second; the whole seconds are written beside it, as epoch seconds. */
  @SuppressWarnings("JavaLocalDateTimeGetNano")
  static int nanoOfSecond(LocalDateTime timestamp) {
    return timestamp.getNano();
  }

  /** Flips a negative float's magnitude bits, so that its bits sort as the numbers do. */
  private static int orderedBits(int bits) {
    return bits ^ ((bits >> 31) & 0x7FFFFFFF);
  }

  private static long orderedBits(long bits) {
    return bits ^ ((bits >> 63) & 0x7FFFFFFFFFFFFFFFL);
  }
}
