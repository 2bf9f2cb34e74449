package dev.vigil.http.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/** Charsets of bodies, strict decoding, and escaped renderings of raw bytes for failure texts. */
public final class BodyText {
  private BodyText() {}

  /**
   * Returns the charset a {@code Content-Type} names, UTF-8 when it names none or an unknown one.
   *
   * @param contentType the header's value, possibly empty
   * @return the charset
   */
  public static Charset charsetOf(String contentType) {
    for (String parameter : contentType.split(";", -1)) {
      String trimmed = parameter.trim();
      if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        String name = trimmed.substring("charset=".length()).replace("\"", "").trim();
        try {
          return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  /**
   * Decodes {@code bytes}, failing on malformed or unmappable input instead of replacing it.
   *
   * @param bytes the bytes
   * @param charset their charset
   * @return the text
   * @throws CharacterCodingException when the bytes are not valid in {@code charset}
   */
  public static String decodeStrictly(byte[] bytes, Charset charset)
      throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /**
   * Renders bytes as a quoted string: printable ASCII as is, everything else escaped ({@code \n},
   * {@code \x00}), so that invisible differences (a trailing newline, a BOM) show.
   *
   * @param bytes the bytes
   * @param limit how many bytes to show at most; the rest is counted
   * @return such as {@code "{\"a\":1}\n"}
   */
  public static String escaped(byte[] bytes, int limit) {
    StringBuilder out = new StringBuilder(Math.min(bytes.length, limit) + 16).append('"');
    int shown = Math.min(bytes.length, limit);
    for (int i = 0; i < shown; i++) {
      int b = bytes[i] & 0xFF;
      switch (b) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (b >= 0x20 && b < 0x7F) {
            out.append((char) b);
          } else {
            out.append(String.format(Locale.ROOT, "\\x%02x", b));
          }
        }
      }
    }
    out.append('"');
    if (bytes.length > shown) {
      out.append("… (").append(bytes.length - shown).append(" more bytes)");
    }
    return out.toString();
  }
}
