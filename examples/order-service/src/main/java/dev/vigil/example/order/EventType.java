package dev.vigil.example.order;

/**
 * The steps of the order flow, in the order they happen: each is published on its own topic, with
 * the seed's event type in the body's {@code event_type}. SQS and SNS names allow no dots, so the
 * topic spells the type with {@code --} and {@code -}.
 */
public enum EventType {
  /** An order was accepted by {@code POST /orders}. */
  ORDER_CREATED("order.created", "order--created"),
  /** Billing asked the payment provider to charge the order. */
  PAYMENT_INITIATED("payment.initiated", "payment--initiated"),
  /** The payment provider's webhook confirmed the payment. */
  PAYMENT_COMPLETED("payment.completed", "payment--completed"),
  /** The order's stock is reserved for it. */
  INVENTORY_RESERVED("inventory.reserved", "inventory--reserved"),
  /** The carrier's shipping label exists. */
  SHIPPING_LABEL_CREATED("shipping.label_created", "shipping--label-created"),
  /** The merchant was told the order ships. */
  NOTIFICATION_SENT("notification.sent", "notification--sent");

  private final String eventType;
  private final String topic;

  EventType(String eventType, String topic) {
    this.eventType = eventType;
    this.topic = topic;
  }

  /**
   * Returns the seed's name of the event, as the body's {@code event_type} carries it.
   *
   * @return e.g. {@code "payment.completed"}
   */
  public String eventType() {
    return eventType;
  }

  /**
   * Returns the topic the event is published on.
   *
   * @return e.g. {@code "payment--completed"}
   */
  public String topic() {
    return topic;
  }
}
