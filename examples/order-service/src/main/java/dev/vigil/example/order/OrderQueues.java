package dev.vigil.example.order;

import dev.vigil.bus.MessageBus;
import dev.vigil.bus.QueueSpec;
import java.util.List;

/**
 * The queues of the flow and the topics they read. {@code order--created} fans out to billing,
 * shipping and inventory (the seed's queue drain); each later step has one queue on the step before
 * it, so the chain runs in order.
 */
public final class OrderQueues {
  /** Billing's copy of {@code order--created}: starts the payment. */
  public static final String BILLING_ORDER_CREATED = "billing--order-created";

  /** Shipping's copy of {@code order--created}: quotes the delivery date. */
  public static final String SHIPPING_ORDER_CREATED = "shipping--order-created";

  /** Inventory's copy of {@code order--created}: holds the stock. */
  public static final String INVENTORY_ORDER_CREATED = "inventory--order-created";

  /** Fulfilment's copy of {@code payment--completed}: reserves and ships. */
  public static final String FULFILMENT_PAYMENT_COMPLETED = "fulfilment--payment-completed";

  /** Notification's copy of {@code shipping--label-created}: tells the merchant. */
  public static final String NOTIFICATION_LABEL_CREATED = "notification--label-created";

  /** The three queues {@code order--created} fans out to. */
  public static final List<String> FAN_OUT =
      List.of(BILLING_ORDER_CREATED, SHIPPING_ORDER_CREATED, INVENTORY_ORDER_CREATED);

  /** Every queue the service reads. */
  public static final List<String> ALL =
      List.of(
          BILLING_ORDER_CREATED,
          SHIPPING_ORDER_CREATED,
          INVENTORY_ORDER_CREATED,
          FULFILMENT_PAYMENT_COMPLETED,
          NOTIFICATION_LABEL_CREATED);

  private OrderQueues() {}

  /**
   * Creates the flow's topics, queues (each with its dead-letter queue {@code <queue>--dlq}) and
   * subscriptions; does nothing for those that exist.
   *
   * @param bus the bus
   * @param config the queues' visibility timeout and receive count
   */
  public static void declare(MessageBus bus, OrderConfig config) {
    for (EventType type : EventType.values()) {
      bus.createTopic(type.topic());
    }
    for (String queue : ALL) {
      bus.createQueue(
          QueueSpec.named(queue)
              .withVisibilityTimeout(config.visibilityTimeout())
              .withDeadLetterQueue(deadLetterQueue(queue), config.maxReceiveCount()));
    }
    for (String queue : FAN_OUT) {
      bus.subscribe(EventType.ORDER_CREATED.topic(), queue);
    }
    bus.subscribe(EventType.PAYMENT_COMPLETED.topic(), FULFILMENT_PAYMENT_COMPLETED);
    bus.subscribe(EventType.SHIPPING_LABEL_CREATED.topic(), NOTIFICATION_LABEL_CREATED);
  }

  /**
   * Returns the dead-letter queue of a queue.
   *
   * @param queue the queue
   * @return {@code <queue>--dlq}
   */
  public static String deadLetterQueue(String queue) {
    return queue + "--dlq";
  }
}
