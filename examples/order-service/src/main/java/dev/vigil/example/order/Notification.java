package dev.vigil.example.order;

import java.util.concurrent.CompletableFuture;

/** One notice to the merchant that an order ships, and its delivery's outcome. */
public final class Notification {
  private final OrderEvent labelled;
  private final String correlationId;
  private final CompletableFuture<Void> delivered = new CompletableFuture<>();

  /**
   * A notice for an order that has its label.
   *
   * @param labelled the order's {@code shipping.label_created} event
   * @param correlationId the order's correlation id
   */
  public Notification(OrderEvent labelled, String correlationId) {
    this.labelled = labelled;
    this.correlationId = correlationId;
  }

  /**
   * Returns the order's {@code shipping.label_created} event.
   *
   * @return the event
   */
  public OrderEvent labelled() {
    return labelled;
  }

  /**
   * Returns the order's correlation id.
   *
   * @return the id
   */
  public String correlationId() {
    return correlationId;
  }

  /**
   * Returns a future that completes when the merchant has the notice, or fails when it could not be
   * delivered.
   *
   * @return the future
   */
  public CompletableFuture<Void> delivered() {
    return delivered;
  }

  @Override
  public String toString() {
    return "Notification[" + labelled.orderId() + "]";
  }
}
