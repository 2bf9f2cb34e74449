package dev.vigil.http.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The bodies a sender commonly signs instead of the one it sends: trimmed, with or without a final
 * newline, other line endings, JSON serialised differently, another charset. A signature that
 * matches one of them tells the user what the sender got wrong.
 */
public final class NearVariants {
  // Exact decimals and no trailing garbage, so that re-serialising changes only the layout.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private NearVariants() {}

  /** One body a sender may have signed, and how it differs from the body it sent. */
  public static final class Variant {
    private final String description;
    private final byte[] bytes;

    Variant(String description, byte[] bytes) {
      this.description = description;
      this.bytes = bytes;
    }

    /**
     * Says what the variant is, completing "the sender signed …".
     *
     * @return such as {@code the body trimmed of surrounding whitespace}
     */
    public String description() {
      return description;
    }

    /**
     * Returns the variant's bytes.
     *
     * @return a copy
     */
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /**
   * Lists the variants of {@code body} that differ from it and from each other, most specific
   * first.
   *
   * @param body the body as received
   * @return the variants; each differs from {@code body}
   */
  public static List<Variant> of(byte[] body) {
    List<Variant> candidates = new ArrayList<>();
    candidates.add(trailingNewlineToggled(body));
    candidates.add(new Variant("the body trimmed of surrounding whitespace", trimmed(body)));
    if (startsWith(body, BYTE_ORDER_MARK)) {
      byte[] rest = Arrays.copyOfRange(body, BYTE_ORDER_MARK.length, body.length);
      candidates.add(new Variant("the body without its byte-order mark", rest));
    }
    candidates.add(new Variant("the body with CRLF line endings turned into LF", crlfToLf(body)));
    candidates.add(new Variant("the body with LF line endings turned into CRLF", lfToCrlf(body)));
    candidates.addAll(reserialisedJson(body));
    candidates.addAll(reencoded(body));
    return distinct(body, candidates);
  }

  private static Variant trailingNewlineToggled(byte[] body) {
    if (body.length > 0 && body[body.length - 1] == '\n') {
      int cut = body.length > 1 && body[body.length - 2] == '\r' ? 2 : 1;
      byte[] without = Arrays.copyOf(body, body.length - cut);
      return new Variant("the body without its trailing newline", without);
    }
    byte[] with = Arrays.copyOf(body, body.length + 1);
    with[body.length] = '\n';
    return new Variant("the body with a trailing newline", with);
  }

  private static byte[] trimmed(byte[] body) {
    int start = 0;
    int end = body.length;
    while (start < end && isWhitespace(body[start])) {
      start++;
    }
    while (end > start && isWhitespace(body[end - 1])) {
      end--;
    }
    return Arrays.copyOfRange(body, start, end);
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n';
  }

  private static byte[] crlfToLf(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
    for (int i = 0; i < body.length; i++) {
      if (!(body[i] == '\r' && i + 1 < body.length && body[i + 1] == '\n')) {
        out.write(body[i]);
      }
    }
    return out.toByteArray();
  }

  private static byte[] lfToCrlf(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 16);
    for (int i = 0; i < body.length; i++) {
      if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r')) {
        out.write('\r');
      }
      out.write(body[i]);
    }
    return out.toByteArray();
  }

  private static List<Variant> reserialisedJson(byte[] body) {
    try {
      JsonNode tree = JSON.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        return List.of();
      }
      return List.of(
          new Variant("the JSON re-serialised compactly (Jackson)", JSON.writeValueAsBytes(tree)),
          new Variant(
              "the JSON pretty-printed (Jackson)",
              JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree)));
    } catch (IOException e) {
      // Not JSON (reading a byte array does no I/O): such a body has no JSON variants.
      return List.of();
    }
  }

  private static List<Variant> reencoded(byte[] body) {
    List<Variant> variants = new ArrayList<>(2);
    convert(body, StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)
        .ifPresent(
            bytes ->
                variants.add(new Variant("the body re-encoded from UTF-8 to ISO-8859-1", bytes)));
    convert(body, StandardCharsets.ISO_8859_1, StandardCharsets.UTF_8)
        .ifPresent(
            bytes ->
                variants.add(new Variant("the body re-encoded from ISO-8859-1 to UTF-8", bytes)));
    return variants;
  }

  /** The body's text in {@code to}, when it is valid in {@code from} and {@code to} can hold it. */
  private static Optional<byte[]> convert(byte[] body, Charset from, Charset to) {
    try {
      String text = BodyText.decodeStrictly(body, from);
      ByteBuffer encoded =
          to.newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      return Optional.of(bytes);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] body, byte[] prefix) {
    return body.length >= prefix.length
        && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Drops the variants equal to the body or to an earlier variant. */
  private static List<Variant> distinct(byte[] body, List<Variant> candidates) {
    List<Variant> kept = new ArrayList<>(candidates.size());
    for (Variant candidate : candidates) {
      boolean seen = Arrays.equals(candidate.bytes, body);
      for (Variant earlier : kept) {
        seen |= Arrays.equals(candidate.bytes, earlier.bytes);
      }
      if (!seen) {
        kept.add(candidate);
      }
    }
    return kept;
  }
}
