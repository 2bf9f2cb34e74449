package dev.vigil.http;

import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** The installed routes, newest first: the first that accepts a request answers it. */
final class Routes {
  /** A route and the request as it saw it (relative to its namespace, with captures). */
  record Match(Route route, RecordedRequest request) {}

  private final CopyOnWriteArrayList<Route> routes = new CopyOnWriteArrayList<>();

  Route install(String prefix, RouteBuilder.Script script) {
    Route route =
        new Route(script.matcher(), prefix, script.responses(), script.handler(), routes::remove);
    routes.add(0, route);
    return route;
  }

  @Nullable Match find(RecordedRequest request) {
    for (Route route : routes) {
      RecordedRequest accepted = route.accept(request);
      if (accepted != null) {
        return new Match(route, accepted);
      }
    }
    return null;
  }

  void clear(String namespace) {
    routes.removeIf(route -> route.belongsTo(namespace));
  }
}
