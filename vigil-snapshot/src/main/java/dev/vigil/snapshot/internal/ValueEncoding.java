package dev.vigil.snapshot.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The compact encoding of the columns that are not part of the key: a tag (null or not) and the
 * value, small numbers as varints. Equal values always give equal bytes, so rows compare by bytes.
 */
final class ValueEncoding {
  private static final int NULL = 0;
  private static final int PRESENT = 1;

  private ValueEncoding() {}

  static void encode(ColumnKind kind, ResultSet rows, int column, RowBuffer out)
      throws SQLException {
    switch (kind) {
      case INTEGER -> {
        int value = rows.getInt(column);
        writeLong(value, value == 0 && rows.wasNull(), out);
      }
      case BIGINT -> {
        long value = rows.getLong(column);
        writeLong(value, value == 0 && rows.wasNull(), out);
      }
      case REAL -> {
        float value = rows.getFloat(column);
        writeFixed(Float.floatToIntBits(value), value == 0 && rows.wasNull(), out);
      }
      case DOUBLE -> {
        double value = rows.getDouble(column);
        writeFixed(Double.doubleToLongBits(value), value == 0 && rows.wasNull(), out);
      }
      case BOOLEAN -> {
        boolean value = rows.getBoolean(column);
        out.writeByte(!value && rows.wasNull() ? NULL : value ? 2 : 1);
      }
      case TEXT, OTHER -> writeText(rows.getString(column), out);
      case BINARY -> writeBytes(rows.getBytes(column), out);
      default -> writeObject(kind, rows.getObject(column, KeyEncoding.javaType(kind)), out);
    }
  }

  private static void writeObject(ColumnKind kind, @Nullable Object value, RowBuffer out) {
    if (value == null) {
      out.writeByte(NULL);
      return;
    }
    out.writeByte(PRESENT);
    switch (kind) {
      case DECIMAL -> {
        BigDecimal decimal = (BigDecimal) value;
        out.writeSized(decimal.unscaledValue().toByteArray());
        out.writeZigZag(decimal.scale());
      }
      case DATE -> out.writeZigZag(((LocalDate) value).toEpochDay());
      case TIME -> out.writeVarLong(((LocalTime) value).toNanoOfDay());
      case TIME_TZ -> {
        OffsetTime time = (OffsetTime) value;
        out.writeVarLong(time.toLocalTime().toNanoOfDay());
        out.writeZigZag(time.getOffset().getTotalSeconds());
      }
      case TIMESTAMP -> {
        LocalDateTime timestamp = (LocalDateTime) value;
        out.writeZigZag(timestamp.toEpochSecond(ZoneOffset.UTC));
        out.writeVarInt(KeyEncoding.nanoOfSecond(timestamp));
      }
      case TIMESTAMP_TZ -> {
        OffsetDateTime timestamp = (OffsetDateTime) value;
        out.writeZigZag(timestamp.toEpochSecond());
        out.writeVarInt(timestamp.getNano());
        out.writeZigZag(timestamp.getOffset().getTotalSeconds());
      }
      default -> throw new IllegalStateException("not an object kind: " + kind);
    }
  }

  static @Nullable Object decode(ColumnKind kind, ByteReader in) {
    int tag = in.readByte();
    if (tag == NULL) {
      return null;
    }
    return switch (kind) {
      case INTEGER -> (int) in.readZigZag();
      case BIGINT -> in.readZigZag();
      case REAL -> Float.intBitsToFloat(in.readOrderedInt());
      case DOUBLE -> Double.longBitsToDouble(in.readOrderedLong());
      case BOOLEAN -> tag == 2;
      case TEXT, OTHER -> new String(in.readSized(), UTF_8);
      case BINARY -> in.readSized();
      case DECIMAL -> new BigDecimal(new BigInteger(in.readSized()), (int) in.readZigZag());
      case DATE -> LocalDate.ofEpochDay(in.readZigZag());
      case TIME -> LocalTime.ofNanoOfDay(in.readVarLong());
      case TIME_TZ ->
          OffsetTime.of(
              LocalTime.ofNanoOfDay(in.readVarLong()),
              ZoneOffset.ofTotalSeconds((int) in.readZigZag()));
      case TIMESTAMP ->
          LocalDateTime.ofEpochSecond(in.readZigZag(), in.readVarInt(), ZoneOffset.UTC);
      case TIMESTAMP_TZ -> {
        Instant instant = Instant.ofEpochSecond(in.readZigZag(), in.readVarInt());
        yield OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds((int) in.readZigZag()));
      }
    };
  }

  private static void writeLong(long value, boolean isNull, RowBuffer out) {
    if (isNull) {
      out.writeByte(NULL);
    } else {
      out.writeByte(PRESENT);
      out.writeZigZag(value);
    }
  }

  private static void writeFixed(long bits, boolean isNull, RowBuffer out) {
    if (isNull) {
      out.writeByte(NULL);
    } else {
      out.writeByte(PRESENT);
      out.writeOrderedLong(bits);
    }
  }

  private static void writeFixed(int bits, boolean isNull, RowBuffer out) {
    if (isNull) {
      out.writeByte(NULL);
    } else {
      out.writeByte(PRESENT);
      out.writeOrderedInt(bits);
    }
  }

  private static void writeText(@Nullable String value, RowBuffer out) {
    if (value == null) {
      out.writeByte(NULL);
    } else {
      out.writeByte(PRESENT);
      out.writeSizedText(value);
    }
  }

  private static void writeBytes(byte @Nullable [] value, RowBuffer out) {
    if (value == null) {
      out.writeByte(NULL);
    } else {
      out.writeByte(PRESENT);
      out.writeSized(value);
    }
  }
}
