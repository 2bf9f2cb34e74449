package dev.vigil.http.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Encodes the few ASN.1 types an X.509 certificate needs in DER (ITU-T X.690): each method returns
 * one complete tag-length-value element, so elements nest by passing one method's result to
 * another.
 */
final class Der {
  private static final int BOOLEAN = 0x01;
  private static final int INTEGER = 0x02;
  private static final int BIT_STRING = 0x03;
  private static final int OCTET_STRING = 0x04;
  private static final int OBJECT_IDENTIFIER = 0x06;
  private static final int UTF8_STRING = 0x0C;
  private static final int UTC_TIME = 0x17;
  private static final int GENERALIZED_TIME = 0x18;
  private static final int SEQUENCE = 0x30;
  private static final int SET = 0x31;
  private static final int CONTEXT_PRIMITIVE = 0x80;
  private static final int CONTEXT_CONSTRUCTED = 0xA0;

  private static final DateTimeFormatter UTC_TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT);
  private static final DateTimeFormatter GENERALIZED_TIME_FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", Locale.ROOT);

  private Der() {}

  /** Returns a SEQUENCE of the given encoded elements, in order. */
  static byte[] sequence(byte[]... elements) {
    return element(SEQUENCE, concat(elements));
  }

  /**
   * Returns a SET of the given encoded elements, in the order given: callers pass at most one
   * element, or elements already in DER's sorted order.
   */
  static byte[] set(byte[]... elements) {
    return element(SET, concat(elements));
  }

  /** Returns an INTEGER; {@link BigInteger#toByteArray()} is already minimal two's complement. */
  static byte[] integer(BigInteger value) {
    return element(INTEGER, value.toByteArray());
  }

  /** Returns a BOOLEAN; DER requires {@code 0xFF} for true. */
  static byte[] bool(boolean value) {
    return element(BOOLEAN, new byte[] {value ? (byte) 0xFF : 0x00});
  }

  /**
   * Returns an OBJECT IDENTIFIER.
   *
   * @param dotted such as {@code 2.5.4.3}, with at least two arcs
   * @throws IllegalArgumentException when {@code dotted} is not a valid object identifier
   */
  static byte[] oid(String dotted) {
    String[] arcs = dotted.split("\\.", -1);
    if (arcs.length < 2) {
      throw new IllegalArgumentException("oid must have two arcs or more, was " + dotted);
    }
    BigInteger first = arc(arcs[0], dotted);
    if (first.compareTo(BigInteger.TWO) > 0) {
      throw new IllegalArgumentException("oid must start with 0, 1 or 2, was " + dotted);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // X.690 8.19.4: the first two arcs share one subidentifier.
    writeBase128(out, first.multiply(BigInteger.valueOf(40)).add(arc(arcs[1], dotted)));
    for (int i = 2; i < arcs.length; i++) {
      writeBase128(out, arc(arcs[i], dotted));
    }
    return element(OBJECT_IDENTIFIER, out.toByteArray());
  }

  /** Returns a UTF8String. */
  static byte[] utf8String(String text) {
    return element(UTF8_STRING, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns a BIT STRING of whole bytes, such as a signature or a public key. */
  static byte[] bitString(byte[] bytes) {
    return bitString(bytes, 0);
  }

  /**
   * Returns a BIT STRING whose last {@code unusedBits} bits are padding: DER drops trailing zero
   * bits of named bit lists such as KeyUsage, so the count says where the value really ends.
   */
  static byte[] bitString(byte[] bytes, int unusedBits) {
    if (unusedBits < 0 || unusedBits > 7 || (bytes.length == 0 && unusedBits != 0)) {
      throw new IllegalArgumentException("unusedBits must be 0 to 7, was " + unusedBits);
    }
    return element(BIT_STRING, concat(new byte[] {(byte) unusedBits}, bytes));
  }

  /** Returns an OCTET STRING, such as the DER-encoded value of an extension. */
  static byte[] octetString(byte[] bytes) {
    return element(OCTET_STRING, bytes);
  }

  /** Returns {@code [tagNumber] EXPLICIT}: the whole inner element wrapped in a context tag. */
  static byte[] explicit(int tagNumber, byte[] encoded) {
    return element(CONTEXT_CONSTRUCTED | contextTag(tagNumber), encoded);
  }

  /** Returns {@code [tagNumber] IMPLICIT} of a primitive type: its content under a context tag. */
  static byte[] implicit(int tagNumber, byte[] content) {
    return element(CONTEXT_PRIMITIVE | contextTag(tagNumber), content);
  }

  /**
   * Returns a certificate Time: UTCTime for years 1950 to 2049, GeneralizedTime otherwise, as RFC
   * 5280 4.1.2.5 requires; both in whole seconds of UTC.
   *
   * @throws IllegalArgumentException when the year is outside 0 to 9999
   */
  static byte[] time(Instant instant) {
    ZonedDateTime utc = instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC);
    int year = utc.getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException("time must be in years 0 to 9999, was " + instant);
    }
    if (year >= 1950 && year < 2050) {
      return element(UTC_TIME, UTC_TIME_FORMAT.format(utc).getBytes(StandardCharsets.US_ASCII));
    }
    return element(
        GENERALIZED_TIME, GENERALIZED_TIME_FORMAT.format(utc).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Returns one element: tag, length, content.
   *
   * @param tag the identifier octet (single-byte tags only: numbers below 31)
   * @param content the content octets
   */
  static byte[] element(int tag, byte[] content) {
    return concat(new byte[] {(byte) tag}, length(content.length), content);
  }

  /**
   * Returns the length octets: one byte below 128 (short form), else {@code 0x80 | n} followed by
   * the length in {@code n} big-endian bytes with no leading zero (long form).
   */
  static byte[] length(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative, was " + length);
    }
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    int octets = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
    byte[] out = new byte[1 + octets];
    out[0] = (byte) (0x80 | octets);
    for (int i = 0; i < octets; i++) {
      out[octets - i] = (byte) (length >>> (8 * i));
    }
    return out;
  }

  private static int contextTag(int tagNumber) {
    if (tagNumber < 0 || tagNumber > 30) {
      throw new IllegalArgumentException("tagNumber must be 0 to 30, was " + tagNumber);
    }
    return tagNumber;
  }

  private static BigInteger arc(String decimal, String dotted) {
    // Digits only: BigInteger would also accept a sign.
    if (decimal.isEmpty() || !decimal.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("oid must be dotted decimal, was " + dotted);
    }
    return new BigInteger(decimal);
  }

  /** Writes base-128 digits, most significant first, with the high bit set on all but the last. */
  private static void writeBase128(ByteArrayOutputStream out, BigInteger value) {
    int groups = Math.max(1, (value.bitLength() + 6) / 7);
    for (int i = groups - 1; i >= 0; i--) {
      int digit = value.shiftRight(7 * i).intValue() & 0x7F;
      out.write(i == 0 ? digit : digit | 0x80);
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
