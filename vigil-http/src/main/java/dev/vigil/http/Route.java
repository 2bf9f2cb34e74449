package dev.vigil.http;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A scripted route: the requests it answers and how. Made by {@link RouteBuilder}; counts the
 * requests it answered, and can be removed so that later requests fall through to older routes.
 *
 * @since 0.1
 */
public final class Route {
  private final RequestMatcher matcher;
  private final String prefix;
  private final List<Response> responses;
  private final @Nullable RequestHandler handler;
  private final AtomicInteger hits = new AtomicInteger();
  private final Runnable remover;

  Route(
      RequestMatcher matcher,
      String prefix,
      List<Response> responses,
      @Nullable RequestHandler handler,
      Consumer<Route> removal) {
    this.matcher = matcher;
    this.prefix = prefix;
    this.responses = responses;
    this.handler = handler;
    this.remover = () -> removal.accept(this);
  }

  /**
   * Returns how many requests this route has answered.
   *
   * @return the count
   */
  public int hits() {
    return hits.get();
  }

  /** Stops answering with this route; requests go to older routes or get the default 200. */
  public void remove() {
    remover.run();
  }

  /** Returns the request as this route sees it (relative, with captures), or {@code null}. */
  @Nullable RecordedRequest accept(RecordedRequest request) {
    RecordedRequest local = Namespaces.relative(request, prefix);
    return local == null ? null : matcher.match(local);
  }

  boolean belongsTo(String namespace) {
    return Namespaces.contains(namespace, prefix);
  }

  /** Takes the next answer: the i-th scripted response, then the handler or the last response. */
  Response answer(RecordedRequest matched) throws Exception {
    int index = hits.getAndIncrement();
    if (index < responses.size()) {
      return responses.get(index);
    }
    if (handler != null) {
      Response response = handler.handle(matched);
      if (response == null) {
        throw new IllegalStateException("the route's handler returned null for " + matched);
      }
      return response;
    }
    return responses.get(responses.size() - 1);
  }

  @Override
  public String toString() {
    return "route "
        + (prefix.isEmpty() ? "" : prefix + " ")
        + matcher
        + " → "
        + (handler == null ? responses : responses + " then handler");
  }
}
