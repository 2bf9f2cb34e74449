package dev.vigil.http.internal;

/**
 * The parsed request line: method, target split into path and query, and version.
 *
 * @param method the method token
 * @param path the path, percent-encoded
 * @param query the query without {@code ?}, possibly empty
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 */
record RequestLine(String method, String path, String query, String version) {

  static RequestLine parse(String line) throws MalformedRequestException {
    int first = line.indexOf(' ');
    int last = line.lastIndexOf(' ');
    if (first <= 0 || last == first) {
      throw new MalformedRequestException(
          400, "malformed request line '" + Ascii.shown(line) + "'", null, null);
    }
    String method = line.substring(0, first);
    String target = line.substring(first + 1, last);
    String version = line.substring(last + 1);
    if (!Ascii.isToken(method) || target.isEmpty() || target.indexOf(' ') >= 0) {
      throw new MalformedRequestException(
          400, "malformed request line '" + Ascii.shown(line) + "'", null, null);
    }
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw new MalformedRequestException(
          version.startsWith("HTTP/") ? 505 : 400,
          "unsupported version '" + Ascii.shown(version) + "' in '" + Ascii.shown(line) + "'",
          method,
          null);
    }
    return split(method, originForm(method, target, line), version);
  }

  /** Reduces an absolute-form target ({@code http://host/path}) to its path and query. */
  private static String originForm(String method, String target, String line)
      throws MalformedRequestException {
    if (target.startsWith("/") || (target.equals("*") && method.equals("OPTIONS"))) {
      return target;
    }
    int scheme = target.indexOf("://");
    if (scheme > 0) {
      int slash = target.indexOf('/', scheme + 3);
      return slash < 0 ? "/" : target.substring(slash);
    }
    throw new MalformedRequestException(
        400, "request target is not a path: '" + Ascii.shown(line) + "'", method, null);
  }

  private static RequestLine split(String method, String target, String version)
      throws MalformedRequestException {
    int hash = target.indexOf('#');
    String withoutFragment = hash < 0 ? target : target.substring(0, hash);
    int question = withoutFragment.indexOf('?');
    String path = question < 0 ? withoutFragment : withoutFragment.substring(0, question);
    String query = question < 0 ? "" : withoutFragment.substring(question + 1);
    if (Ascii.hasControl(target)) {
      throw new MalformedRequestException(
          400, "control character in request target '" + Ascii.shown(target) + "'", method, null);
    }
    return new RequestLine(method, path, query, version);
  }

  /** Returns a rejection of this request. */
  MalformedRequestException reject(int status, String reason) {
    return new MalformedRequestException(status, reason, method, path);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
