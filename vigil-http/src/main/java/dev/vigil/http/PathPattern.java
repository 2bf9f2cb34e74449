package dev.vigil.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A path to match: exact ({@code /hook}), a template whose {@code {name}} parts capture one segment
 * each ({@code /orders/{id}}), or a regular expression whose groups are captured as {@code 1},
 * {@code 2}…
 */
final class PathPattern {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^{}/]+)}");

  private final String description;
  private final @Nullable String exact;
  private final @Nullable Pattern regex;
  private final List<String> names;

  private PathPattern(
      String description, @Nullable String exact, @Nullable Pattern regex, List<String> names) {
    this.description = description;
    this.exact = exact;
    this.regex = regex;
    this.names = names;
  }

  static PathPattern of(String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      throw new IllegalArgumentException("path must start with '/', was '" + path + "'");
    }
    Matcher variables = VARIABLE.matcher(path);
    if (!variables.find()) {
      if (path.indexOf('{') >= 0 || path.indexOf('}') >= 0) {
        throw new IllegalArgumentException(
            "path must use '{name}' for a variable, with no '/' inside, was '" + path + "'");
      }
      return new PathPattern(path, path, null, List.of());
    }
    StringBuilder regex = new StringBuilder();
    List<String> names = new ArrayList<>();
    int literalStart = 0;
    variables.reset();
    while (variables.find()) {
      regex.append(Pattern.quote(path.substring(literalStart, variables.start())));
      String name = variables.group(1);
      if (names.contains(name)) {
        throw new IllegalArgumentException(
            "path must name each variable once, was '" + path + "' with '" + name + "' twice");
      }
      names.add(name);
      regex.append("([^/]+)");
      literalStart = variables.end();
    }
    regex.append(Pattern.quote(path.substring(literalStart)));
    return new PathPattern(path, null, Pattern.compile(regex.toString()), List.copyOf(names));
  }

  static PathPattern regex(Pattern pattern) {
    List<String> names = new ArrayList<>();
    int groups = pattern.matcher("").groupCount();
    for (int group = 1; group <= groups; group++) {
      names.add(String.valueOf(group));
    }
    return new PathPattern("~" + pattern.pattern(), null, pattern, List.copyOf(names));
  }

  /** Returns the variables captured, or {@code null} when {@code path} does not match. */
  @Nullable Map<String, String> match(String path) {
    if (exact != null) {
      return exact.equals(path) ? Map.of() : null;
    }
    Matcher matcher = java.util.Objects.requireNonNull(regex).matcher(path);
    if (!matcher.matches()) {
      return null;
    }
    Map<String, String> captured = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String value = matcher.group(i + 1);
      captured.put(names.get(i), value == null ? "" : decode(value));
    }
    return captured;
  }

  private static String decode(String segment) {
    try {
      // A path segment keeps '+' literal; only percent-escapes are decoded.
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }

  @Override
  public String toString() {
    return description;
  }
}
