package dev.vigil.example.order;

import dev.vigil.bus.MessageCodec;
import dev.vigil.bus.ReceivedMessage;
import java.net.URI;
import java.util.concurrent.CompletionException;

/**
 * Billing's consumer of {@code order--created}: announces {@code payment.initiated}, then asks the
 * provider to charge the order. The announcement comes first so that the provider's webhook, which
 * may arrive before the provider even answers, always follows it.
 */
public final class Billing {
  private final PaymentGateway payments;
  private final FlowEvents events;
  private final OrderStore orders;
  private final MessageCodec codec;
  private final URI callbackUrl;

  /**
   * Bills orders through {@code payments}.
   *
   * @param payments the provider, with its timeout
   * @param events where {@code payment.initiated} goes
   * @param orders the orders, whose status moves to {@link OrderStatus#PAYMENT_PENDING}
   * @param codec how bodies are read
   * @param callbackUrl the service's payment webhook
   */
  public Billing(
      PaymentGateway payments,
      FlowEvents events,
      OrderStore orders,
      MessageCodec codec,
      URI callbackUrl) {
    this.payments = payments;
    this.events = events;
    this.orders = orders;
    this.codec = codec;
    this.callbackUrl = callbackUrl;
  }

  /**
   * Handles one {@code order--created}; a provider failure or timeout throws, so the bus retries.
   *
   * @param message the message
   */
  public void handle(ReceivedMessage message) {
    OrderEvent order = message.decode(codec, OrderEvent.class);
    String correlationId = CorrelationIds.of(message, order.orderId());
    events.publish(EventType.PAYMENT_INITIATED, order, correlationId);
    orders.advance(order.orderId(), OrderStatus.PAYMENT_PENDING);
    try {
      payments
          .initiate(new PaymentRequest(order.orderId(), order.amount(), callbackUrl, correlationId))
          .join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
