package dev.vigil.http.internal;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMACs, hexadecimal text and the safe renderings of a secret that failure texts may show. */
public final class Hmac {
  /** The algorithm every webhook scheme here uses. */
  public static final String SHA256 = "HmacSHA256";

  // Below this length, even four characters would give away too much of the secret.
  private static final int SHORTEST_SECRET_SHOWING_A_PREFIX = 16;
  private static final int SHOWN_PREFIX = 4;
  private static final int FINGERPRINT_BYTES = 4;

  private Hmac() {}

  /**
   * Computes an HMAC.
   *
   * @param algorithm a JCA name such as {@link #SHA256}
   * @param key the secret
   * @param data the signed bytes
   * @return the MAC
   */
  public static byte[] compute(String algorithm, byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      // Every Java SE runtime must provide HmacSHA1 and HmacSHA256; reaching here is a broken JDK.
      throw new IllegalStateException(algorithm + " is not available in this JDK", e);
    }
  }

  /**
   * Renders bytes as lowercase hexadecimal.
   *
   * @param bytes the bytes
   * @return two digits per byte
   */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * Parses hexadecimal text in either case.
   *
   * @param text the digits
   * @return the bytes, or empty when {@code text} is not an even number of hexadecimal digits
   */
  public static Optional<byte[]> parseHex(String text) {
    if (text.isEmpty() || text.length() % 2 != 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(HexFormat.of().parseHex(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Describes a secret without revealing it: its first characters when it is long enough, its
   * length, and a short SHA-256 fingerprint so that two secrets can be told apart.
   *
   * @param secret the secret
   * @return such as {@code "It's…" (26 chars, SHA-256 fingerprint 0a1b2c3d)}
   */
  public static String maskedSecret(byte[] secret) {
    Optional<String> text = asText(secret);
    if (text.isEmpty()) {
      return secret.length + " bytes (" + fingerprint(secret) + ")";
    }
    String chars = text.get();
    int length = chars.codePointCount(0, chars.length());
    String shown =
        length >= SHORTEST_SECRET_SHOWING_A_PREFIX
            ? chars.substring(0, chars.offsetByCodePoints(0, SHOWN_PREFIX))
            : "";
    return "\"" + shown + "…\" (" + length + " chars, " + fingerprint(secret) + ")";
  }

  /**
   * Returns a short fingerprint of a secret: the first bytes of its SHA-256 digest.
   *
   * @param secret the secret
   * @return such as {@code SHA-256 fingerprint 0a1b2c3d}
   */
  public static String fingerprint(byte[] secret) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
      return "SHA-256 fingerprint " + HexFormat.of().formatHex(digest, 0, FINGERPRINT_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }

  /** The secret as printable text, when it is valid UTF-8 without control characters. */
  private static Optional<String> asText(byte[] secret) {
    try {
      String text = BodyText.decodeStrictly(secret, StandardCharsets.UTF_8);
      return text.codePoints().anyMatch(Character::isISOControl)
          ? Optional.empty()
          : Optional.of(text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
