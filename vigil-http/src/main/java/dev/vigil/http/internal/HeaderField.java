package dev.vigil.http.internal;

import java.util.Map;

/** Parses one header field line, strictly (RFC 9112 section 5). */
final class HeaderField {
  private HeaderField() {}

  static Map.Entry<String, String> parse(String field, RequestLine line)
      throws MalformedRequestException {
    if (field.charAt(0) == ' ' || field.charAt(0) == '\t') {
      throw line.reject(400, "folded header line '" + Ascii.shown(field) + "' (obsolete)");
    }
    int colon = field.indexOf(':');
    if (colon <= 0) {
      throw line.reject(400, "header field without a name: '" + Ascii.shown(field) + "'");
    }
    String name = field.substring(0, colon);
    if (!Ascii.isToken(name)) {
      throw line.reject(400, "invalid header name '" + Ascii.shown(name) + "'");
    }
    String value = trimSpaces(field.substring(colon + 1));
    if (Ascii.hasControl(value)) {
      throw line.reject(400, "control character in header " + name);
    }
    return Map.entry(name, value);
  }

  /** Removes the optional whitespace around a value: spaces and tabs only. */
  private static String trimSpaces(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
      end--;
    }
    return value.substring(start, end);
  }
}
