package dev.vigil.http.internal;

import org.jspecify.annotations.Nullable;

/**
 * A request that cannot be served as sent; the connection answers {@link #status()} and closes.
 * Carries what had been read, so that the rejection can be recorded with it.
 */
public final class MalformedRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final @Nullable String method;
  private final @Nullable String path;

  /**
   * Creates the rejection.
   *
   * @param status the response status: 400, 413, 414, 431, 501 or 505
   * @param reason what was wrong, for the response body and the journal
   * @param method the method, if the request line was read
   * @param path the path, if the request line was read
   */
  public MalformedRequestException(
      int status, String reason, @Nullable String method, @Nullable String path) {
    super(reason);
    this.status = status;
    this.method = method;
    this.path = path;
  }

  /**
   * Returns the status to answer with.
   *
   * @return an HTTP status code
   */
  public int status() {
    return status;
  }

  /**
   * Returns the method, if the request line had been read.
   *
   * @return the method or {@code null}
   */
  public @Nullable String method() {
    return method;
  }

  /**
   * Returns the path, if the request line had been read.
   *
   * @return the path or {@code null}
   */
  public @Nullable String path() {
    return path;
  }
}
