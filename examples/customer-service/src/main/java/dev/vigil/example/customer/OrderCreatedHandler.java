package dev.vigil.example.customer;

import dev.vigil.bus.Message;
import dev.vigil.bus.MessageBus;
import dev.vigil.bus.MessageCodec;
import dev.vigil.bus.MessageHandler;
import dev.vigil.bus.ReceivedMessage;
import dev.vigil.example.customer.CustomerRepository.OrderAssociation;
import dev.vigil.example.customer.Events.CustomerOrderRegistered;
import dev.vigil.example.customer.Events.OrderCreated;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;

/**
 * Consumes {@code OrderCreated}: associates the order with its customer, once, and publishes {@code
 * CustomerOrderRegistered} when it did. What may pass later — the customer is not stored yet, the
 * store is unavailable — is rethrown as a {@link TransientError}, so that the bus redelivers the
 * message and finally dead-letters it; a message that can never be handled (not JSON, a field
 * missing) is logged and acknowledged, so that it is not retried for nothing.
 */
final class OrderCreatedHandler implements MessageHandler {
  private static final Logger LOG = System.getLogger(OrderCreatedHandler.class.getName());

  private final CustomerRepository customers;
  private final MessageBus bus;
  private final MessageCodec codec;
  private final Clock clock;

  OrderCreatedHandler(
      CustomerRepository customers, MessageBus bus, MessageCodec codec, Clock clock) {
    this.customers = Objects.requireNonNull(customers, "customers must not be null");
    this.bus = Objects.requireNonNull(bus, "bus must not be null");
    this.codec = Objects.requireNonNull(codec, "codec must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
  }

  @Override
  public void handle(ReceivedMessage message) {
    try {
      OrderCreated event = message.decode(codec, OrderCreated.class);
      if (register(event) == OrderAssociation.ADDED) {
        publishRegistered(event, message);
      }
    } catch (TransientError e) {
      throw e; // the bus redelivers it, and dead-letters it after maxReceiveCount receives
    } catch (RuntimeException e) {
      // Handling it again would fail again: acknowledge it rather than retry it for nothing.
      LOG.log(Level.WARNING, () -> "discarding OrderCreated " + message.messageId() + ": " + e);
    }
  }

  private OrderAssociation register(OrderCreated event) {
    OrderAssociation association;
    try {
      association = customers.addOrder(event.customerId(), event.orderId());
    } catch (StoreUnavailableException e) {
      throw new TransientError("store unavailable for order " + event.orderId(), e);
    }
    if (association == OrderAssociation.NO_SUCH_CUSTOMER) {
      throw new TransientError(
          "customer " + event.customerId() + " of order " + event.orderId() + " not found (yet)");
    }
    return association;
  }

  private void publishRegistered(OrderCreated event, ReceivedMessage cause) {
    String body =
        codec.encode(
            new CustomerOrderRegistered(
                event.customerId(), event.orderId(), clock.instant().toString()));
    Message registered = Message.of(body);
    String correlationId = cause.correlationId();
    bus.publish(
        Events.ORDER_REGISTERED_TOPIC,
        correlationId == null ? registered : registered.withCorrelationId(correlationId));
  }
}
