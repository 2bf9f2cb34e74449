package dev.vigil.snapshot.internal;

import java.sql.Types;
import java.util.Locale;

/** How a column's values are read from JDBC, encoded into a row's bytes and decoded again. */
public enum ColumnKind {
  /** TINYINT, SMALLINT, INTEGER: an {@code Integer}. */
  INTEGER,
  /** BIGINT: a {@code Long}. */
  BIGINT,
  /** DECIMAL, NUMERIC: a {@code BigDecimal}. */
  DECIMAL,
  /** REAL: a {@code Float}. */
  REAL,
  /** FLOAT, DOUBLE: a {@code Double}. */
  DOUBLE,
  /** BOOLEAN, BIT: a {@code Boolean}. */
  BOOLEAN,
  /** Character types: a {@code String}. */
  TEXT,
  /** DATE: a {@code LocalDate}. */
  DATE,
  /** TIME: a {@code LocalTime}. */
  TIME,
  /** TIME WITH TIME ZONE: an {@code OffsetTime}. */
  TIME_TZ,
  /** TIMESTAMP: a {@code LocalDateTime}. */
  TIMESTAMP,
  /** TIMESTAMP WITH TIME ZONE: an {@code OffsetDateTime}. */
  TIMESTAMP_TZ,
  /** Binary types: a {@code byte[]}. */
  BINARY,
  /** Anything else (UUID, JSON, arrays…): the text {@code ResultSet.getString} gives. */
  OTHER;

  /**
   * Chooses the kind of a result set column from its JDBC type, its database type name and its
   * precision.
   *
   * @param sqlType the {@link Types} constant
   * @param typeName the database's name of the type
   * @param precision the column's precision (a {@code BIT} wider than one is a bit string)
   * @return the kind
   */
  public static ColumnKind of(int sqlType, String typeName, int precision) {
    // H2 reports UUID as BINARY; PostgreSQL reports timestamptz and timetz as plain types.
    return switch (typeName.toLowerCase(Locale.ROOT)) {
      case "uuid" -> OTHER;
      case "timestamptz" -> TIMESTAMP_TZ;
      case "timetz" -> TIME_TZ;
      default -> ofJdbcType(sqlType, precision);
    };
  }

  private static ColumnKind ofJdbcType(int sqlType, int precision) {
    return switch (sqlType) {
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> INTEGER;
      case Types.BIGINT -> BIGINT;
      case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
      case Types.REAL -> REAL;
      case Types.FLOAT, Types.DOUBLE -> DOUBLE;
      case Types.BOOLEAN -> BOOLEAN;
      case Types.BIT -> precision > 1 ? OTHER : BOOLEAN;
      case Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.CLOB,
          Types.NCLOB ->
          TEXT;
      case Types.DATE -> DATE;
      case Types.TIME -> TIME;
      case Types.TIME_WITH_TIMEZONE -> TIME_TZ;
      case Types.TIMESTAMP -> TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_TZ;
      case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
      default -> OTHER;
    };
  }
}
