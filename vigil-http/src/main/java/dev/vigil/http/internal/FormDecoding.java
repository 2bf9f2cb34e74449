package dev.vigil.http.internal;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Decodes {@code application/x-www-form-urlencoded} text: query strings and form bodies. */
public final class FormDecoding {
  private FormDecoding() {}

  /**
   * Decodes leniently: a malformed escape is kept as it was sent.
   *
   * @param encoded such as {@code a=1&b=x%20y}
   * @param charset the charset of percent-encoded bytes
   * @return name to values, in order; unmodifiable
   */
  public static Map<String, List<String>> decode(String encoded, Charset charset) {
    return decode(encoded, charset, false);
  }

  /**
   * Decodes strictly.
   *
   * @param encoded such as {@code a=1&b=x%20y}
   * @param charset the charset of percent-encoded bytes
   * @return name to values, in order; unmodifiable
   * @throws IllegalArgumentException naming the first malformed pair
   */
  public static Map<String, List<String>> decodeStrictly(String encoded, Charset charset) {
    return decode(encoded, charset, true);
  }

  private static Map<String, List<String>> decode(String encoded, Charset charset, boolean strict) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (encoded.isEmpty()) {
      return Map.of();
    }
    for (String pair : encoded.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      result
          .computeIfAbsent(component(name, charset, strict), k -> new ArrayList<>())
          .add(component(value, charset, strict));
    }
    result.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(result);
  }

  private static String component(String text, Charset charset, boolean strict) {
    try {
      return URLDecoder.decode(text, charset);
    } catch (IllegalArgumentException e) {
      if (strict) {
        throw new IllegalArgumentException("malformed form component '" + text + "'", e);
      }
      return text;
    }
  }
}
