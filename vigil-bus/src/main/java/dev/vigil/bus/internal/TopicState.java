package dev.vigil.bus.internal;

import dev.vigil.bus.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A topic and its subscriptions, each with its parsed filter policy. */
final class TopicState {
  final String name;
  final String arn;
  final List<Route> routes = new CopyOnWriteArrayList<>();

  TopicState(String name) {
    this.name = name;
    this.arn = SnsEnvelope.topicArn(name);
  }

  boolean fifo() {
    return name.endsWith(".fifo");
  }

  /** Adds a subscription, replacing the queue's earlier one as SNS does for the same endpoint. */
  void subscribe(Subscription subscription) {
    routes.removeIf(route -> route.subscription.queue().equals(subscription.queue()));
    FilterPolicy policy =
        subscription.filterPolicy() == null
            ? FilterPolicy.acceptAll()
            : FilterPolicy.parse(subscription.filterPolicy(), subscription.filterPolicyScope());
    routes.add(new Route(subscription, policy));
  }

  void unsubscribe(String queue) {
    routes.removeIf(route -> route.subscription.queue().equals(queue));
  }

  /** One subscription, ready to route. */
  record Route(Subscription subscription, FilterPolicy policy) {}
}
