package dev.vigil.example.order;

import dev.vigil.bus.Message;
import dev.vigil.bus.MessageBus;
import dev.vigil.bus.MessageCodec;

/** Publishes the flow's events on the bus, as JSON, each with the order's correlation id. */
public final class BusFlowEvents implements FlowEvents {
  private final MessageBus bus;
  private final MessageCodec codec;

  /**
   * Publishes on {@code bus}.
   *
   * @param bus the bus
   * @param codec how bodies are written, e.g. {@code JsonCodec.plain()}
   */
  public BusFlowEvents(MessageBus bus, MessageCodec codec) {
    this.bus = bus;
    this.codec = codec;
  }

  @Override
  public void publish(EventType type, OrderEvent event, String correlationId) {
    String body = codec.encode(event.as(type));
    bus.publish(type.topic(), Message.of(body).withCorrelationId(correlationId));
  }
}
