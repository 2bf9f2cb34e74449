package dev.vigil.http.internal;

import java.util.List;
import java.util.Map;

/**
 * A request as read off the wire, before it is recorded.
 *
 * @param method the method token, such as {@code POST}
 * @param path the path of the request target, percent-encoded, starting with {@code /}
 * @param rawQuery the query of the target without {@code ?}, empty if none
 * @param version {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param headers the header fields in the order received, names as sent
 * @param body the body with any chunked framing removed
 * @param keepAlive whether the connection stays open after the response
 */
// Internal carriers between reader, handler and writer: never compared or used as keys.
@SuppressWarnings("ArrayRecordComponent")
public record WireRequest(
    String method,
    String path,
    String rawQuery,
    String version,
    List<Map.Entry<String, String>> headers,
    byte[] body,
    boolean keepAlive) {}
