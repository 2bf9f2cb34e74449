package dev.vigil.example.order;

import java.time.Clock;
import java.time.LocalDate;

/** Shipping: quotes a delivery date when an order is created, and makes its label. */
public final class Shipping {
  private final Clock clock;
  private final int deliveryDays;

  /**
   * Ships with the given lead time.
   *
   * @param clock today's date
   * @param deliveryDays days from order to delivery
   */
  public Shipping(Clock clock, int deliveryDays) {
    this.clock = clock;
    this.deliveryDays = deliveryDays;
  }

  /**
   * Returns when an order placed now is expected to arrive.
   *
   * @return the date
   */
  public LocalDate quoteDelivery() {
    return LocalDate.now(clock).plusDays(deliveryDays);
  }

  /**
   * Makes the carrier's label for an order.
   *
   * @param orderId the order
   * @return the label's id
   */
  public String createLabel(String orderId) {
    return "label-" + orderId;
  }
}
