package dev.vigil.junit5.example;

import dev.vigil.bus.Bus;
import dev.vigil.bus.BusConsumer;
import dev.vigil.bus.JsonCodec;
import dev.vigil.bus.Message;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The code under test of the README's example: bills each order, refuses unknown customers. */
final class Billing {
  private static final JsonCodec JSON = JsonCodec.plain();
  private final List<String> billed = new CopyOnWriteArrayList<>();
  private final Set<String> customers;

  Billing(Set<String> customers) {
    this.customers = customers;
  }

  /** An order placed by a customer. */
  record OrderPlaced(String orderId, String customerId) {}

  BusConsumer start(Bus bus, String queue) {
    return bus.consume(
        queue,
        message -> {
          OrderPlaced order = message.decode(JSON, OrderPlaced.class);
          if (!customers.contains(order.customerId())) {
            throw new IllegalStateException("unknown customer " + order.customerId());
          }
          billed.add(order.orderId());
        });
  }

  static void place(Bus bus, String topic, OrderPlaced order) {
    bus.publish(topic, Message.of(JSON.encode(order)));
  }

  List<String> billed() {
    return List.copyOf(billed);
  }
}
