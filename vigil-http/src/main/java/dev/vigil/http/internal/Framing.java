package dev.vigil.http.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a request's body is framed and whether its connection stays open, from its header fields.
 *
 * @param length the body length when framed by {@code Content-Length}
 * @param chunked whether the body uses chunked transfer coding
 * @param expectsContinue whether the sender waits for {@code 100 Continue}
 * @param keepAlive whether the connection stays open after the response
 */
record Framing(long length, boolean chunked, boolean expectsContinue, boolean keepAlive) {

  boolean hasBody() {
    return chunked || length > 0;
  }

  static Framing of(List<Map.Entry<String, String>> headers, RequestLine line, long bodyLimit)
      throws MalformedRequestException {
    String contentLength = null;
    String transferEncoding = null;
    String connection = "";
    boolean expectsContinue = false;
    for (Map.Entry<String, String> field : headers) {
      String name = field.getKey().toLowerCase(Locale.ROOT);
      String value = field.getValue();
      switch (name) {
        case "content-length" -> {
          if (contentLength != null && !contentLength.equals(value)) {
            throw line.reject(400, "conflicting Content-Length values");
          }
          contentLength = value;
        }
        case "transfer-encoding" -> transferEncoding = join(transferEncoding, value);
        case "connection" -> connection = join(connection, value).toLowerCase(Locale.ROOT);
        case "expect" -> expectsContinue = value.equalsIgnoreCase("100-continue");
        default -> {}
      }
    }
    boolean keepAlive =
        line.version().equals("HTTP/1.1")
            ? !connection.contains("close")
            : connection.contains("keep-alive");
    if (transferEncoding != null) {
      if (contentLength != null) {
        throw line.reject(400, "both Content-Length and Transfer-Encoding (request smuggling)");
      }
      if (!isChunkedLast(transferEncoding)) {
        throw line.reject(501, "unsupported Transfer-Encoding '" + transferEncoding + "'");
      }
      return new Framing(0, true, expectsContinue, keepAlive);
    }
    long length = parseLength(contentLength, line);
    if (length > bodyLimit) {
      throw line.reject(
          413, "body of " + length + " bytes exceeds the limit of " + bodyLimit + " bytes");
    }
    return new Framing(length, false, expectsContinue, keepAlive);
  }

  private static boolean isChunkedLast(String codings) {
    String[] parts = codings.split(",", -1);
    String last = parts[parts.length - 1].trim();
    // Only "chunked" alone is supported: compressed request bodies are not decoded here.
    return parts.length == 1 && last.equalsIgnoreCase("chunked");
  }

  private static long parseLength(@Nullable String contentLength, RequestLine line)
      throws MalformedRequestException {
    if (contentLength == null) {
      return 0;
    }
    if (contentLength.isEmpty()
        || contentLength.length() > 18
        || !contentLength.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw line.reject(400, "invalid Content-Length '" + Ascii.shown(contentLength) + "'");
    }
    return Long.parseLong(contentLength);
  }

  private static String join(@Nullable String earlier, String value) {
    return earlier == null || earlier.isEmpty() ? value : earlier + ", " + value;
  }
}
