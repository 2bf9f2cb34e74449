package dev.vigil.snapshot;

import java.util.Locale;

/** Whether a name looks like a misspelling of another, for "did you mean" hints. */
final class Similarity {
  private Similarity() {}

  static boolean similar(String wanted, String candidate) {
    String a = wanted.toLowerCase(Locale.ROOT);
    String b = candidate.toLowerCase(Locale.ROOT);
    if (a.equals(b) || (a.length() >= 3 && b.contains(a)) || (b.length() >= 3 && a.contains(b))) {
      return true;
    }
    return distance(a, b) <= Math.max(1, Math.min(a.length(), b.length()) / 3);
  }

  /** The Levenshtein distance: edits that turn one into the other. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
