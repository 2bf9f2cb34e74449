package dev.vigil.example.order;

/**
 * Where an order is in the flow. An order only moves forward: a late or duplicated event never
 * takes it back (see {@link OrderStore#advance}).
 */
public enum OrderStatus {
  /** Accepted; the flow has not started. */
  CREATED,
  /** Billing asked the provider for the payment. */
  PAYMENT_PENDING,
  /** The provider confirmed the payment. */
  PAID,
  /** The stock is reserved. */
  RESERVED,
  /** The shipping label exists. */
  LABEL_CREATED,
  /** The merchant was notified: the flow is done. */
  COMPLETED,
  /** The provider refused the payment. */
  PAYMENT_FAILED,
  /** There was not enough stock. */
  OUT_OF_STOCK,
  /** Fulfilment was cancelled mid-way; the reservation was released. */
  CANCELLED
}
