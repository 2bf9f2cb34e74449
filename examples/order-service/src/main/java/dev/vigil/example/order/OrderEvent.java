package dev.vigil.example.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of every event of the order flow: the order itself, so that each consumer has what it
 * needs without asking back, and the step's own detail (the payment's or the label's id).
 *
 * @param eventType the seed's event type, e.g. {@code "order.created"}
 * @param orderId the order
 * @param customerId who ordered
 * @param items what was ordered
 * @param amount what it costs
 * @param paymentId the provider's payment id, once there is one
 * @param labelId the shipping label's id, once there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderEvent(
    @JsonProperty("event_type") String eventType,
    @JsonProperty("order_id") String orderId,
    @JsonProperty("customer_id") String customerId,
    @JsonProperty("items") List<OrderItem> items,
    @JsonProperty("amount") BigDecimal amount,
    @JsonProperty("payment_id") @Nullable String paymentId,
    @JsonProperty("label_id") @Nullable String labelId) {

  /**
   * Copies the items.
   *
   * @param eventType the seed's event type, e.g. {@code "order.created"}
   * @param orderId the order
   * @param customerId who ordered
   * @param items what was ordered
   * @param amount what it costs
   * @param paymentId the provider's payment id, once there is one
   * @param labelId the shipping label's id, once there is one
   */
  public OrderEvent {
    items = List.copyOf(items);
  }

  /**
   * Returns the {@code order.created} event of an order.
   *
   * @param order the order
   * @return the event
   */
  public static OrderEvent created(Order order) {
    return new OrderEvent(
        EventType.ORDER_CREATED.eventType(),
        order.orderId(),
        order.customerId(),
        order.items(),
        order.amount(),
        null,
        null);
  }

  /**
   * Returns this event as the next step of the flow.
   *
   * @param type the next step
   * @return the same order under the step's event type
   */
  public OrderEvent as(EventType type) {
    return new OrderEvent(type.eventType(), orderId, customerId, items, amount, paymentId, labelId);
  }

  /**
   * Returns this event with the provider's payment id.
   *
   * @param id the payment id
   * @return the copy
   */
  public OrderEvent withPaymentId(String id) {
    return new OrderEvent(eventType, orderId, customerId, items, amount, id, labelId);
  }

  /**
   * Returns this event with the shipping label's id.
   *
   * @param id the label id
   * @return the copy
   */
  public OrderEvent withLabelId(String id) {
    return new OrderEvent(eventType, orderId, customerId, items, amount, paymentId, id);
  }
}
