package dev.vigil.example.order;

import dev.vigil.bus.ReceivedMessage;

/** Reads the correlation id a handler passes on. */
final class CorrelationIds {
  private CorrelationIds() {}

  /** Returns the message's correlation id, or the order id when it came without one. */
  static String of(ReceivedMessage message, String orderId) {
    String id = message.correlationId();
    return id != null ? id : orderId;
  }
}
