package dev.vigil.http.internal;

import java.util.List;
import java.util.Map;

/**
 * What to write back for one request.
 *
 * @param status the status code, 100 to 599
 * @param headers header fields to send, besides {@code Content-Length} and {@code Connection}
 * @param body the body; not sent for {@code HEAD}, 1xx, 204 and 304
 * @param dropConnection close the connection without writing anything
 */
// Internal carriers between reader, handler and writer: never compared or used as keys.
@SuppressWarnings("ArrayRecordComponent")
public record WireResponse(
    int status, List<Map.Entry<String, String>> headers, byte[] body, boolean dropConnection) {

  /**
   * A plain-text response, for rejections.
   *
   * @param status the status
   * @param text the body
   * @return the response
   */
  public static WireResponse text(int status, String text) {
    return new WireResponse(
        status,
        List.of(Map.entry("Content-Type", "text/plain; charset=utf-8")),
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        false);
  }
}
