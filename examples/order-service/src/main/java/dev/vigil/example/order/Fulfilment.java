package dev.vigil.example.order;

import java.util.concurrent.Semaphore;

/**
 * Fulfils a paid order: reserves its stock ({@code inventory.reserved}), waits for one of the
 * carrier's label slots, makes the label ({@code shipping.label_created}). Cancelled mid-way — the
 * thread interrupted while it waits for a slot — it releases the reservation, so no stock stays
 * held for an order that will not ship.
 */
public final class Fulfilment {
  private final Inventory inventory;
  private final Shipping shipping;
  private final Semaphore carrierSlots;
  private final FlowEvents events;
  private final OrderStore orders;

  /**
   * Fulfils with these parts.
   *
   * @param inventory the stock
   * @param shipping the labels
   * @param carrierSlots how many labels the carrier makes at once; a test passes Vigil's {@code
   *     VirtualSemaphore}
   * @param events where the steps are published
   * @param orders the orders, whose status moves on
   */
  public Fulfilment(
      Inventory inventory,
      Shipping shipping,
      Semaphore carrierSlots,
      FlowEvents events,
      OrderStore orders) {
    this.inventory = inventory;
    this.shipping = shipping;
    this.carrierSlots = carrierSlots;
    this.events = events;
    this.orders = orders;
  }

  /**
   * Fulfils one paid order.
   *
   * @param paid the order's {@code payment.completed} event
   * @param correlationId the order's correlation id
   * @throws InterruptedException when cancelled; the reservation is released first
   */
  public void fulfil(OrderEvent paid, String correlationId) throws InterruptedException {
    if (!inventory.reserve(paid.orderId(), paid.items())) {
      orders.advance(paid.orderId(), OrderStatus.OUT_OF_STOCK);
      return;
    }
    events.publish(EventType.INVENTORY_RESERVED, paid, correlationId);
    orders.advance(paid.orderId(), OrderStatus.RESERVED);
    boolean shipped = false;
    try {
      carrierSlots.acquire();
      try {
        String label = shipping.createLabel(paid.orderId());
        events.publish(EventType.SHIPPING_LABEL_CREATED, paid.withLabelId(label), correlationId);
        shipped = true;
      } finally {
        carrierSlots.release();
      }
      orders.advance(paid.orderId(), OrderStatus.LABEL_CREATED);
    } finally {
      if (!shipped) {
        inventory.release(paid.orderId());
        orders.advance(paid.orderId(), OrderStatus.CANCELLED);
      }
    }
  }
}
