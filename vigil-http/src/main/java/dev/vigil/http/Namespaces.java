package dev.vigil.http;

import org.jspecify.annotations.Nullable;

/** Path prefixes that let tests share one server: {@code /a} holds {@code /a} and {@code /a/…}. */
final class Namespaces {
  private Namespaces() {}

  /** Tells whether {@code path} lies in the namespace {@code prefix} ({@code ""} holds all). */
  static boolean contains(String prefix, String path) {
    return prefix.isEmpty()
        || path.equals(prefix)
        || (path.startsWith(prefix) && path.charAt(prefix.length()) == '/');
  }

  /** Returns the request as the namespace sees it, or {@code null} when it lies outside. */
  static @Nullable RecordedRequest relative(RecordedRequest request, String prefix) {
    if (prefix.isEmpty()) {
      return request;
    }
    if (!contains(prefix, request.path())) {
      return null;
    }
    return request.relativeTo(prefix);
  }

  /** Checks a prefix given by a user: {@code /name}, no trailing slash, no query. */
  static String checked(String prefix) {
    java.util.Objects.requireNonNull(prefix, "prefix must not be null");
    if (!prefix.startsWith("/")
        || prefix.length() < 2
        || prefix.endsWith("/")
        || prefix.contains("?")
        || prefix.contains("{")) {
      throw new IllegalArgumentException(
          "prefix must look like '/name' (no trailing '/', query or variable), was '"
              + prefix
              + "'");
    }
    return prefix;
  }
}
