package dev.vigil.http;

import java.util.Locale;
import java.util.Objects;

/**
 * The source and types of the timeline entries a {@link WebhookServer} records, so that a test
 * queries and waits on them by name. Types read {@code <what> <METHOD> <path>} with the full path
 * (namespace prefix included, query excluded); each entry carries the request's correlation id and,
 * as causation, {@code request-<sequence>}.
 *
 * <table>
 *   <caption>Entry types of source {@value #SOURCE}</caption>
 *   <tr><th>method</th><th>type</th><th>recorded when</th></tr>
 *   <tr><td>{@link #request}</td><td>{@code request POST /hook}</td>
 *       <td>a request's body has been read and the request joined the journal</td></tr>
 *   <tr><td>{@link #response}</td><td>{@code response 503 POST /hook}</td>
 *       <td>its response is about to be written (after any scripted delay)</td></tr>
 *   <tr><td>{@link #drop}</td><td>{@code drop POST /hook}</td>
 *       <td>a scripted {@link Response#dropConnection()} closed the connection unanswered</td></tr>
 *   <tr><td>{@link #handlerFailed}</td><td>{@code handler-failed POST /hook}</td>
 *       <td>a route's {@link RequestHandler} threw; the sender got a 500</td></tr>
 *   <tr><td>{@link #rejected}</td><td>{@code rejected 413}, {@code rejected connection}</td>
 *       <td>a request was refused on the wire (too large, malformed, timed out) or a connection
 *       failed mid-request or in its TLS handshake; see {@link WebhookServer#rejections()}</td></tr>
 * </table>
 *
 * <pre>{@code
 * vigil.timeline().trace(orderId).containsInOrder(
 *     HttpEntries.response(503, "POST", "/payment-complete"),
 *     HttpEntries.response(200, "POST", "/payment-complete"));
 * }</pre>
 *
 * @since 0.1
 */
public final class HttpEntries {
  /** The source of every entry the server records. */
  public static final String SOURCE = "http";

  private HttpEntries() {}

  /**
   * Returns the type of a received request.
   *
   * @param method the method, any case
   * @param path the full path
   * @return such as {@code request POST /hook}
   */
  public static String request(String method, String path) {
    return "request " + methodAndPath(method, path);
  }

  /**
   * Returns the type of a response.
   *
   * @param status the status sent
   * @param method the request's method, any case
   * @param path the request's full path
   * @return such as {@code response 503 POST /hook}
   */
  public static String response(int status, String method, String path) {
    return "response " + status + " " + methodAndPath(method, path);
  }

  /**
   * Returns the type of a scripted connection drop.
   *
   * @param method the request's method, any case
   * @param path the request's full path
   * @return such as {@code drop POST /hook}
   */
  public static String drop(String method, String path) {
    return "drop " + methodAndPath(method, path);
  }

  /**
   * Returns the type of a failed route handler.
   *
   * @param method the request's method, any case
   * @param path the request's full path
   * @return such as {@code handler-failed POST /hook}
   */
  public static String handlerFailed(String method, String path) {
    return "handler-failed " + methodAndPath(method, path);
  }

  /**
   * Returns the type of a rejection.
   *
   * @param status the status answered, or 0 when the connection failed before one could be
   * @return such as {@code rejected 413}, or {@code rejected connection} for status 0
   */
  public static String rejected(int status) {
    return status == 0 ? "rejected connection" : "rejected " + status;
  }

  private static String methodAndPath(String method, String path) {
    Objects.requireNonNull(method, "method must not be null");
    Objects.requireNonNull(path, "path must not be null");
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }
}
