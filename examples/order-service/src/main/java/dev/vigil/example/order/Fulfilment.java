package dev.vigil.example.order;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Fulfils a paid order: reserves its stock ({@code inventory.reserved}), waits for one of the
 * carrier's label slots, makes the label ({@code shipping.label_created}). When no slot frees up in
 * time, or when it is cancelled mid-way (its thread interrupted while it waits), it releases the
 * reservation, so no stock stays held for an order that does not ship.
 */
public final class Fulfilment {
  private final Inventory inventory;
  private final Shipping shipping;
  private final Semaphore carrierSlots;
  private final Duration slotWait;
  private final FlowEvents events;
  private final OrderStore orders;

  /**
   * Fulfils with these parts.
   *
   * @param inventory the stock
   * @param shipping the labels
   * @param carrierSlots how many labels the carrier makes at once; a test passes Vigil's {@code
   *     VirtualSemaphore}
   * @param slotWait how long to wait for a slot before giving the stock back
   * @param events where the steps are published
   * @param orders the orders, whose status moves on
   */
  public Fulfilment(
      Inventory inventory,
      Shipping shipping,
      Semaphore carrierSlots,
      Duration slotWait,
      FlowEvents events,
      OrderStore orders) {
    this.inventory = inventory;
    this.shipping = shipping;
    this.carrierSlots = carrierSlots;
    this.slotWait = slotWait;
    this.events = events;
    this.orders = orders;
  }

  /**
   * Fulfils one paid order.
   *
   * @param paid the order's {@code payment.completed} event
   * @param correlationId the order's correlation id
   * @return {@code true} when the order has its label or is out of stock; {@code false} when no
   *     carrier slot came free in time, the stock was given back and fulfilment should be retried
   * @throws InterruptedException when cancelled; the reservation is released first
   */
  public boolean fulfil(OrderEvent paid, String correlationId) throws InterruptedException {
    if (!inventory.reserve(paid.orderId(), paid.items())) {
      orders.advance(paid.orderId(), OrderStatus.OUT_OF_STOCK);
      return true;
    }
    events.publish(EventType.INVENTORY_RESERVED, paid, correlationId);
    orders.advance(paid.orderId(), OrderStatus.RESERVED);
    boolean shipped = false;
    try {
      if (!carrierSlots.tryAcquire(slotWait.toNanos(), TimeUnit.NANOSECONDS)) {
        return false;
      }
      try {
        String label = shipping.createLabel(paid.orderId());
        events.publish(EventType.SHIPPING_LABEL_CREATED, paid.withLabelId(label), correlationId);
        shipped = true;
      } finally {
        carrierSlots.release();
      }
      orders.advance(paid.orderId(), OrderStatus.LABEL_CREATED);
      return true;
    } catch (InterruptedException e) {
      orders.advance(paid.orderId(), OrderStatus.CANCELLED);
      throw e;
    } finally {
      if (!shipped) {
        inventory.release(paid.orderId());
      }
    }
  }
}
