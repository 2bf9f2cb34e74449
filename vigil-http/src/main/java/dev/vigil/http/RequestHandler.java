package dev.vigil.http;

/**
 * Computes a route's response from the request, for answers that depend on what was sent.
 *
 * <pre>{@code
 * server.when(RequestMatcher.get("/orders/{id}"))
 *     .answer(request -> Response.json(200, "{\"id\":\"" + request.pathVariable("id") + "\"}"));
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface RequestHandler {

  /**
   * Answers one request; an exception becomes a {@code 500} whose body names it, and a {@code
   * handler-failed} entry on the timeline.
   *
   * @param request the request, with the path variables its route's template captured
   * @return the response
   * @throws Exception when the handler fails
   */
  Response handle(RecordedRequest request) throws Exception;
}
