package dev.vigil.http.internal;

/** Character classes of HTTP/1.1 (RFC 9110) and a safe rendering of received text. */
final class Ascii {
  private static final int SHOWN = 120;

  private Ascii() {}

  /** Tells whether {@code text} is a non-empty token: the characters of methods and field names. */
  static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Tells whether {@code text} holds only hexadecimal digits. */
  static boolean isHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Tells whether a field value holds a control character other than tab. */
  static boolean hasControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        return true;
      }
    }
    return false;
  }

  /** Renders received text for a message: control characters escaped, long text cut. */
  static String shown(String text) {
    StringBuilder out = new StringBuilder();
    int end = Math.min(text.length(), SHOWN);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F || c > 0x7E) {
        out.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return text.length() > end ? out + "…" : out.toString();
  }
}
