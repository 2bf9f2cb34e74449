package dev.vigil.bus.internal;

/** The text of small counts (receive counts), made once rather than per receipt or entry. */
final class Counts {
  private static final String[] TEXT = new String[64];

  static {
    for (int i = 0; i < TEXT.length; i++) {
      TEXT[i] = Integer.toString(i);
    }
  }

  private Counts() {}

  static String text(int count) {
    return count >= 0 && count < TEXT.length ? TEXT[count] : Integer.toString(count);
  }
}
