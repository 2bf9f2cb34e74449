package dev.vigil.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Scripts the answers to the requests a matcher selects; made by {@link WebhookServer#when}.
 * Nothing is installed until {@link #respond} or {@link #answer} is called. Routes added later take
 * precedence over earlier ones, so a test can override what a shared setup scripted.
 *
 * <pre>{@code
 * server.when(RequestMatcher.post("/payment-complete"))
 *     .failFirst(2, Response.status(503))
 *     .respond(Response.ok());
 * }</pre>
 *
 * @since 0.1
 */
public final class RouteBuilder {
  private final RequestMatcher matcher;
  private final List<Response> first;
  private final Function<Script, Route> installer;

  /** What the builder hands to the server: the matcher, the responses and the optional handler. */
  record Script(
      RequestMatcher matcher, List<Response> responses, @Nullable RequestHandler handler) {}

  RouteBuilder(RequestMatcher matcher, List<Response> first, Function<Script, Route> installer) {
    this.matcher = matcher;
    this.first = first;
    this.installer = installer;
  }

  /**
   * Answers the first {@code times} matching requests with {@code failure}, before what {@link
   * #respond} or {@link #answer} scripts.
   *
   * @param times how many requests fail, at least 1
   * @param failure the failure, such as {@code Response.status(503)} or {@link
   *     Response#dropConnection()}
   * @return a builder with the failures first
   */
  public RouteBuilder failFirst(int times, Response failure) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    Objects.requireNonNull(failure, "failure must not be null");
    List<Response> more = new ArrayList<>(first);
    more.addAll(java.util.Collections.nCopies(times, failure));
    return new RouteBuilder(matcher, List.copyOf(more), installer);
  }

  /**
   * Installs the route: answers with {@code response}, then each of {@code then} in turn, the last
   * one repeating for every later request.
   *
   * @param response the first answer (after any {@link #failFirst} failures)
   * @param then the following answers, in order
   * @return the installed route
   */
  public Route respond(Response response, Response... then) {
    Objects.requireNonNull(response, "response must not be null");
    Objects.requireNonNull(then, "then must not be null");
    List<Response> all = new ArrayList<>(first);
    all.add(response);
    for (Response next : Arrays.asList(then)) {
      all.add(Objects.requireNonNull(next, "then must not contain null"));
    }
    return installer.apply(new Script(matcher, List.copyOf(all), null));
  }

  /**
   * Installs the route: answers each request (after any {@link #failFirst} failures) with what
   * {@code handler} returns.
   *
   * @param handler computes the response; runs on the connection's thread
   * @return the installed route
   */
  public Route answer(RequestHandler handler) {
    Objects.requireNonNull(handler, "handler must not be null");
    return installer.apply(new Script(matcher, first, handler));
  }
}
