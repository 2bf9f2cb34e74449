package dev.vigil.example.order;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The service's orders, in memory: what {@code GET /orders/{id}} reads. */
public final class OrderStore {
  private final Map<String, Order> orders = new ConcurrentHashMap<>();

  /**
   * Stores a new order.
   *
   * @param order the order
   */
  public void add(Order order) {
    orders.put(order.orderId(), order);
  }

  /**
   * Finds an order.
   *
   * @param orderId the order's id
   * @return the order, or empty when unknown
   */
  public Optional<Order> find(String orderId) {
    return Optional.ofNullable(orders.get(orderId));
  }

  /**
   * Moves an order forward to {@code status}; a status behind the current one is ignored, so
   * duplicated or late events cannot take an order back.
   *
   * @param orderId the order's id
   * @param status the new status
   * @return {@code true} when the order moved; {@code false} when it was already there or beyond,
   *     or is unknown
   */
  public boolean advance(String orderId, OrderStatus status) {
    AtomicBoolean moved = new AtomicBoolean();
    orders.computeIfPresent(
        orderId,
        (id, order) -> {
          if (status.compareTo(order.status()) <= 0) {
            return order;
          }
          moved.set(true);
          return order.withStatus(status);
        });
    return moved.get();
  }

  /**
   * Records shipping's delivery estimate for an order.
   *
   * @param orderId the order's id
   * @param date the estimate
   */
  public void estimateDelivery(String orderId, LocalDate date) {
    orders.computeIfPresent(orderId, (id, order) -> order.withEstimatedDelivery(date));
  }
}
