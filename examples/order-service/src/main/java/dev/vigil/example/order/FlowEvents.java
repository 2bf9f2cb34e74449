package dev.vigil.example.order;

/**
 * Where the steps of the flow announce themselves. The service publishes on the bus ({@link
 * BusFlowEvents}); a test of one step alone can record them in a list.
 */
@FunctionalInterface
public interface FlowEvents {

  /**
   * Publishes one step of an order's flow.
   *
   * @param type the step, which names the topic and the body's event type
   * @param event the order
   * @param correlationId the order's correlation id, carried on
   */
  void publish(EventType type, OrderEvent event, String correlationId);
}
