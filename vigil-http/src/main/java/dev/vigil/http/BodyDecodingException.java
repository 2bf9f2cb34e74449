package dev.vigil.http;

import dev.vigil.http.internal.BodyText;
import org.jspecify.annotations.Nullable;

/**
 * A recorded request's body could not be decoded as asked; the request keeps its raw body, which
 * this failure shows (escaped, abbreviated) so that a failing test says what was actually sent.
 *
 * @since 0.1
 */
public final class BodyDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int SHOWN_BYTES = 300;

  BodyDecodingException(RecordedRequest request, String wanted, @Nullable Throwable cause) {
    super(
        "request "
            + request
            + ": body is not "
            + wanted
            + (cause == null || cause.getMessage() == null
                ? ""
                : " (" + firstLine(cause.getMessage()) + ")")
            + "; raw body ("
            + request.bodySize()
            + " bytes): "
            + BodyText.escaped(request.body(), SHOWN_BYTES),
        cause);
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
