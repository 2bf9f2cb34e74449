package dev.vigil.example.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as the service keeps it.
 *
 * @param orderId the order's id
 * @param correlationId the id every event of its flow carries
 * @param customerId who ordered
 * @param items what was ordered
 * @param amount what it costs
 * @param status where it is in the flow
 * @param estimatedDelivery when shipping expects to deliver it, once quoted
 */
public record Order(
    String orderId,
    String correlationId,
    String customerId,
    List<OrderItem> items,
    BigDecimal amount,
    OrderStatus status,
    @Nullable LocalDate estimatedDelivery) {

  /**
   * Copies the items.
   *
   * @param orderId the order's id
   * @param correlationId the id every event of its flow carries
   * @param customerId who ordered
   * @param items what was ordered
   * @param amount what it costs
   * @param status where it is in the flow
   * @param estimatedDelivery when shipping expects to deliver it, once quoted
   */
  public Order {
    items = List.copyOf(items);
  }

  /**
   * Returns this order with another status.
   *
   * @param next the status
   * @return the copy
   */
  public Order withStatus(OrderStatus next) {
    return new Order(orderId, correlationId, customerId, items, amount, next, estimatedDelivery);
  }

  /**
   * Returns this order with a delivery estimate.
   *
   * @param date the estimated delivery date
   * @return the copy
   */
  public Order withEstimatedDelivery(LocalDate date) {
    return new Order(orderId, correlationId, customerId, items, amount, status, date);
  }
}
