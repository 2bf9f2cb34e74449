package dev.vigil.http;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A request the server refused on the wire, or a connection that failed before a request was
 * complete: kept beside the journal so that a wait that times out can say the sender did try.
 *
 * @param status the status answered (400, 408, 413, 414, 431, 501, 505), or 0 when none could be
 * @param reason what was wrong, such as {@code body of 2097152 bytes exceeds the limit of 1048576
 *     bytes}
 * @param method the method, if the request line was read
 * @param path the path, if the request line was read
 * @param at when it happened, from the context's clock
 * @since 0.1
 */
public record RejectedRequest(
    int status, String reason, @Nullable String method, @Nullable String path, Instant at) {

  @Override
  public String toString() {
    String what = method == null ? "" : " " + method + (path == null ? "" : " " + path);
    return (status == 0 ? "connection" : String.valueOf(status)) + what + ": " + reason;
  }
}
