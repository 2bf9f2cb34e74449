package dev.vigil.example.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderStoreTest {
  private final OrderStore orders = new OrderStore();

  @Test
  void an_order_only_moves_forward() {
    orders.add(
        new Order(
            "ord-1",
            "corr-1",
            "cust-1",
            List.of(new OrderItem("prod-789", 1)),
            BigDecimal.ONE,
            OrderStatus.CREATED,
            null));

    assertThat(orders.advance("ord-1", OrderStatus.PAID)).isTrue();
    assertThat(orders.advance("ord-1", OrderStatus.PAYMENT_PENDING)).as("a late event").isFalse();
    assertThat(orders.advance("ord-1", OrderStatus.PAID)).as("a duplicate").isFalse();
    assertThat(orders.find("ord-1")).map(Order::status).contains(OrderStatus.PAID);
  }

  @Test
  void an_unknown_order_does_not_move() {
    assertThat(orders.advance("ord-404", OrderStatus.PAID)).isFalse();
  }
}
